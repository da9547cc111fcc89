import 'server-only';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import {
  invitations,
  organizationMembers,
  organizationProfiles,
  organizations,
  roleLinks,
  users,
} from '@/db/schema';
import { PLATFORM_ADMIN } from '@/server/core/access/platform';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { adminRoleLinksInput, roleLinkInput } from '../users/schemas';
import { assertNotLastPlatformAdmin } from './platform-admins';
import { presentRoleLinks } from './user-detail';

type RoleLinkInput = z.infer<typeof roleLinkInput>;
type RoleLinksInput = z.infer<typeof adminRoleLinksInput>;
/** A link whose entity exists, with the organization it belongs to (null for platform roles). */
type ResolvedLink = {
  roleCode: string;
  entityType: RoleLinkInput['entityType'];
  entityId: string | null;
  organizationId: string | null;
};

const keyOf = (l: { roleCode: string; entityType: string; entityId: string | null }) =>
  `${l.roleCode}|${l.entityType}|${l.entityId ?? ''}`;

/** Checks every named organization and profile exists (404 otherwise) and finds each link's organization. */
async function resolveLinks(tx: Db, links: RoleLinkInput[]): Promise<ResolvedLink[]> {
  const ids = (type: RoleLinkInput['entityType']) =>
    links.flatMap((l) => (l.entityType === type && l.entityId ? [l.entityId] : []));
  const orgIds = ids('organization');
  const profileIds = ids('organization_profile');
  const foundOrgs = orgIds.length
    ? await tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, orgIds))
    : [];
  const foundProfiles = profileIds.length
    ? await tx
        .select({ id: organizationProfiles.id, organizationId: organizationProfiles.organizationId })
        .from(organizationProfiles)
        .where(inArray(organizationProfiles.id, profileIds))
    : [];
  // One map per entity type: a profile's id named as an organization (or the reverse) is a 404.
  const organizationOf = {
    organization: new Map(foundOrgs.map((o) => [o.id, o.id])),
    organization_profile: new Map(foundProfiles.map((p) => [p.id, p.organizationId])),
  };
  const resolved = links.map((link, i) => {
    const entityId = link.entityId ?? null;
    const organizationId =
      entityId === null || link.entityType === 'platform'
        ? null
        : organizationOf[link.entityType].get(entityId);
    if (organizationId === undefined) {
      const profile = link.entityType === 'organization_profile';
      throw new AppError(profile ? 'PROFILE_NOT_FOUND' : 'ORGANIZATION_NOT_FOUND', undefined, {
        errors: [
          { path: `roleLinks.${i}.entityId`, message: `no such ${profile ? 'profile' : 'organization'}` },
        ],
      });
    }
    return { roleCode: link.roleCode, entityType: link.entityType, entityId, organizationId };
  });
  return [...new Map(resolved.map((l) => [keyOf(l), l])).values()];
}

async function lockUser(tx: Db, userId: string) {
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw new AppError('USER_NOT_FOUND');
}

/** An organization or profile role makes its holder an active member; an open invitation is spent. */
async function makeActiveMember(tx: Db, organizationId: string, userId: string, now: Date) {
  const member = and(
    eq(organizationMembers.organizationId, organizationId),
    eq(organizationMembers.userId, userId),
  );
  const [existing] = await tx
    .select({ status: organizationMembers.status })
    .from(organizationMembers)
    .where(member)
    .for('update');
  if (!existing) {
    await tx.insert(organizationMembers).values({ organizationId, userId, status: 'active', joinedAt: now });
    return 'added' as const;
  }
  if (existing.status === 'active') return undefined;
  await tx.update(organizationMembers).set({ status: 'active', joinedAt: now, updatedAt: now }).where(member);
  await tx
    .delete(invitations)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.userId, userId)));
  return 'activated' as const;
}

/**
 * One audit event per organization touched (and one for platform roles), so each organization's
 * own log (#48) shows the changes made in it.
 */
