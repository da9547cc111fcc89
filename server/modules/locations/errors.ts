import type { ErrorTable } from '@/server/core/errors';

/** The locations module's error codes (server/core/errors.ts assembles the one catalog). */
export const locationsErrors = {} as const satisfies ErrorTable;
