import type { ErrorTable } from '@/server/core/errors';
import { bulkLocationErrors } from './bulk/errors';

/**
 * The locations module's error codes (server/core/errors.ts assembles the one catalog). A location
 * of another tenant, or of a profile an API key does not act for, is LOCATION_NOT_FOUND exactly
 * like a missing one.
 */
export const locationsErrors = {
  LOCATION_NOT_FOUND: { status: 404, title: 'Business location not found' },
  LOCATION_NAME_TAKEN: { status: 409, title: 'The profile already has a location of this name' },
  LOCATION_CODE_TAKEN: { status: 409, title: 'The profile already has a location with this code' },
  ...bulkLocationErrors,
} as const satisfies ErrorTable;
