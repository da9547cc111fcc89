import type { ErrorTable } from '@/server/core/errors';

/** The flags module's error codes (server/core/errors.ts assembles the one catalog). */
export const flagsErrors = {} as const satisfies ErrorTable;