async function auditByOrganization(
  tx: Db,
  ctx: UserContext,
  action: 'admin.user.role_links.added' | 'admin.user.role_links.removed',
  userId: string,
  links: ResolvedLink[],
  memberships: Map<string, 'added' | 'activated'> = new Map(),
) {
  const groups = new Map<string | null, ResolvedLink[]>();
  for (const link of links)
    groups.set(link.organizationId, [...(groups.get(link.organizationId) ?? []), link]);
  for (const [organizationId, group] of groups) {
    const membership = organizationId ? memberships.get(organizationId) : undefined;
    await recordAuditEvent(tx, ctx.meta, {
      action,
      actorUserId: ctx.principal.userId,
      subjectUserId: userId,
      organizationId,
      targetType: 'user',
      targetId: userId,
      data: {
        roleLinks: group.map(({ roleCode, entityType, entityId }) => ({ roleCode, entityType, entityId })),
        ...(membership ? { membership } : {}),
      },
    });
  }
}

/**
 * Adds role links (existing ones are left as they are) and the memberships they imply. Shared by
 * #27 and user creation (#25), inside the caller's transaction.
 */
export async function applyRoleLinks(tx: Db, ctx: UserContext, userId: string, links: RoleLinkInput[]) {
  if (links.length === 0) return;
  const resolved = await resolveLinks(tx, links);
  const inserted = await tx
    .insert(roleLinks)
    .values(
      resolved.map(({ roleCode, entityType, entityId }) => ({
        userId,
        roleCode,
        entityType,
        entityId,
        createdBy: ctx.principal.userId,
      })),
    )
    .onConflictDoNothing()
    .returning();
  const now = ctx.rt.clock.now();
  const memberships = new Map<string, 'added' | 'activated'>();
  for (const organizationId of new Set(resolved.flatMap((l) => l.organizationId ?? []))) {
    const change = await makeActiveMember(tx, organizationId, userId, now);
    if (change) memberships.set(organizationId, change);
  }
  const added = new Set(inserted.map(keyOf));
  const audited = resolved.filter((l) => added.has(keyOf(l)) || memberships.has(l.organizationId ?? ''));
  await auditByOrganization(tx, ctx, 'admin.user.role_links.added', userId, audited, memberships);
}

/** #27: a link the user already holds is left as it is. */
export async function addRoleLinks(ctx: UserContext, input: RoleLinksInput) {
  return transaction(ctx, async (ctx) => {
    await lockUser(ctx.db, input.userId);
    await applyRoleLinks(ctx.db, ctx, input.userId, input.roleLinks);
    return { userId: input.userId, roleLinks: await presentRoleLinks(ctx.db, input.userId) };
  });
}

/**
 * #28: a link the user does not hold is ignored; memberships stay. A platform admin may take away
 * an organization's last default.organization.admin here (audited), but never the platform's
 * last platform.admin.
 */
export async function removeRoleLinks(ctx: UserContext, input: RoleLinksInput) {
  return transaction(ctx, async (ctx) => {
    if (input.roleLinks.some((l) => l.roleCode === PLATFORM_ADMIN))
      await assertNotLastPlatformAdmin(ctx.db, input.userId);
    await lockUser(ctx.db, input.userId);
    const resolved = await resolveLinks(ctx.db, input.roleLinks);
    const deleted = await ctx.db
      .delete(roleLinks)
      .where(
        and(
          eq(roleLinks.userId, input.userId),
          or(
            ...resolved.map((l) =>
              and(
                eq(roleLinks.roleCode, l.roleCode),
                eq(roleLinks.entityType, l.entityType),
                l.entityId === null ? isNull(roleLinks.entityId) : eq(roleLinks.entityId, l.entityId),
              ),
            ),
          ),
        ),
      )
      .returning();
    const removed = new Set(deleted.map(keyOf));
    const audited = resolved.filter((l) => removed.has(keyOf(l)));
    await auditByOrganization(ctx.db, ctx, 'admin.user.role_links.removed', input.userId, audited);
    return { userId: input.userId, roleLinks: await presentRoleLinks(ctx.db, input.userId) };
  });
}
