import type { AuditTable } from '@/server/modules/catalog';

/** The organizations module's audit actions, worded for the admin console and the organization's activity. */
export const organizationsAudit = {
  group: 'Everything about the organization',
  actions: {
    'organization.created': { label: 'Created the organization', phrase: 'created the organization' },
    'organization.updated': {
      label: "Changed the organization's details",
      phrase: "changed the organization's details",
    },
    'organization.archived': { label: 'Archived the organization', phrase: 'archived the organization' },
    'organization.restored': { label: 'Restored the organization', phrase: 'restored the organization' },
  },
} as const satisfies AuditTable;
