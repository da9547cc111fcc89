import 'server-only';
import type { OrganizationRequest } from './active-organization';
import type { Principal, RequestMeta } from './context';
import type { Runtime } from './runtime';

/**
 * What an entry point (REST route, /api/trpc, a server component) hands to a procedure: who is
 * calling and what they asked for. The procedure builder turns it into the RequestContext
 * (resolving the organization once, the same way for all three).
 */
export type EntryContext = Readonly<{
  rt: Runtime;
  meta: RequestMeta;
  principal: Principal | null;
  organizationRequest: OrganizationRequest;
}>;

export function createEntryContext(
  rt: Runtime,
  meta: RequestMeta,
  principal: Principal | null,
  organizationRequest: OrganizationRequest = {},
): EntryContext {
  return { rt, meta, principal, organizationRequest };
}
