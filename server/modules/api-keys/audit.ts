import type { AuditTable } from '@/server/modules/catalog';

/** The apiKeys module's audit actions, worded for the admin console and the organization's activity. */
export const apiKeysAudit = {
  group: 'Everything about API keys',
  actions: {
    'key.created': { label: 'Created an API key', phrase: 'created an API key' },
    'key.rotated': { label: 'Rotated an API key', phrase: 'rotated an API key' },
    'key.revoked': { label: 'Revoked an API key', phrase: 'revoked an API key' },
    'key.refused': {
      label: 'Refused an API key whose creator lost the permission',
      phrase: 'was refused: its creator no longer holds the permission',
      complete: true,
    },
  },
} as const satisfies AuditTable;
