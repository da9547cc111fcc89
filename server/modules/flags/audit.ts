import type { AuditTable } from '@/server/modules/catalog';

/** The flags module's audit actions, worded for the admin console and the organization's activity. */
export const flagsAudit = {
  group: 'Everything about feature flags',
  actions: {
    'flags.changed': { label: 'Changed feature flags', phrase: 'changed the feature flags of' },
  },
} as const satisfies AuditTable;
