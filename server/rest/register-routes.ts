import 'server-only';
import type { AnyRouter } from '@trpc/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Principal, principalKey, type RequestMeta } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type { FileAnswer } from '@/server/core/meta';
import { createEntryContext } from '@/server/core/request-context';
import type { Runtime } from '@/server/core/runtime';
import { authenticateClient } from '@/server/modules/auth/services/authenticate-client';
import { authenticateAccessToken } from '@/server/modules/auth/services/authenticate-session';
import { withIdempotency } from './idempotency';
import { toProblem } from './problem';
import { pathParameters, type RestRoute, restRoutesOf } from './procedures';

export const REST_PREFIX = '/api/v1';

export const requestMeta = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'],
  requestId: req.id,
});

export const header = (req: FastifyRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

async function authenticate(rt: Runtime, req: FastifyRequest, route: RestRoute): Promise<Principal | null> {
  if (route.rest.auth === 'public') return null;
  const clientId = header(req, 'client-id');
  if (clientId !== undefined && route.rest.auth === 'user_or_client') {
    return authenticateClient(rt, clientId, header(req, 'client-key'));
  }
  const authorization = header(req, 'authorization');
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match) throw new AppError('UNAUTHENTICATED', 'Send Authorization: Bearer <accessToken>.');
  return authenticateAccessToken(rt, match[1]!, { memberships: route.meta?.preload === 'memberships' });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The procedure's input: the JSON body ({} when absent), or a declared non-JSON body as text in
 * its field; then the route's path parameters, query parameters and headers merged in.
 */
function readInput(req: FastifyRequest, route: RestRoute, parameterNames: readonly string[]): unknown {
  const { rest } = route;
  let body: unknown = rest.method === 'GET' ? undefined : (req.body ?? {});
  if (rest.body) body = { [rest.body.field]: typeof req.body === 'string' ? req.body : '' };
  const extra: Record<string, unknown> = {};
  const params = req.params as Record<string, string>;
  for (const name of parameterNames) extra[name] = params[name];
  const query = req.query as Record<string, unknown>;
  for (const name of rest.query ?? []) if (query[name] !== undefined) extra[name] = query[name];
  for (const [name, field] of Object.entries(rest.headers ?? {})) {
    const value = header(req, name);
    if (value !== undefined) extra[field] = value;
  }
  if (Object.keys(extra).length === 0) return body;
  return isRecord(body) ? { ...body, ...extra } : (body ?? extra);
}

/** Declared content types only: a CSV body to a JSON route, or JSON to a CSV route, is 415. */
function assertContentType(req: FastifyRequest, route: RestRoute) {
  if (route.rest.method === 'GET' || req.body === undefined) return;
  const sent = (header(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const expected = route.rest.body?.contentType ?? 'application/json';
  if (sent !== '' && sent !== expected)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the body as ${expected}.`);
}

function sendFile(reply: FastifyReply, status: number, answer: FileAnswer) {
  reply.code(status).type(answer.contentType);
  if (answer.filename)
    reply.header(
      'content-disposition',
      `attachment; filename="${answer.filename.replace(/["\\\r\n]/g, '_')}"`,
    );
  return reply.send(typeof answer.body === 'string' ? answer.body : Buffer.from(answer.body));
}

function handlerFor(rt: Runtime, route: RestRoute) {
  const { rest } = route;
  const { names } = pathParameters(rest.path);
  const fieldNames = Object.fromEntries(
    Object.entries(rest.headers ?? {}).map(([name, field]) => [field, name]),
  );
  return async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      assertContentType(req, route);
      const principal = await authenticate(rt, req, route);
      const ctx = createEntryContext(rt, requestMeta(req), principal, {
        named: header(req, 'x-active-organization-id'),
      });
      const input = readInput(req, route, names);
      const act = async () => {
        const body = await route.call(ctx, input);
        return { status: rest.status, body: rest.status === 204 ? undefined : body };
      };
      // Ignored on public routes: every anonymous caller would share one key space (one's key
      // would replay another's answer, or suppress its mail).
      const key = rest.auth === 'public' ? undefined : header(req, 'idempotency-key');
      const response =
        key !== undefined &&
        principal &&
        rest.method === 'POST' &&
        !(typeof rest.secret === 'function' ? rest.secret(input) : rest.secret) &&
        !rest.produces
          ? await withIdempotency(
              rt,
              { credential: principalKey(principal), method: rest.method, path: rest.path, key, body: input },
              act,
            )
          : await act();
      if (rest.produces && response.status !== 204)
        return sendFile(reply, response.status, response.body as FileAnswer);
      reply.code(response.status);
      return response.status === 204 ? reply.send() : reply.send(response.body);
    } catch (error) {
      return sendProblem(req, reply, error, fieldNames);
    }
  };
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, error: unknown, fieldNames = {}) {
  const problem = toProblem(error, req.id, fieldNames);
  if (problem.status >= 500) req.log.error({ err: error }, 'request failed');
  if (typeof problem.retryAfterSeconds === 'number')
    reply.header('retry-after', String(problem.retryAfterSeconds));
  // A per-key limit (server/modules/api-keys/services/key-rate-limit.ts) states its policy and
  // that nothing is left, in the IETF draft's RateLimit-Policy / RateLimit fields.
  const policy = problem.rateLimit as { limit: number; windowSeconds: number } | undefined;
  if (policy && typeof problem.retryAfterSeconds === 'number') {
    reply.header('ratelimit-policy', `${policy.limit};w=${policy.windowSeconds}`);
    reply.header('ratelimit', `limit=${policy.limit}, remaining=0, reset=${problem.retryAfterSeconds}`);
  }
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/**
 * One Fastify route per procedure that declares `meta.rest`. Declared non-JSON bodies get a
 * parser of their own with the route's size limit.
 */
export function registerRestRoutes(app: FastifyInstance, rt: Runtime, router: AnyRouter) {
  const routes = restRoutesOf(router);
  const textTypes = new Set(routes.flatMap((r) => (r.rest.body ? [r.rest.body.contentType] : [])));
  for (const type of textTypes)
    app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  for (const route of routes) {
    app.route({
      method: route.rest.method,
      url: REST_PREFIX + pathParameters(route.rest.path).fastifyPath,
      ...(route.rest.body ? { bodyLimit: route.rest.body.limit } : {}),
      handler: handlerFor(rt, route),
    });
  }
  return routes;
}
