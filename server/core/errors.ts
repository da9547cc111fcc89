/**
 * Every error a caller can see, by stable code. Services throw `new AppError(code)`;
 * the REST adapter and tRPC map the code to a status here and nowhere else.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  PASSWORD_POLICY: { status: 400, title: 'The password does not meet the policy' },
  INVALID_CREDENTIALS: { status: 401, title: 'Email or secret is wrong' },
  TFA_REQUIRED: { status: 401, title: 'A two-factor code is required' },
  TFA_INVALID: { status: 401, title: 'The two-factor code is wrong or already used' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication is required' },
  INVALID_CLIENT_CREDENTIALS: { status: 401, title: 'The client-id or client-key is wrong' },
  INVALID_TOKEN: { status: 401, title: 'The token is invalid or expired' },
  TOKEN_REUSED: { status: 401, title: 'The refresh token was already used; the session is ended' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, title: 'The password must be changed before going on' },
  FORBIDDEN: { status: 403, title: 'You are not allowed to do this' },
  FRESH_SIGN_IN_REQUIRED: { status: 403, title: 'Sign in again to do this' },
  NOT_PREPRODUCTION: { status: 403, title: 'This deployment is not preproduction' },
  GRANT_NOT_ALLOWED: { status: 403, title: 'You cannot grant a role with permissions you do not hold' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  USER_NOT_FOUND: { status: 404, title: 'User not found' },
  ORGANIZATION_NOT_FOUND: { status: 404, title: 'Organization not found' },
  PROFILE_NOT_FOUND: { status: 404, title: 'Organization profile not found' },
  MEMBER_NOT_FOUND: { status: 404, title: 'This person is not a member of the organization' },
  LINK_INVALID: { status: 404, title: 'The link is invalid, used or expired' },
  INVITATION_INVALID: { status: 404, title: 'The invitation is invalid, used or expired' },
  TFA_NOT_FOUND: { status: 404, title: 'Two-factor method not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed on this endpoint' },
  ORGANIZATION_ARCHIVED: { status: 409, title: 'The organization is archived; restore it first' },
  CANNOT_DISABLE_SELF: { status: 409, title: 'You cannot disable your own account' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, title: 'A request with this Idempotency-Key is still running' },
  EMAIL_TAKEN: { status: 409, title: 'A user with this email already exists' },
  LAST_ORGANIZATION_ADMIN: {
    status: 409,
    title: 'An organization must keep at least one default.organization.admin',
  },
  LAST_PLATFORM_ADMIN: { status: 409, title: 'The platform must keep at least one platform.admin' },
  ALREADY_MEMBER: { status: 409, title: 'This person is already a member of the organization' },
  NOT_INVITED: { status: 409, title: 'This member has no pending invitation' },
  TFA_NOT_PENDING: { status: 409, title: 'There is no two-factor method waiting for activation' },
  REQUEST_TIMEOUT: { status: 408, title: 'The request took too long to arrive' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The request body must be JSON' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'This Idempotency-Key was used with another request' },
  RATE_LIMITED: { status: 429, title: 'Too many attempts; try again later' },
  HEADERS_TOO_LARGE: { status: 431, title: 'The request line or headers are too large' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalog;

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
