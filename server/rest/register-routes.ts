import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, RequestMeta } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type { Runtime } from '@/server/core/runtime';
import type { TrpcContext } from '@/server/core/trpc';
import { authenticateAdminClient } from '@/server/modules/auth/services/authenticate-client';
import { authenticateAccessToken } from '@/server/modules/auth/services/authenticate-session';
import { createCaller } from '@/server/routers';
import { withIdempotency } from './idempotency';
import { toProblem } from './problem';
import { REST_PREFIX, type RestRoute, restRoutes } from './routes';

export const requestMeta = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'],
  requestId: req.id,
});

export const header = (req: FastifyRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

async function authenticate(rt: Runtime, req: FastifyRequest, route: RestRoute): Promise<Actor | null> {
  if (route.auth === 'public') return null;
  const clientId = header(req, 'client-id');
  if (clientId !== undefined && route.auth === 'adminOrClient') {
    return authenticateAdminClient(rt, clientId, header(req, 'client-key'));
  }
  const authorization = header(req, 'authorization');
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match) throw new AppError('UNAUTHENTICATED', 'Send Authorization: Bearer <accessToken>.');
  return authenticateAccessToken(rt, match[1]!);
}

/** The procedure's input: the JSON body ({} when absent) with the route's headers merged in. */
function readInput(req: FastifyRequest, route: RestRoute): unknown {
  const body = route.method === 'GET' ? undefined : (req.body ?? {});
  if (!route.headers) return body;
  const fromHeaders = Object.fromEntries(
    Object.entries(route.headers).flatMap(([name, field]) => {
      const value = header(req, name);
      return value === undefined ? [] : [[field, value]];
    }),
  );
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? { ...body, ...fromHeaders }
    : (body ?? fromHeaders);
}

async function callProcedure(ctx: TrpcContext, path: string, input: unknown): Promise<unknown> {
  const caller = createCaller(ctx) as unknown as Record<string, unknown>;
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

function handlerFor(rt: Runtime, route: RestRoute) {
  const fieldNames = Object.fromEntries(
    Object.entries(route.headers ?? {}).map(([name, field]) => [field, name]),
  );
  return async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      const actor = await authenticate(rt, req, route);
      const ctx: TrpcContext = {
        rt,
        meta: requestMeta(req),
        actor,
        channel: 'api',
        activeOrganizationHeader: header(req, 'x-active-organization-id'),
      };
      const input = readInput(req, route);
      const act = async () => {
        const body = await callProcedure(ctx, route.procedure, input);
        return { status: route.status, body: route.status === 204 ? undefined : body };
      };
      // Ignored on public routes: every anonymous caller would share one key space (one's key
      // would replay another's answer, or suppress its mail).
      const key = route.auth === 'public' ? undefined : header(req, 'idempotency-key');
      const response =
        key !== undefined && actor && route.method === 'POST' && !route.secret
          ? await withIdempotency(
              rt,
              {
                credential: `user:${actor.userId}`,
                method: route.method,
                path: route.path,
                key,
                body: input,
              },
              act,
            )
          : await act();
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
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

export function registerRestRoutes(app: FastifyInstance, rt: Runtime) {
  for (const route of restRoutes) {
    app.route({ method: route.method, url: REST_PREFIX + route.path, handler: handlerFor(rt, route) });
  }
}
