import { adminRoutes } from './routes-admin';
import { organizationRoutes } from './routes-organizations';
/**
 * The REST contract (shared/contract/REST.md) as one table: each row maps a method and path onto
 * a tRPC procedure. Fastify routes and the OpenAPI document are both generated from it.
 */
/** `adminOrClient`: a platform admin user, or an API key with the admin scope (REST.md #38, #41). */
export type AuthKind = 'public' | 'user' | 'admin' | 'adminOrClient';

export type RestRoute = Readonly<{
  method: 'GET' | 'POST';
  path: string;
  procedure: string;
  auth: AuthKind;
  status: 200 | 201 | 202 | 204;
  summary: string;
  tag: string;
  /** request headers read into the procedure's input: header name -> input field */
  headers?: Readonly<Record<string, string>>;
  /** the answer carries secrets (tokens, TOTP secrets, recovery codes): never stored for Idempotency-Key */
  secret?: boolean;
  /** refusals a public route can answer besides 400 and 429, for the OpenAPI document */
  refusals?: readonly { status: 401 | 403; codes: string }[];
}>;

const identityRoutes: readonly RestRoute[] = [
  {
    method: 'POST',
    path: '/auth/login',
    procedure: 'auth.login',
    auth: 'public',
    status: 200,
    tag: 'Identity',
    secret: true,
    refusals: [
      { status: 401, codes: 'INVALID_CREDENTIALS, TFA_REQUIRED, TFA_INVALID' },
      { status: 403, codes: 'PASSWORD_CHANGE_REQUIRED, with restrictedToken for POST /auth/password' },
    ],
    summary: 'Authenticate a user and return an access token',
  },
  {
    method: 'POST',
    path: '/auth/login/initiate',
    procedure: 'auth.initiateLogin',
    auth: 'public',
    status: 202,
    tag: 'Identity',
    summary: 'Initiate a login flow for a given email address (emails a one-time code)',
  },
  {
    method: 'POST',
    path: '/auth/logout',
    procedure: 'auth.logout',
    auth: 'user',
    status: 204,
    tag: 'Identity',
    summary: 'Terminate the current session',
  },
  {
    method: 'POST',
    path: '/auth/refresh',
    procedure: 'auth.refresh',
    auth: 'public',
    status: 200,
    tag: 'Identity',
    secret: true,
    refusals: [{ status: 401, codes: 'INVALID_TOKEN, TOKEN_REUSED (the session is ended)' }],
    headers: { 'x-refresh-token': 'refreshToken' },
    summary: 'Refresh the current access token',
  },
  {
    method: 'GET',
    path: '/auth/me',
    procedure: 'auth.me',
    auth: 'user',
    status: 200,
    tag: 'Identity',
    summary: 'Return the current user profile in the selected organization context',
  },
  {
    method: 'POST',
    path: '/auth/password',
    procedure: 'auth.changePassword',
    auth: 'user',
    status: 204,
    tag: 'Identity',
    summary: 'Change the current user password',
  },
  {
    method: 'POST',
    path: '/auth/password/reset',
    procedure: 'auth.requestPasswordReset',
    auth: 'public',
    status: 202,
    tag: 'Identity',
    summary: 'Email a password reset link (same answer for unknown emails)',
  },
  {
    method: 'POST',
    path: '/auth/password/reset/complete',
    procedure: 'auth.completePasswordReset',
    auth: 'public',
    refusals: [{ status: 401, codes: 'INVALID_TOKEN' }],
    status: 204,
    tag: 'Identity',
    summary: 'Set a new password with the emailed reset token',
  },
  {
    method: 'GET',
    path: '/auth/sessions',
    procedure: 'auth.sessions.list',
    auth: 'user',
    status: 200,
    tag: 'Identity',
    summary: "List the current user's sessions",
  },
  {
    method: 'POST',
    path: '/auth/sessions/revoke',
    procedure: 'auth.sessions.revoke',
    auth: 'user',
    status: 204,
    tag: 'Identity',
    summary: "End one of the current user's sessions",
  },
  {
    method: 'POST',
    path: '/auth/tfa/create',
    procedure: 'auth.tfa.create',
    auth: 'user',
    status: 201,
    tag: 'Two-factor',
    secret: true,
    summary: 'Create a two-factor authentication method for the current user',
  },
  {
    method: 'POST',
    path: '/auth/tfa/activate',
    procedure: 'auth.tfa.activate',
    auth: 'user',
    status: 200,
    tag: 'Two-factor',
    secret: true,
    summary: 'Activate a previously created two-factor authentication method',
  },
  {
    method: 'POST',
    path: '/auth/tfa/disable',
    procedure: 'auth.tfa.disable',
    auth: 'user',
    status: 200,
    tag: 'Two-factor',
    summary: 'Disable a two-factor authentication method',
  },
  {
    method: 'POST',
    path: '/auth/tfa/remove',
    procedure: 'auth.tfa.remove',
    auth: 'user',
    status: 204,
    tag: 'Two-factor',
    summary: 'Remove a two-factor authentication method',
  },
  {
    method: 'GET',
    path: '/auth/tfa',
    procedure: 'auth.tfa.list',
    auth: 'user',
    status: 200,
    tag: 'Two-factor',
    summary: 'List configured two-factor authentication methods for the current user',
  },
];

export const restRoutes: readonly RestRoute[] = [...identityRoutes, ...organizationRoutes, ...adminRoutes];

export const REST_PREFIX = '/api/v1';
