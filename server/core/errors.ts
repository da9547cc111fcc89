import { type ModuleErrorCode, modules } from '@/server/modules/catalog';

/** A module's error codes: each code's HTTP status and the title a caller reads. */
export type ErrorTable = Record<string, { status: number; title: string }>;

/**
 * The cross-cutting codes: the request itself (validation, size, media type, time, idempotency),
 * authentication and permission in general, and the server's own failure. A code that belongs to
 * one area lives in that module's errors.ts.
 */
export const coreErrors = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication is required' },
  FORBIDDEN: { status: 403, title: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed on this endpoint' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, title: 'A request with this Idempotency-Key is still running' },
  REQUEST_TIMEOUT: { status: 408, title: 'The request took too long to arrive' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The request body must be JSON' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'This Idempotency-Key was used with another request' },
  RATE_LIMITED: { status: 429, title: 'Too many attempts; try again later' },
  HEADERS_TOO_LARGE: { status: 431, title: 'The request line or headers are too large' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side' },
} as const satisfies ErrorTable;

export type ErrorCode = keyof typeof coreErrors | ModuleErrorCode;

/**
 * Every error a caller can see, by stable code: the core codes and every module's table (the list
 * is server/modules/catalog.ts, data only, so importing it here makes no cycle). Services throw
 * `new AppError(code)`; the REST adapter and tRPC map the code to a status here and nowhere else.
 * Ordered by status (the API reference and the OpenAPI enum read in that order); a code declared
 * twice stops the server at its start.
 */
export const errorCatalog: Readonly<Record<ErrorCode, { status: number; title: string }>> = assemble([
  coreErrors,
  ...Object.values(modules).flatMap((module): ErrorTable[] => ('errors' in module ? [module.errors] : [])),
]);

function assemble(tables: ErrorTable[]): Record<ErrorCode, { status: number; title: string }> {
  const entries: [string, { status: number; title: string }][] = [];
  const seen = new Set<string>();
  for (const table of tables)
    for (const [code, entry] of Object.entries(table)) {
      if (seen.has(code)) throw new Error(`The error code ${code} is declared by two modules`);
      seen.add(code);
      entries.push([code, entry]);
    }
  entries.sort(([, a], [, b]) => a.status - b.status);
  return Object.freeze(Object.fromEntries(entries)) as Record<ErrorCode, { status: number; title: string }>;
}

export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors?: FieldError[];
  /** extra members of the problem body (e.g. restrictedToken, retryAfterSeconds) */
  readonly extra?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(detail ?? errorCatalog[code].title);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.errors = options.errors;
    this.extra = options.extra;
  }
}

/** Reads an AppError also across bundles (Next's copy of this module is another class). */
export function asAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const e = error as { name?: string; code?: string } | undefined;
  if (e?.name === 'AppError' && typeof e.code === 'string' && e.code in errorCatalog) return e as AppError;
  return undefined;
}

/** SQLSTATE class 22 (data exception): a value PostgreSQL cannot take, e.g. a date out of range. */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

/**
 * The database's SQLSTATE behind an error: postgres.js and PGlite set `code`, Drizzle wraps
 * either in a DrizzleQueryError whose `cause` holds it.
 */
export function sqlState(error: unknown): string | undefined {
  let current = error as { code?: unknown; cause?: unknown } | undefined;
  for (let hops = 0; current && hops < 5; hops++, current = current.cause as typeof current) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
  }
  return undefined;
}

/**
 * asAppError, plus the last resort for input that got past validation into a query: a data
 * exception is the caller's bad value (400), never a 500. The SQL and its values stay out.
 */
export function toAppError(error: unknown): AppError | undefined {
  const app = asAppError(error);
  if (app) return app;
  const state = sqlState(error);
  if (state && DATA_EXCEPTION.test(state))
    return new AppError('VALIDATION_FAILED', 'A value in the request is malformed or out of range.');
  return undefined;
}
