import 'server-only';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { organizationFromCookies } from '@/server/core/active-organization';
import { AppError } from '@/server/core/errors';
import type { FileAnswer } from '@/server/core/meta';
import { createEntryContext } from '@/server/core/request-context';
import type { Runtime } from '@/server/core/runtime';
import { principalFromCookieHeader } from '@/server/modules/auth/browser-session';
import { locationFilePaths } from '@/server/modules/locations/bulk/schemas';
import { MAX_CSV_BYTES } from '@/server/modules/locations/schemas';
import { createCaller } from '@/server/routers';
import { header, requestMeta, sendFile, sendProblem } from '../rest/register-routes';
import { isCrossSite, mediaType } from './trpc-guard';

/** The browser's file routes live beside /api/trpc: the same session cookie, the same procedures. */
export const FILES_PREFIX = '/api/files/';

/**
 * The browser's location files (server/modules/locations/bulk/schemas.ts): the CSV upload that
 * starts an import job (up to 20 MiB, where a tRPC body stops at 1 MiB), the export and the
 * import's errors as downloads. Each calls the tRPC procedure with the session cookie's principal,
 * exactly as /api/trpc would, so the rules and the authorization stay in the procedures. Like
 * /api/trpc they refuse requests from another site (the cookie must not ride a foreign form or
 * link); a text/csv body cannot be sent cross-site without a preflight, which is never granted.
 */
export function registerLocationFileRoutes(app: FastifyInstance, rt: Runtime) {
  const appOrigin = new URL(rt.config.appUrl).origin;
  const callerOf = async (req: FastifyRequest) => {
    if (isCrossSite(req.headers, appOrigin))
      throw new AppError('FORBIDDEN', 'Requests from another site are refused.');
    const principal = await principalFromCookieHeader(rt, req.headers.cookie);
    return createCaller(
      createEntryContext(rt, requestMeta(req), principal, {
        named: header(req, 'x-active-organization-id'),
        preferred: organizationFromCookies(req.headers.cookie),
      }),
    );
  };
  const handle =
    (work: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      try {
        return await work(req, reply);
      } catch (error) {
        return sendProblem(req, reply, error);
      }
    };
  const download = (reply: FastifyReply, file: FileAnswer) => sendFile(reply, 200, file);

  app.post(
    locationFilePaths.import,
    { bodyLimit: MAX_CSV_BYTES },
    handle(async (req, reply) => {
      const type = header(req, 'content-type');
      if (type === undefined || mediaType(type) !== 'text/csv')
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv.');
      const { profileId } = req.query as { profileId?: string };
      const csv = typeof req.body === 'string' ? req.body : '';
      const started = await (await callerOf(req)).locations.importStart({ profileId: profileId!, csv });
      return reply.code(201).send(started);
    }),
  );
  app.get(
    locationFilePaths.export,
    handle(async (req, reply) =>
      download(reply, await (await callerOf(req)).locations.export(req.query as { profileId: string })),
    ),
  );
  app.get(
    locationFilePaths.importErrors,
    handle(async (req, reply) =>
      download(
        reply,
        await (await callerOf(req)).locations.importErrors(req.query as { profileId: string; _id: string }),
      ),
    ),
  );
}
