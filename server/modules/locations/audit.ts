import type { AuditTable } from '@/server/modules/catalog';
import { bulkLocationAuditActions } from './bulk/audit';

/** The locations module's audit actions, worded for the admin console and the organization's activity. */
export const locationsAudit = {
  group: 'Everything about business locations',
  actions: {
    'location.created': { label: 'Created a business location', phrase: 'created the business location' },
    'location.updated': { label: 'Changed a business location', phrase: 'changed the business location' },
    'location.statusChanged': {
      label: 'Changed the status of business locations',
      phrase: 'changed the status of business locations',
    },
    ...bulkLocationAuditActions,
  },
} as const satisfies AuditTable;
