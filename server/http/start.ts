import 'server-only';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uuidv7 } from 'uuidv7';
import { CLIENT_IP_HEADER } from '@/server/core/request-headers';
import type { Runtime } from '@/server/core/runtime';
import { sanitizeNextAuthRequest } from '@/server/modules/auth/callback-url';
import { buildApi, isApiPath } from './api';
import { clientIp } from './client-ip';
import { securityHeaders } from './security-headers';

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * One http.Server: /api/v1, /api/trpc and health go to Fastify; every other request goes, body
 * untouched, to Next (pages, assets, next-auth). Without a Next handler the rest is 404.
 */
export async function startServer(
  rt: Runtime,
  options: { next?: NextHandler; nextDev?: boolean; port?: number; host?: string } = {},
) {
  const headers = securityHeaders(rt.config, { nextDev: options.nextDev });
  const api = await buildApi(rt, (fastifyHandler) =>
    createServer((req, res) => {
      if (isApiPath(req.url)) {
        headers.api(res);
        return fastifyHandler(req, res);
      }
      headers.page(req, res);
      const requestId = uuidv7();
      res.setHeader('x-request-id', requestId);
      req.headers['x-request-id'] = requestId;
      req.headers[CLIENT_IP_HEADER] = clientIp(req, rt.config.trustProxy);
      sanitizeNextAuthRequest(req, rt.config.appUrl);
      if (options.next) return void options.next(req, res);
      res.statusCode = 404;
      res.end('Not found');
    }),
  );
  await api.listen({ port: options.port ?? rt.config.port, host: options.host ?? rt.config.host });
  const server = api.server as Server;
  const { port } = server.address() as AddressInfo;
  return {
    api,
    port,
    url: `http://${options.host ?? rt.config.host}:${port}`,
    close: () => api.close(),
  };
}
