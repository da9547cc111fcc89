import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, roleLinks } from '@/db/schema';
import { permissionsOf } from '@/server/rbac/catalog';
import { assertCanGrant, replaceRoleLinks } from '@/server/services/members/member-rules';
import { setOrganizationRoles } from '@/server/services/members/set-organization-roles';
import { expectAppError } from '../helpers/identity';
import { addMember, createProfileRow, createTenant, grantProfileRole } from '../helpers/organizations';
import { createTestRuntime, createUser, signedIn, type TestRuntime } from '../helpers/runtime';
import { callerAs, expectInvalidInput, expectRefused } from './support';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await createTestRuntime();
});
afterAll(() => rt.close());

const linksOf = async (userId: string) =>
  (
    await rt.db
      .select({
        roleCode: roleLinks.roleCode,
        entityType: roleLinks.entityType,
        entityId: roleLinks.entityId,
      })
      .from(roleLinks)
      .where(eq(roleLinks.userId, userId))
  )
    .map((l) => `${l.entityType}:${l.entityId}:${l.roleCode}`)
    .sort();

const eventsOf = (organizationId: string, action: string) =>
  rt.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)));

describe('organization roles (#19)', () => {
  it('replaces each family with the seed body and records what was added and removed', async () => {
    const tenant = await createTenant(rt);
    const result = await callerAs(rt, tenant.adminCtx).organizationUsers.setRoles({
      organizationId: tenant.organization.id,
      userId: tenant.member.id,
      defaultRoleCodes: ['default.organization.admin'],
      roleCodes: ['basic.admin'],
    });
    expect(result).toEqual({
      organizationId: tenant.organization.id,
      userId: tenant.member.id,
      defaultRoleCodes: ['default.organization.admin'],
      roleCodes: ['basic.admin'],
    });
    const [event] = await eventsOf(tenant.organization.id, 'member.roles.changed');
    expect(event).toMatchObject({
      actorUserId: tenant.admin.id,
      subjectUserId: tenant.member.id,
      data: {
        added: ['basic.admin', 'default.organization.admin'],
        removed: ['default.organization.member'],
      },
    });
  });

  it('leaves a family unchanged when its list is absent, and records nothing when nothing changed', async () => {
    const tenant = await createTenant(rt);
    const caller = callerAs(rt, tenant.adminCtx);
    const target = { organizationId: tenant.organization.id, userId: tenant.member.id };
    await caller.organizationUsers.setRoles({ ...target, roleCodes: ['basic.viewer'] });
    const result = await caller.organizationUsers.setRoles({ ...target, roleCodes: ['basic.editor'] });
    expect(result.defaultRoleCodes).toEqual(['default.organization.member']);
    expect(result.roleCodes).toEqual(['basic.editor']);
    const again = await caller.organizationUsers.setRoles(target);
    expect(again).toEqual(result);
    expect(await eventsOf(tenant.organization.id, 'member.roles.changed')).toHaveLength(2);
  });

  it('gives an invited member roles ahead of time', async () => {
    const tenant = await createTenant(rt);
    const invitee = await createUser(rt);
    await addMember(rt, tenant.organization.id, invitee.id, [], 'invited');
    const result = await callerAs(rt, tenant.adminCtx).organizationUsers.setRoles({
      organizationId: tenant.organization.id,
      userId: invitee.id,
      roleCodes: ['basic.editor'],
    });
    expect(result.roleCodes).toEqual(['basic.editor']);
  });

  it('refuses to take the admin role from the last active admin with 409 and changes nothing', async () => {
    const tenant = await createTenant(rt);
    // An invited admin does not count: they cannot act until they accept.
    const invitee = await createUser(rt);
    await addMember(rt, tenant.organization.id, invitee.id, ['default.organization.admin'], 'invited');
    const before = await linksOf(tenant.admin.id);
    await expectRefused(
      callerAs(rt, tenant.adminCtx).organizationUsers.setRoles({
        organizationId: tenant.organization.id,
        userId: tenant.admin.id,
        defaultRoleCodes: ['default.organization.member'],
        roleCodes: ['basic.admin'],
      }),
      'LAST_ORGANIZATION_ADMIN',
      409,
    );
    expect(await linksOf(tenant.admin.id)).toEqual(before);
    expect(await eventsOf(tenant.organization.id, 'member.roles.changed')).toEqual([]);
  });

  it('lets an admin step down once another active admin exists', async () => {
    const tenant = await createTenant(rt);
    const caller = callerAs(rt, tenant.adminCtx);
    await caller.organizationUsers.setRoles({
      organizationId: tenant.organization.id,
      userId: tenant.member.id,
      defaultRoleCodes: ['default.organization.admin'],
    });
    const result = await caller.organizationUsers.setRoles({
      organizationId: tenant.organization.id,
      userId: tenant.admin.id,
      defaultRoleCodes: ['default.organization.member'],
    });
    expect(result.defaultRoleCodes).toEqual(['default.organization.member']);
    await expectRefused(
      callerAs(rt, tenant.memberCtx).organizationUsers.setRoles({
        organizationId: tenant.organization.id,
        userId: tenant.member.id,
        defaultRoleCodes: [],
      }),
      'LAST_ORGANIZATION_ADMIN',
      409,
    );
  });

  it('keeps one admin when two admins demote each other at the same time', async () => {
    // Several rounds: the race needs both transactions open at once, which the first round (while
    // the pool opens connections) may not give.
    for (let round = 0; round < 4; round++) {
      const tenant = await createTenant(rt);
      await callerAs(rt, tenant.adminCtx).organizationUsers.setRoles({
        organizationId: tenant.organization.id,
        userId: tenant.member.id,
        defaultRoleCodes: ['default.organization.admin'],
      });
      const demote = (ctx: typeof tenant.adminCtx, userId: string) =>
        setOrganizationRoles(ctx, {
          organizationId: tenant.organization.id,
          userId,
          defaultRoleCodes: ['default.organization.member'],
        });
      const results = await Promise.allSettled([
        demote(tenant.adminCtx, tenant.member.id),
        demote(tenant.memberCtx, tenant.admin.id),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const admins = await rt.db
        .select()
        .from(roleLinks)
        .where(
          and(
            eq(roleLinks.entityId, tenant.organization.id),
            eq(roleLinks.roleCode, 'default.organization.admin'),
          ),
        );
      expect(admins).toHaveLength(1);
    }
  });

  it('refuses a person who is not a member with 404 MEMBER_NOT_FOUND and a plain member with 403', async () => {
    const tenant = await createTenant(rt);
    const stranger = await createUser(rt);
    await expectRefused(
      callerAs(rt, tenant.adminCtx).organizationUsers.setRoles({
        organizationId: tenant.organization.id,
        userId: stranger.id,
        roleCodes: ['basic.viewer'],
      }),
      'MEMBER_NOT_FOUND',
      404,
    );
    expect(await linksOf(stranger.id)).toEqual([]);
    await expectRefused(
      callerAs(rt, tenant.memberCtx).organizationUsers.setRoles({
        organizationId: tenant.organization.id,
        userId: tenant.member.id,
        defaultRoleCodes: ['default.organization.admin'],
      }),
      'FORBIDDEN',
      403,
    );
  });

  it('refuses role codes of the wrong family or scope with 400 VALIDATION_FAILED', async () => {
    const tenant = await createTenant(rt);
    const caller = callerAs(rt, tenant.adminCtx);
    const target = { organizationId: tenant.organization.id, userId: tenant.member.id };
    await expectInvalidInput(
      caller.organizationUsers.setRoles({ ...target, defaultRoleCodes: ['basic.admin'] }),
      'defaultRoleCodes',
    );
    await expectInvalidInput(
      caller.organizationUsers.setRoles({ ...target, roleCodes: ['sox.producer.admin'] }),
      'roleCodes',
    );
    await expectInvalidInput(
      caller.organizationUsers.setRoles({ ...target, roleCodes: ['platform.admin'] }),
      'roleCodes',
    );
    await expectInvalidInput(
      caller.organizationUsers.setRoles({ ...target, roleCodes: ['no.such.role' as 'basic.admin'] }),
      'roleCodes.0',
    );
    expect(await linksOf(tenant.member.id)).toEqual([
      `organization:${tenant.organization.id}:default.organization.member`,
    ]);
  });
});

describe('profile roles (#20)', () => {
  it('replaces the roles on that profile only and records the change', async () => {
    const tenant = await createTenant(rt);
    const otherProfile = await createProfileRow(rt, tenant.organization.id);
    await grantProfileRole(rt, otherProfile.id, tenant.member.id, 'basic.viewer');
    await grantProfileRole(rt, tenant.profile.id, tenant.member.id, 'basic.viewer');
    const result = await callerAs(rt, tenant.adminCtx).organizationUsers.setProfileRoles({
      profileId: tenant.profile.id,
      userId: tenant.member.id,
      roleCodes: ['basic.admin', 'sox.producer.admin'],
    });
    expect(result).toEqual({
      profileId: tenant.profile.id,
      userId: tenant.member.id,
      roleCodes: ['basic.admin', 'sox.producer.admin'],
    });
    expect(await linksOf(tenant.member.id)).toEqual(
      [
        `organization:${tenant.organization.id}:default.organization.member`,
        `organization_profile:${otherProfile.id}:basic.viewer`,
        `organization_profile:${tenant.profile.id}:basic.admin`,
        `organization_profile:${tenant.profile.id}:sox.producer.admin`,
      ].sort(),
    );
    const [event] = await eventsOf(tenant.organization.id, 'member.profile_roles.changed');
    expect(event).toMatchObject({
      targetId: tenant.profile.id,
      data: { added: ['basic.admin', 'sox.producer.admin'], removed: ['basic.viewer'] },
    });
    const cleared = await callerAs(rt, tenant.adminCtx).organizationUsers.setProfileRoles({
      profileId: tenant.profile.id,
      userId: tenant.member.id,
      roleCodes: [],
    });
    expect(cleared.roleCodes).toEqual([]);
  });

  it('refuses a person outside the organization with 404 and a foreign profile with 404', async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    await expectRefused(
      callerAs(rt, tenant.adminCtx).organizationUsers.setProfileRoles({
        profileId: tenant.profile.id,
        userId: other.member.id,
        roleCodes: ['basic.admin'],
      }),
      'MEMBER_NOT_FOUND',
      404,
    );
    await expectRefused(
      callerAs(rt, tenant.adminCtx).organizationUsers.setProfileRoles({
        profileId: other.profile.id,
        userId: tenant.member.id,
        roleCodes: ['basic.admin'],
      }),
      'PROFILE_NOT_FOUND',
      404,
    );
  });

  it('refuses a profile administrator without members.manage with 403 FORBIDDEN', async () => {
    const tenant = await createTenant(rt);
    await grantProfileRole(rt, tenant.profile.id, tenant.member.id, 'basic.admin');
    await expectRefused(
      callerAs(rt, tenant.memberCtx).organizationUsers.setProfileRoles({
        profileId: tenant.profile.id,
        userId: tenant.member.id,
        roleCodes: ['basic.admin', 'sox.producer.admin'],
      }),
      'FORBIDDEN',
      403,
    );
  });

  it('refuses organization-only roles at profile level with 400', async () => {
    const tenant = await createTenant(rt);
    await expectInvalidInput(
      callerAs(rt, tenant.adminCtx).organizationUsers.setProfileRoles({
        profileId: tenant.profile.id,
        userId: tenant.member.id,
        roleCodes: ['default.organization.admin'],
      }),
      'roleCodes',
    );
  });
});

describe('grant only what you hold', () => {
  it('refuses a role whose permissions the granter lacks with 403 GRANT_NOT_ALLOWED naming them', () => {
    const held = permissionsOf(['basic.editor']);
    let thrown: unknown;
    try {
      assertCanGrant(['basic.viewer', 'basic.admin'], held);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'GRANT_NOT_ALLOWED', status: 403 });
    const message = (thrown as Error).message;
    expect(message).toContain('basic.admin needs');
    expect(message).toContain('profiles.write');
    expect(message).not.toContain('basic.viewer');
    expect(() => assertCanGrant(['basic.viewer', 'basic.editor'], held)).not.toThrow();
  });

  it('applies the rule to removals too, and changes nothing when refused', async () => {
    const tenant = await createTenant(rt);
    await grantProfileRole(rt, tenant.profile.id, tenant.member.id, 'basic.admin');
    const before = await linksOf(tenant.member.id);
    await expectAppError(
      rt.db.transaction((tx) =>
        replaceRoleLinks(tx, {
          userId: tenant.member.id,
          entityType: 'organization_profile',
          entityId: tenant.profile.id,
          desired: ['basic.viewer'],
          held: permissionsOf(['basic.editor']),
          createdBy: tenant.admin.id,
        }),
      ),
      'GRANT_NOT_ALLOWED',
    );
    expect(await linksOf(tenant.member.id)).toEqual(before);
  });

  it('lets platform support read but not manage members (403)', async () => {
    const tenant = await createTenant(rt);
    const support = await signedIn(rt, (await createUser(rt, { platformRoles: ['platform.support'] })).id);
    const list = await callerAs(rt, support).organizationUsers.list({
      organizationId: tenant.organization.id,
    });
    expect(list.items).toHaveLength(2);
    await expectRefused(
      callerAs(rt, support).organizationUsers.setRoles({
        organizationId: tenant.organization.id,
        userId: tenant.member.id,
        roleCodes: ['basic.viewer'],
      }),
      'FORBIDDEN',
      403,
    );
  });
});
