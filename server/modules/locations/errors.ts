import type { ErrorTable } from '@/server/core/errors';
import { bulkLocationErrors } from './bulk/errors';

/** The locations module's error codes (server/core/errors.ts assembles the one catalog). */
export const locationsErrors = { ...bulkLocationErrors } as const satisfies ErrorTable;
