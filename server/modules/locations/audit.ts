import type { AuditTable } from '@/server/modules/catalog';

/** The locations module's audit actions, worded for the admin console and the organization's activity. */
export const locationsAudit = {
  actions: {},
} as const satisfies AuditTable;
