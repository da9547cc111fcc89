import type { ErrorTable } from '@/server/core/errors';

/**
 * The auth module's error codes: sign-in, sessions, tokens, passwords, two-factor methods, emailed
 * links. Any module may throw them;
 * server/core/errors.ts assembles the one catalog from the tables listed in server/modules/catalog.ts.
 */
export const authErrors = {
  PASSWORD_POLICY: { status: 400, title: 'The password does not meet the policy' },
  INVALID_CREDENTIALS: { status: 401, title: 'Email or secret is wrong' },
  TFA_REQUIRED: { status: 401, title: 'A two-factor code is required' },
  TFA_INVALID: { status: 401, title: 'The two-factor code is wrong or already used' },
  INVALID_CLIENT_CREDENTIALS: { status: 401, title: 'The client-id or client-key is wrong' },
  INVALID_TOKEN: { status: 401, title: 'The token is invalid or expired' },
  TOKEN_REUSED: { status: 401, title: 'The refresh token was already used; the session is ended' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, title: 'The password must be changed before going on' },
  FRESH_SIGN_IN_REQUIRED: { status: 403, title: 'Sign in again to do this' },
  LINK_INVALID: { status: 404, title: 'The link is invalid, used or expired' },
  TFA_NOT_FOUND: { status: 404, title: 'Two-factor method not found' },
  TFA_NOT_ACTIVE: { status: 409, title: 'Two-factor sign-in is off: there are no recovery codes' },
  TFA_NOT_PENDING: { status: 409, title: 'There is no two-factor method waiting for activation' },
} as const satisfies ErrorTable;
