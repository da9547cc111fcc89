import 'server-only';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organizationMembers, organizationProfiles, organizations, roleLinks, users } from '@/db/schema';
import { type Access, type AccessTarget, authorize } from '@/server/core/access/authorize';
import {
  isRoleCode,
  missingPermissions,
  ORGANIZATION_ADMIN,
  type Permission,
  type RoleCode,
} from '@/server/core/access/catalog';
import { principalKey, type RequestContext, type UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import type { Reservation } from '@/server/modules/auth/rate-limit';

/**
 * The rules every membership change shares: one lock per organization, grant only what you hold,
 * and an organization never loses its last active administrator.
 */

/**
 * Locks the organization's row (of the profile's organization, for a profile). Every change to
 * members or roles of an organization takes this lock first, so two of them (two admins demoting
 * each other) run one after the other and the last-admin check sees the other's result.
 * FOR NO KEY UPDATE rather than FOR UPDATE: it serializes the same way but does not block inserts
 * that merely reference the organization (profiles, invitations of other people).
 */
export async function lockOrganization(tx: Db, target: Exclude<AccessTarget, 'platform'>) {
  const ofProfile = (profileId: string) =>
    tx
      .select({ id: organizationProfiles.organizationId })
      .from(organizationProfiles)
      .where(eq(organizationProfiles.id, profileId));
  const [row] = await tx
    .select({ id: organizations.id, status: organizations.status })
    .from(organizations)
    .where(
      'organizationId' in target
        ? eq(organizations.id, target.organizationId)
        : inArray(organizations.id, ofProfile(target.profileId)),
    )
    .for('no key update');
  return row;
}

/** The lock, then the one authorization check, in the same transaction. */
export async function lockAndAuthorize(
  ctx: RequestContext,
  permission: Permission,
  target: Exclude<AccessTarget, 'platform'>,
): Promise<Access & { organizationId: string }> {
  await lockOrganization(ctx.db, target);
  const access = await authorize(ctx, permission, target);
  return { ...access, organizationId: access.organizationId! };
}

/** The person's membership in this organization (invited or active), or undefined. */
export async function findMember(tx: Db, organizationId: string, userId: string) {
  const [member] = await tx
    .select({ status: organizationMembers.status })
    .from(organizationMembers)
    .where(
      and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
    );
  return member;
}

export async function requireMember(tx: Db, organizationId: string, userId: string) {
  const member = await findMember(tx, organizationId, userId);
  if (!member) throw new AppError('MEMBER_NOT_FOUND');
  return member;
}

type LinkScope = { userId: string; entityType: 'organization' | 'organization_profile'; entityId: string };

export async function roleCodesOn(tx: Db, scope: LinkScope) {
  const rows = await tx
    .select({ roleCode: roleLinks.roleCode })
    .from(roleLinks)
    .where(
      and(
        eq(roleLinks.userId, scope.userId),
        eq(roleLinks.entityType, scope.entityType),
        eq(roleLinks.entityId, scope.entityId),
      ),
    );
  return rows.map((r) => r.roleCode);
}

/**
 * A grant (or a removal) of a role is allowed only when the caller holds every permission of that
 * role on the target: otherwise a caller could hand out, or take away, powers they do not have.
 */
export function assertCanGrant(codes: Iterable<string>, held: ReadonlySet<Permission>, path = 'roleCodes') {
  const refused = [...codes].flatMap((code) => {
    if (!isRoleCode(code)) return [{ code, missing: ['(unknown role)'] }];
    const missing = missingPermissions(code as RoleCode, held);
    return missing.length ? [{ code, missing }] : [];
  });
  if (refused.length === 0) return;
  const reasons = refused.map((r) => `${r.code} needs ${r.missing.join(', ')}`);
  throw new AppError('GRANT_NOT_ALLOWED', `You do not hold every permission of: ${reasons.join('; ')}.`, {
    errors: reasons.map((message) => ({ path, message })),
  });
}

/**
 * Makes the person's links on one entity exactly `desired`, after checking the grant rule for
 * every role added or removed. Returns what changed, sorted, for the audit event.
 */
export async function replaceRoleLinks(
  tx: Db,
  scope: LinkScope & { desired: readonly string[]; held: ReadonlySet<Permission>; createdBy: string },
) {
  const current = new Set(await roleCodesOn(tx, scope));
  const desired = new Set(scope.desired);
  const added = [...desired].filter((c) => !current.has(c)).sort();
  const removed = [...current].filter((c) => !desired.has(c)).sort();
  assertCanGrant([...added, ...removed], scope.held);
  const onEntity = and(
    eq(roleLinks.userId, scope.userId),
    eq(roleLinks.entityType, scope.entityType),
    eq(roleLinks.entityId, scope.entityId),
  );
  if (removed.length) await tx.delete(roleLinks).where(and(onEntity, inArray(roleLinks.roleCode, removed)));
  if (added.length) {
    const { userId, entityType, entityId, createdBy } = scope;
    await tx
      .insert(roleLinks)
      .values(added.map((roleCode) => ({ userId, roleCode, entityType, entityId, createdBy })));
  }
  return { added, removed, roleCodes: [...desired].sort() };
}

/**
 * Call after a change that took the admin role from an active member; the transaction then rolls
 * back. Only a person who can still sign in counts: a disabled account administers nothing.
 */
export async function assertOrganizationKeepsAdmin(tx: Db, organizationId: string) {
  const [admin] = await tx
    .select({ userId: roleLinks.userId })
    .from(roleLinks)
    .innerJoin(
      organizationMembers,
      and(
        eq(organizationMembers.userId, roleLinks.userId),
        eq(organizationMembers.organizationId, roleLinks.entityId),
      ),
    )
    .innerJoin(users, eq(users.id, roleLinks.userId))
    .where(
      and(
        eq(roleLinks.entityType, 'organization'),
        eq(roleLinks.entityId, organizationId),
        eq(roleLinks.roleCode, ORGANIZATION_ADMIN),
        eq(organizationMembers.status, 'active'),
        eq(users.status, 'active'),
      ),
    )
    .limit(1);
  if (!admin) {
    throw new AppError(
      'LAST_ORGANIZATION_ADMIN',
      `The organization would have no active ${ORGANIZATION_ADMIN} left; make someone else one first.`,
    );
  }
}

/**
 * Deletes the membership (its invitation goes with it) and then every role link the person holds
 * on the organization and its profiles. The membership goes first: a concurrent acceptance then
 * finishes before the links are read, so none of its links is left behind.
 */
export async function deleteMembership(
  tx: Db,
  organizationId: string,
  userId: string,
  onlyStatus?: 'active' | 'invited',
) {
  const [member] = await tx
    .delete(organizationMembers)
    .where(
      and(
        eq(organizationMembers.organizationId, organizationId),
        eq(organizationMembers.userId, userId),
        onlyStatus ? eq(organizationMembers.status, onlyStatus) : undefined,
      ),
    )
    .returning({ status: organizationMembers.status });
  if (!member) return undefined;
  const profileIds = tx
    .select({ id: organizationProfiles.id })
    .from(organizationProfiles)
    .where(eq(organizationProfiles.organizationId, organizationId));
  const links = await tx
    .delete(roleLinks)
    .where(
      and(
        eq(roleLinks.userId, userId),
        or(
          and(eq(roleLinks.entityType, 'organization'), eq(roleLinks.entityId, organizationId)),
          and(eq(roleLinks.entityType, 'organization_profile'), inArray(roleLinks.entityId, profileIds)),
        ),
      ),
    )
    .returning({
      roleCode: roleLinks.roleCode,
      entityType: roleLinks.entityType,
      entityId: roleLinks.entityId,
    });
  const heldAdmin = links.some((l) => l.entityType === 'organization' && l.roleCode === ORGANIZATION_ADMIN);
  if (member.status === 'active' && heldAdmin) await assertOrganizationKeepsAdmin(tx, organizationId);
  return { status: member.status, links };
}

/**
 * Invitation mail is limited like sign-in codes, so nobody can flood an address through invites
 * or resends: per inviter, per inviter and recipient, and a growing delay per recipient. The mail
 * is reserved before the work (so concurrent invitations cannot all pass the check) and outside
 * the transaction (the limiter must not run inside one); `transaction` gives the slot back when
 * no mail went out, so refused calls cannot be used to delay invitations to someone else's address.
 */
export function invitationMailLimit(ctx: UserContext, recipient: string) {
  const inviter = principalKey(ctx.principal);
  let reservation: Reservation | undefined;
  return {
    assertAllowed: async () => {
      reservation = await ctx.rt.limiter.reserve('invite', { ip: inviter, email: recipient });
    },
    /** The reservation already counted the mail. */
    recordSent: async () => {},
    /** The call's transaction: when it throws (the call was refused), the slot is given back. */
    transaction: <T>(work: (ctx: UserContext) => Promise<T>): Promise<T> =>
      transaction(ctx, work).catch(async (error: unknown) => {
        await reservation?.cancel();
        throw error;
      }),
  };
}
