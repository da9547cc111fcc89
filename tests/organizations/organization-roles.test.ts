import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { roleLinks, users } from '@/db/schema';
import { setOrganizationRoles } from '@/server/modules/members/services/set-organization-roles';
import { addMember, createTenant } from '../helpers/organizations';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testRuntime } from '../helpers/runtime';
import { callerAs, eventsOf, expectInvalidInput, linksOf } from './support';

const rt = testRuntime();

describe('organization roles (#19)', () => {
  it('replaces each family with the seed body and records what was added and removed', async () => {
    const tenant = await createTenant(rt);
    const result = await callerAs(rt, tenant.adminCtx).members.setRoles({
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
    const [event] = await eventsOf(rt, tenant.organization.id, 'member.roles.changed');
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
    await caller.members.setRoles({ ...target, roleCodes: ['basic.viewer'] });
    const result = await caller.members.setRoles({ ...target, roleCodes: ['basic.editor'] });
    expect(result.defaultRoleCodes).toEqual(['default.organization.member']);
    expect(result.roleCodes).toEqual(['basic.editor']);
    const again = await caller.members.setRoles(target);
    expect(again).toEqual(result);
    expect(await eventsOf(rt, tenant.organization.id, 'member.roles.changed')).toHaveLength(2);
  });

  it('gives an invited member roles ahead of time', async () => {
    const tenant = await createTenant(rt);
    const invitee = await createUser(rt);
    await addMember(rt, tenant.organization.id, invitee.id, [], 'invited');
    const result = await callerAs(rt, tenant.adminCtx).members.setRoles({
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
    const before = await linksOf(rt, tenant.admin.id);
    await expectRefused(
      callerAs(rt, tenant.adminCtx).members.setRoles({
        organizationId: tenant.organization.id,
        userId: tenant.admin.id,
        defaultRoleCodes: ['default.organization.member'],
        roleCodes: ['basic.admin'],
      }),
      'LAST_ORGANIZATION_ADMIN',
      409,
    );
    expect(await linksOf(rt, tenant.admin.id)).toEqual(before);
    expect(await eventsOf(rt, tenant.organization.id, 'member.roles.changed')).toEqual([]);
  });

  it('refuses demoting or removing the only active admin with 409 when the other admin is disabled', async () => {
    const tenant = await createTenant(rt);
    const disabled = await createUser(rt);
    await addMember(rt, tenant.organization.id, disabled.id, ['default.organization.admin']);
    await rt.db.update(users).set({ status: 'disabled' }).where(eq(users.id, disabled.id));
    const before = await linksOf(rt, tenant.admin.id);
    await expectRefused(
      callerAs(rt, tenant.adminCtx).members.setRoles({
        organizationId: tenant.organization.id,
        userId: tenant.admin.id,
        defaultRoleCodes: ['default.organization.member'],
      }),
      'LAST_ORGANIZATION_ADMIN',
      409,
    );
    const platform = await signedIn(rt, (await createUser(rt, { platformRoles: ['platform.admin'] })).id);
    await expectRefused(
      callerAs(rt, platform).members.remove({
        organizationId: tenant.organization.id,
        userId: tenant.admin.id,
      }),
      'LAST_ORGANIZATION_ADMIN',
      409,
    );
    expect(await linksOf(rt, tenant.admin.id)).toEqual(before);
  });

  it('lets an admin step down once another active admin exists', async () => {
    const tenant = await createTenant(rt);
    const caller = callerAs(rt, tenant.adminCtx);
    await caller.members.setRoles({
      organizationId: tenant.organization.id,
      userId: tenant.member.id,
      defaultRoleCodes: ['default.organization.admin'],
    });
    const result = await caller.members.setRoles({
      organizationId: tenant.organization.id,
      userId: tenant.admin.id,
      defaultRoleCodes: ['default.organization.member'],
    });
    expect(result.defaultRoleCodes).toEqual(['default.organization.member']);
    await expectRefused(
      callerAs(rt, tenant.memberCtx).members.setRoles({
        organizationId: tenant.organization.id,
        userId: tenant.member.id,
        defaultRoleCodes: [],
      }),
      'LAST_ORGANIZATION_ADMIN',
      409,
    );
  });

  raceTest('keeps one admin when two admins demote each other at the same time', async () => {
    // Several rounds: the race needs both transactions open at once, which the first round (while
    // the pool opens connections) may not give.
    for (let round = 0; round < 4; round++) {
      const tenant = await createTenant(rt);
      await callerAs(rt, tenant.adminCtx).members.setRoles({
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
      callerAs(rt, tenant.adminCtx).members.setRoles({
        organizationId: tenant.organization.id,
        userId: stranger.id,
        roleCodes: ['basic.viewer'],
      }),
      'MEMBER_NOT_FOUND',
      404,
    );
    expect(await linksOf(rt, stranger.id)).toEqual([]);
    await expectRefused(
      callerAs(rt, tenant.memberCtx).members.setRoles({
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
      caller.members.setRoles({ ...target, defaultRoleCodes: ['basic.admin'] }),
      'defaultRoleCodes',
    );
    await expectInvalidInput(
      caller.members.setRoles({ ...target, roleCodes: ['sox.producer.admin'] }),
      'roleCodes',
    );
    await expectInvalidInput(
      caller.members.setRoles({ ...target, roleCodes: ['platform.admin'] }),
      'roleCodes',
    );
    await expectInvalidInput(
      caller.members.setRoles({ ...target, roleCodes: ['no.such.role' as 'basic.admin'] }),
      'roleCodes.0',
    );
    expect(await linksOf(rt, tenant.member.id)).toEqual([
      `organization:${tenant.organization.id}:default.organization.member`,
    ]);
  });
});
