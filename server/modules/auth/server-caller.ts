import { cookies, headers } from 'next/headers';
import { ACTIVE_ORGANIZATION_COOKIE } from '@/server/core/active-organization';
import type { Actor } from '@/server/core/context';
import { getRuntime } from '@/server/core/runtime';
import { CLIENT_IP_HEADER } from '@/server/http/start';
import { createCaller } from '@/server/routers';
import { UUID } from './services/authenticate-session';

/**
 * tRPC procedures called in-process from a server component, as the signed-in browser user: the
 * same validation and authorization as over HTTP, without the round trip.
 */
export async function serverCaller(actor: Actor) {
  const h = await headers();
  const picked = (await cookies()).get(ACTIVE_ORGANIZATION_COOKIE)?.value;
  return createCaller({
    rt: getRuntime(),
    meta: {
      // Set by our own server in front of Next (server/http/start.ts), never taken from the client.
      ip: h.get(CLIENT_IP_HEADER) ?? 'unknown',
      userAgent: h.get('user-agent') ?? undefined,
      requestId: h.get('x-request-id') ?? 'server-component',
    },
    actor,
    channel: 'browser',
    activeOrganizationId: picked && UUID.test(picked) ? picked : undefined,
  });
}
