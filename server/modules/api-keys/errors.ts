import type { ErrorTable } from '@/server/core/errors';

/** The apiKeys module's error codes (server/core/errors.ts assembles the one catalog). */
export const apiKeysErrors = {} as const satisfies ErrorTable;
