import 'server-only';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { Config } from '@/server/core/config';
import { AppError } from '@/server/core/errors';

const TRPC_ROUTE = '/api/trpc/';
const READS = new Set(['GET', 'HEAD']);

/**
 * CSRF on /api/trpc, checked before the body is read. A browser on another site can send a
 * form-encoded, multipart or text/plain body (and no content type at all) without asking first;
 * JSON needs a preflight we never grant. tRPC's Fastify adapter accepts multipart and octet-stream
 * bodies itself, so only JSON passes here. A mutation whose Origin (or, without one,
 * Sec-Fetch-Site) names another site is refused; a non-browser client sends neither, and has no
 * victim's cookie to ride on.
 */
export function trpcRequestGuard(config: Config) {
  const appOrigin = new URL(config.appUrl).origin;
  return async (req: FastifyRequest) => {
    if (!req.routeOptions.url?.startsWith(TRPC_ROUTE)) return;
    const type = req.headers['content-type'];
    if (type === undefined ? !READS.has(req.method) : mediaType(type) !== 'application/json')
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
    if (!READS.has(req.method) && isCrossSite(req.headers, appOrigin))
      throw new AppError('FORBIDDEN', 'Requests from another site are refused.');
  };
}

export const mediaType = (header: string) => header.split(';', 1)[0]!.trim().toLowerCase();

export function isCrossSite(headers: IncomingHttpHeaders, appOrigin: string): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return origin !== appOrigin;
  const site = headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}
