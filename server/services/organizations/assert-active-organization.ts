import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organizationMembers, organizations } from '@/db/schema';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import type { Runtime } from '../../runtime';

/**
 * x-active-organization-id (REST.md "Tenancy"): naming an organization the caller is not an
 * active member of is 403, and a body that names another organization is 400.
 */
export async function assertActiveOrganization(
  rt: Runtime,
  actor: Actor,
  organizationId: string,
  input: unknown,
) {
  const named = (input as { organizationId?: unknown } | undefined)?.organizationId;
  if (typeof named === 'string' && named !== organizationId) {
    throw new AppError('VALIDATION_FAILED', 'organizationId differs from x-active-organization-id.', {
      errors: [{ path: 'organizationId', message: 'must match x-active-organization-id' }],
    });
  }
  const [row] = await activeOrganizationIds(rt.db, actor.userId, organizationId);
  if (!row) {
    throw new AppError('FORBIDDEN', 'You are not a member of the organization in x-active-organization-id.');
  }
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
