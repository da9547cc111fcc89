import type { Principal } from '@/server/core/context';
import { createEntryContext } from '@/server/core/request-context';
import type { Runtime } from '@/server/core/runtime';
import { createCaller } from '@/server/routers';
import { signedIn, testMeta } from './runtime';

export type CallerOptions = {
  /** x-active-organization-id, checked like a header */
  named?: string;
  /** the browser's remembered organization, a default only */
  activeOrganizationId?: string;
  ip?: string;
  requestId?: string;
};

/**
 * The one caller builder: the procedures as an entry point reaches them (the same context the
 * REST adapter, /api/trpc and server components build), as this principal or anonymously.
 */
export const callerAs = (
  rt: Runtime,
  as: { principal: Principal } | Principal | null,
  options: CallerOptions = {},
) =>
  createCaller(
    createEntryContext(
      rt,
      testMeta({
        ...(options.ip ? { ip: options.ip } : {}),
        ...(options.requestId ? { requestId: options.requestId } : {}),
      }),
      as === null ? null : 'kind' in as ? as : as.principal,
      { named: options.named, preferred: options.activeOrganizationId },
    ),
  );

/** A caller signed in as this user over the API channel. */
export async function callerFor(rt: Runtime, userId: string, requestId = 'test-request') {
  return callerAs(rt, await signedIn(rt, userId), { requestId });
}

export type Caller = Awaited<ReturnType<typeof callerFor>>;
