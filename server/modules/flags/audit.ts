import type { AuditTable } from '@/server/modules/catalog';

/** The flags module's audit actions, worded for the admin console and the organization's activity. */
export const flagsAudit = {
  actions: {},
} as const satisfies AuditTable;
