import 'server-only';
import { parse } from 'cookie';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organizationMembers, organizations } from '@/db/schema';
import type { Principal, RequestContext } from './context';
import { AppError } from './errors';
import { UUID } from './ids';

/**
 * The browser remembers the organization picked in the switcher in this cookie. It is only a
 * preference: every procedure still authorizes against membership rows, and `me` falls back to
 * the first membership when the cookie names one the user no longer has.
 */
export const ACTIVE_ORGANIZATION_COOKIE = 'provena-org';

export function organizationFromCookies(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const value = parse(cookieHeader)[ACTIVE_ORGANIZATION_COOKIE];
  return value && UUID.test(value) ? value : undefined;
}

/** What the request said about its organization, before anything was checked. */
export type OrganizationRequest = Readonly<{
  /** x-active-organization-id as sent (REST and /api/trpc) */
  named?: string;
  /** the browser's remembered choice: a default, never a restriction */
  preferred?: string;
}>;

/**
 * The one resolver, for every entry point (REST.md "Tenancy"): a named organization that is not
 * an id is 400, one the principal is not an active member of (for a key: not its own) is 403,
 * and once named, `authorize` refuses any target outside it. A preference is only a default.
 */
export async function resolveOrganization(
  db: Db,
  principal: Principal | null,
  request: OrganizationRequest,
): Promise<RequestContext['organization']> {
  const { named, preferred } = request;
  if (named === undefined || named === '') {
    return preferred && UUID.test(preferred) ? { id: preferred, named: false } : undefined;
  }
  if (!UUID.test(named))
    throw new AppError('VALIDATION_FAILED', 'x-active-organization-id must be an organization id.', {
      errors: [{ path: 'x-active-organization-id', message: 'must be an organization id' }],
    });
  const member =
    principal === null ||
    (principal.kind === 'apiKey'
      ? principal.organizationId === named
      : (await activeOrganizationIds(db, principal.userId, named)).length > 0);
  if (!member)
    throw new AppError('FORBIDDEN', 'You are not a member of the organization in x-active-organization-id.');
  return { id: named, named: true };
}

/**
 * The organizations this user is an active member of, in active organizations only: just the one
 * named when `organizationId` is given, else at most two (enough to tell "only one" from "several").
 */
export async function activeOrganizationIds(db: Db, userId: string, organizationId?: string) {
  const rows = await db
    .select({ organizationId: organizationMembers.organizationId })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(
      and(
        organizationId ? eq(organizationMembers.organizationId, organizationId) : undefined,
        eq(organizationMembers.userId, userId),
        eq(organizationMembers.status, 'active'),
        eq(organizations.status, 'active'),
      ),
    )
    .limit(2);
  return rows.map((r) => r.organizationId);
}
