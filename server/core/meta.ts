import type { Permission } from './access/catalog';

/**
 * Who may call a procedure: `public` (anyone; a credential may be in the input), `session` (any
 * signed-in session, also one that must change its password first), `self` (a signed-in user
 * acting on their own account), or a catalog permission (checked by the builder for platform
 * permissions and for API keys' scopes; the service re-checks the specific record).
 */
export type Access = 'public' | 'session' | 'self' | Permission;

/**
 * REST auth kinds: `user` a bearer access token; `user_or_client` that, or an API key's
 * `client-id` + `client-key`.
 */
export type RestAuth = 'public' | 'user' | 'user_or_client';

export type RestShape = Readonly<{
  method: 'GET' | 'POST';
  /** below /api/v1; `{name}` segments are path parameters read into the input field of that name */
  path: string;
  status: 200 | 201 | 202 | 204;
  auth: RestAuth;
  summary: string;
  tag: string;
  /** request headers read into the procedure's input: header name -> input field */
  headers?: Readonly<Record<string, string>>;
  /** query parameters read into the input (GET routes read every declared field from the query) */
  query?: readonly string[];
  /**
   * A non-JSON request body (e.g. text/csv) read as text into one input field, with its own size
   * limit in bytes.
   */
  body?: Readonly<{ contentType: string; field: string; limit: number }>;
  /**
   * A non-JSON answer: the procedure returns `{ contentType, filename?, body }` and the adapter
   * sends `body` (a string or bytes) with that type.
   */
  produces?: string;
  /**
   * the answer carries secrets (tokens, TOTP secrets, recovery codes): never stored for
   * Idempotency-Key; a function of the request's input when only some answers do (the key is then
   * ignored for those, and still documented)
   */
  secret?: boolean | ((input: unknown) => boolean);
  /** refusals a public route can answer besides 400 and 429, for the OpenAPI document */
  refusals?: readonly { status: 401 | 403 | 404; codes: string }[];
}>;

export type ProcedureMeta = Readonly<{
  permission: Access;
  rest?: RestShape;
  /**
   * What the entry point loads with the session in the same round trip, for a hot read that
   * needs it anyway (`me`, `organizations.list`); the service loads it itself when it is absent.
   */
  preload?: 'memberships';
}>;

/** A non-JSON answer of a procedure whose REST shape declares `produces`. */
export type FileAnswer = Readonly<{ contentType: string; filename?: string; body: string | Uint8Array }>;

type RestOptions = Partial<Omit<RestShape, 'method' | 'path' | 'summary'>>;

/**
 * A module's REST shapes in one line each: `rest.post('/organization-users/invite', 'Invite a
 * user…', { status: 201 })`. Defaults: status 200, auth `user`, the module's OpenAPI tag.
 */
export function restShapes(tag: string) {
  const shape =
    (method: RestShape['method']) =>
    (path: string, summary: string, options: RestOptions = {}): RestShape => ({
      method,
      path,
      status: 200,
      auth: 'user',
      summary,
      tag,
      ...options,
    });
  return { get: shape('GET'), post: shape('POST') };
}
