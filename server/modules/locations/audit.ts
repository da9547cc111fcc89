import type { AuditTable } from '@/server/modules/catalog';
import { bulkLocationAuditActions } from './bulk/audit';

/** The locations module's audit actions, worded for the admin console and the organization's activity. */
export const locationsAudit = {
  actions: { ...bulkLocationAuditActions },
} as const satisfies AuditTable;
