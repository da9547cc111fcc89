import type { ErrorTable } from '@/server/core/errors';

/**
 * The admin module's error codes: the platform console: users, the platform's administrators, preproduction. Any module may throw them;
 * server/core/errors.ts assembles the one catalog from the tables listed in server/modules/catalog.ts.
 */
export const adminErrors = {
  USER_NOT_FOUND: { status: 404, title: 'User not found' },
  EMAIL_TAKEN: { status: 409, title: 'A user with this email already exists' },
  CANNOT_DISABLE_SELF: { status: 409, title: 'You cannot disable your own account' },
  LAST_PLATFORM_ADMIN: { status: 409, title: 'The platform must keep at least one platform.admin' },
  NOT_PREPRODUCTION: { status: 403, title: 'This deployment is not preproduction' },
} as const satisfies ErrorTable;
