import type { AuditTable } from '@/server/modules/catalog';

/** The profiles module's audit actions, worded for the admin console and the organization's activity. */
export const profilesAudit = {
  group: 'Everything about profiles',
  actions: {
    'profile.created': { label: 'Created a profile', phrase: 'created a profile' },
    'profile.updated': { label: 'Changed a profile', phrase: 'changed a profile' },
  },
} as const satisfies AuditTable;
