import 'server-only';
import type { IncomingMessage, Server } from 'node:http';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type FastifyServerFactory } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { organizationFromCookies } from '@/server/core/active-organization';
import { AppError } from '@/server/core/errors';
import { assertJsonTextDepth } from '@/server/core/input-limits';
import { createEntryContext, type EntryContext } from '@/server/core/request-context';
import type { Runtime } from '@/server/core/runtime';
import { principalFromCookieHeader } from '@/server/modules/auth/browser-session';
import { type AppRouter, appRouter } from '@/server/routers';
import { registerOpenApi } from '../rest/openapi';
import { answerClientError } from '../rest/problem';
import { header, REST_PREFIX, registerRestRoutes, requestMeta, sendProblem } from '../rest/register-routes';
import { FILES_PREFIX, registerLocationFileRoutes } from './location-files';
import { registerReportFileRoutes } from './report-files';
import { RequestLog } from './request-log';
import { trpcRequestGuard } from './trpc-guard';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const MiB = 1024 * 1024;

/** The paths Fastify answers; everything else belongs to Next. */
export const isApiPath = (url: string | undefined) =>
  !!url &&
  (url.startsWith(`${REST_PREFIX}/`) ||
    url.startsWith('/api/trpc/') ||
    url.startsWith(FILES_PREFIX) ||
    url === '/api/health' ||
    url === '/api/ready' ||
    url === REST_PREFIX);

export async function buildApi(
  rt: Runtime,
  serverFactory?: FastifyServerFactory,
): Promise<FastifyInstance<Server>> {
  const app = Fastify({
    loggerInstance: rt.log,
    logController: new RequestLog(),
    // Trust exactly TRUST_PROXY hops of X-Forwarded-For (the same rule as client-ip.ts).
    trustProxy: (_address: string, hop: number) => hop < rt.config.trustProxy,
    bodyLimit: MiB,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
    },
    // Fastify's own refusals (a bad percent-encoding, an unparsable request) as problem details too.
    frameworkErrors: (error, req, reply) => sendProblem(req, reply.header('x-request-id', req.id), error),
    clientErrorHandler: answerClientError,
    ...(serverFactory ? { serverFactory } : {}),
  }) as unknown as FastifyInstance<Server>;

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onRequest', trpcRequestGuard(rt.config));

  // JSON only: without a text/plain parser a cross-site form cannot post to tRPC or REST (415).
  // A POST without a body, with or without a JSON content type, is read as {}.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if ((body as string).trim() === '') return done(null, {});
    try {
      assertJsonTextDepth(body as string);
    } catch (error) {
      return done(error as Error, undefined);
    }
    parseJson(req, body as string, done);
  });

  app.setErrorHandler((error, req, reply) => sendProblem(req, reply, error));
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!.slice(REST_PREFIX.length);
    const allowed = restRoutes.filter((r) => r.rest.path === path).map((r) => r.rest.method);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(
        req,
        reply,
        new AppError('METHOD_NOT_ALLOWED', `Use ${allowed.join(' or ')} for ${path}.`),
      );
    }
    return sendProblem(
      req,
      reply,
      new AppError('ROUTE_NOT_FOUND', `No endpoint ${req.method} ${req.url.split('?')[0]}.`),
    );
  });

  // The two ceilings the benchmark measures: HTTP alone, and HTTP plus one database round trip.
  app.get('/api/health', async () => ({ status: 'ok' }));
  app.get('/api/ready', async () => {
    await rt.db.execute(sql`select 1`);
    return { status: 'ready' };
  });

  const restRoutes = registerRestRoutes(app, rt, appRouter);
  registerLocationFileRoutes(app, rt);
  registerReportFileRoutes(app, rt);
  registerOpenApi(app);

  await app.register(fastifyTRPCPlugin, {
    prefix: '/api/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: async ({ req }): Promise<EntryContext> =>
        createEntryContext(rt, requestMeta(req), await principalFromCookieHeader(rt, req.headers.cookie), {
          named: header(req, 'x-active-organization-id'),
          preferred: organizationFromCookies(req.headers.cookie),
        }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          rt.log.error({ err: error.cause ?? error, path }, 'trpc call failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
  return app;
}
