import 'server-only';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { organizationFromCookies } from '@/server/core/active-organization';
import { AppError } from '@/server/core/errors';
import { createEntryContext } from '@/server/core/request-context';
import type { Runtime } from '@/server/core/runtime';
import { principalFromCookieHeader } from '@/server/modules/auth/browser-session';
import { createCaller } from '@/server/routers';
import { header, requestMeta, sendFile, sendProblem } from '../rest/register-routes';
import { isCrossSite } from './trpc-guard';

/**
 * The browser's report download, `GET /api/files/reports/{id}/pdf` (reportFilePath in the reports
 * schemas): the session cookie's principal calls reports.pdf exactly as REST's
 * `GET /api/v1/reports/{id}/pdf` does, so the authorization is the procedure's. Like /api/trpc
 * it refuses a request from another site.
 */
export function registerReportFileRoutes(app: FastifyInstance, rt: Runtime) {
  const appOrigin = new URL(rt.config.appUrl).origin;
  app.get('/api/files/reports/:id/pdf', async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      if (isCrossSite(req.headers, appOrigin))
        throw new AppError('FORBIDDEN', 'Requests from another site are refused.');
      const principal = await principalFromCookieHeader(rt, req.headers.cookie);
      const caller = createCaller(
        createEntryContext(rt, requestMeta(req), principal, {
          named: header(req, 'x-active-organization-id'),
          preferred: organizationFromCookies(req.headers.cookie),
        }),
      );
      const { id } = req.params as { id: string };
      return sendFile(reply, 200, await caller.reports.pdf({ id }));
    } catch (error) {
      return sendProblem(req, reply, error);
    }
  });
}
