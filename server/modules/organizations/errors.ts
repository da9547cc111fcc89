import type { ErrorTable } from '@/server/core/errors';

/**
 * The organizations module's error codes: organizations. Any module may throw them;
 * server/core/errors.ts assembles the one catalog from the tables listed in server/modules/catalog.ts.
 */
export const organizationsErrors = {
  ORGANIZATION_NOT_FOUND: { status: 404, title: 'Organization not found' },
  ORGANIZATION_ARCHIVED: { status: 409, title: 'The organization is archived; restore it first' },
} as const satisfies ErrorTable;
