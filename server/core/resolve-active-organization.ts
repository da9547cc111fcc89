import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organizationMembers, organizations } from '@/db/schema';
import { UUID } from '@/server/modules/auth/services/authenticate-session';
import type { Actor } from './context';
import { AppError } from './errors';
import type { Runtime } from './runtime';

/**
 * x-active-organization-id (REST.md "Tenancy"), on REST and /api/trpc alike: a value that is not
 * an id is 400, naming an organization the caller is not an active member of is 403. The id it
 * returns goes onto the actor, and `authorize` then refuses any target outside that organization.
 */
export async function resolveActiveOrganization(
  rt: Runtime,
  actor: Actor | null,
  sent: string | undefined,
): Promise<string | undefined> {
  if (sent === undefined || sent === '') return undefined;
  if (!UUID.test(sent))
    throw new AppError('VALIDATION_FAILED', 'x-active-organization-id must be an organization id.', {
      errors: [{ path: 'x-active-organization-id', message: 'must be an organization id' }],
    });
  if (actor && (await activeOrganizationIds(rt.db, actor.userId, sent)).length === 0) {
    throw new AppError('FORBIDDEN', 'You are not a member of the organization in x-active-organization-id.');
  }
  return sent;
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
