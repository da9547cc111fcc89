import type { ErrorTable } from '@/server/core/errors';

/**
 * The profiles module's error codes: an organization's profiles. Any module may throw them;
 * server/core/errors.ts assembles the one catalog from the tables listed in server/modules/catalog.ts.
 */
export const profilesErrors = {
  PROFILE_NOT_FOUND: { status: 404, title: 'Organization profile not found' },
} as const satisfies ErrorTable;
