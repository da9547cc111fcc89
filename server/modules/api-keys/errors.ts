import type { ErrorTable } from '@/server/core/errors';

/** The apiKeys module's error codes (server/core/errors.ts assembles the one catalog). */
export const apiKeysErrors = {
  API_KEY_ADMIN_SCOPE_FORBIDDEN: {
    status: 403,
    title: 'Only a platform administrator can grant the admin scope',
  },
  API_KEY_CREATOR_LACKS_PERMISSION: {
    status: 403,
    title: "The API key's creator no longer holds the permission this needs",
  },
  API_KEY_NOT_FOUND: { status: 404, title: 'No such API key' },
  API_KEY_REVOKED: { status: 409, title: 'The API key is revoked' },
  API_KEY_EXPIRY_IN_PAST: { status: 422, title: 'The expiry must be in the future' },
} as const satisfies ErrorTable;
