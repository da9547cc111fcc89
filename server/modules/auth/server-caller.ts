import 'server-only';
import { cookies, headers } from 'next/headers';
import { ACTIVE_ORGANIZATION_COOKIE } from '@/server/core/active-organization';
import type { UserPrincipal } from '@/server/core/context';
import { createEntryContext } from '@/server/core/request-context';
import { CLIENT_IP_HEADER } from '@/server/core/request-headers';
import { getRuntime } from '@/server/core/runtime';
import { createCaller } from '@/server/routers';

/**
 * tRPC procedures called in-process from a server component, as the signed-in browser user: the
 * same context, validation and authorization as over HTTP, without the round trip.
 */
export async function serverCaller(principal: UserPrincipal) {
  const h = await headers();
  const meta = {
    // Set by our own server in front of Next (server/http/start.ts), never taken from the client.
    ip: h.get(CLIENT_IP_HEADER) ?? 'unknown',
    userAgent: h.get('user-agent') ?? undefined,
    requestId: h.get('x-request-id') ?? 'server-component',
  };
  const preferred = (await cookies()).get(ACTIVE_ORGANIZATION_COOKIE)?.value;
  return createCaller(createEntryContext(getRuntime(), meta, principal, { preferred }));
}
