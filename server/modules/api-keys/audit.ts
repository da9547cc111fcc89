import type { AuditTable } from '@/server/modules/catalog';

/** The apiKeys module's audit actions, worded for the admin console and the organization's activity. */
export const apiKeysAudit = {
  actions: {},
} as const satisfies AuditTable;
