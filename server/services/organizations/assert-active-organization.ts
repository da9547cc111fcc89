import { and, eq } from 'drizzle-orm';
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
  const [row] = await rt.db
    .select({ status: organizations.status })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(
      and(
        eq(organizationMembers.organizationId, organizationId),
        eq(organizationMembers.userId, actor.userId),
        eq(organizationMembers.status, 'active'),
        eq(organizations.status, 'active'),
      ),
    );
  if (!row) {
    throw new AppError('FORBIDDEN', 'You are not a member of the organization in x-active-organization-id.');
  }
}
