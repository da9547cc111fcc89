import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations, organizationMembers, roleLinks } from '@/db/schema';
import { auditRows, uniqueRequestId } from '../helpers/identity';
import { addMember, createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { createTestRuntime, createUser, type TestRuntime } from '../helpers/runtime';
import { callerFor, createStaff, expectRefusal, messageAt } from './helpers';

let rt: TestRuntime;
let staff: Awaited<ReturnType<typeof createStaff>>;
beforeAll(async () => {
  rt = await createTestRuntime();
  staff = await createStaff(rt);
});
afterAll(() => rt.close());

const unknownId = '0190a4f2-0000-7000-8000-00000000abcd';

async function membership(organizationId: string, userId: string) {
  const [row] = await rt.db
    .select()
    .from(organizationMembers)
    .where(
      and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
    );
  return row;
}

async function tenant() {
  const organization = await createOrganizationRow(rt);
  const profile = await createProfileRow(rt, organization.id);
  return { organization, profile };
}

describe('admin: add role links (#27)', () => {
  it('adds organization and profile roles, names their entities, and makes the user an active member', async () => {
    const { organization, profile } = await tenant();
    const user = await createUser(rt);
    const result = await staff.asAdmin.admin.users.addRoleLinks({
      userId: user.id,
      roleLinks: [
        { roleCode: 'default.organization.admin', entityType: 'organization', entityId: organization.id },
        { roleCode: 'sox.producer.admin', entityType: 'organization_profile', entityId: profile.id },
      ],
    });
    expect(result.userId).toBe(user.id);
    expect(
      result.roleLinks.map(({ roleCode, entityId, entityName }) => ({ roleCode, entityId, entityName })),
    ).toEqual(
      expect.arrayContaining([
        { roleCode: 'default.organization.admin', entityId: organization.id, entityName: organization.name },
        { roleCode: 'sox.producer.admin', entityId: profile.id, entityName: profile.name },
      ]),
    );
    expect(await membership(organization.id, user.id)).toMatchObject({ status: 'active' });
    const detail = await staff.asAdmin.admin.users.get({ userId: user.id });
    expect(detail.roleLinks).toEqual(result.roleLinks);
  });

  it('activates an invited member and spends the invitation', async () => {
    const { organization } = await tenant();
    const user = await createUser(rt);
    await addMember(rt, organization.id, user.id, [], 'invited');
    await rt.db.insert(invitations).values({
      organizationId: organization.id,
      userId: user.id,
      tokenHash: `hash-${user.id}`,
      expiresAt: new Date(rt.clock.now().getTime() + 86_400_000),
    });
    await staff.asAdmin.admin.users.addRoleLinks({
      userId: user.id,
      roleLinks: [{ roleCode: 'basic.viewer', entityType: 'organization', entityId: organization.id }],
    });
    expect(await membership(organization.id, user.id)).toMatchObject({ status: 'active' });
    expect(await rt.db.select().from(invitations).where(eq(invitations.userId, user.id))).toEqual([]);
  });

  it('leaves a link the user already holds as it is (no duplicate, no event)', async () => {
    const { organization } = await tenant();
    const user = await createUser(rt);
    const link = {
      roleCode: 'basic.viewer' as const,
      entityType: 'organization' as const,
      entityId: organization.id,
    };
    const first = await staff.asAdmin.admin.users.addRoleLinks({ userId: user.id, roleLinks: [link, link] });
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    const again = await caller.admin.users.addRoleLinks({ userId: user.id, roleLinks: [link] });
    expect(again.roleLinks).toEqual(first.roleLinks);
    expect(again.roleLinks).toHaveLength(1);
    expect(await auditRows(rt, { requestId })).toEqual([]);
  });

  it('records one event per organization with its id, and one for platform roles', async () => {
    const a = await tenant();
    const b = await tenant();
    const user = await createUser(rt);
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    await caller.admin.users.addRoleLinks({
      userId: user.id,
      roleLinks: [
        { roleCode: 'basic.admin', entityType: 'organization_profile', entityId: a.profile.id },
        { roleCode: 'basic.viewer', entityType: 'organization', entityId: b.organization.id },
        { roleCode: 'platform.support', entityType: 'platform' },
      ],
    });
    const events = await auditRows(rt, { requestId });
    expect(events.map((e) => [e.action, e.organizationId, e.subjectUserId, e.actorUserId])).toEqual(
      expect.arrayContaining([
        ['admin.user.role_links.added', a.organization.id, user.id, staff.admin.id],
        ['admin.user.role_links.added', b.organization.id, user.id, staff.admin.id],
        ['admin.user.role_links.added', null, user.id, staff.admin.id],
      ]),
    );
    expect(events).toHaveLength(3);
    expect(events.find((e) => e.organizationId === a.organization.id)!.data).toEqual({
      roleLinks: [{ roleCode: 'basic.admin', entityType: 'organization_profile', entityId: a.profile.id }],
      membership: 'added',
    });
  });

  it('answers 404 ORGANIZATION_NOT_FOUND or PROFILE_NOT_FOUND for a missing entity and adds nothing', async () => {
    const { organization } = await tenant();
    const user = await createUser(rt);
    const org = await expectRefusal(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: user.id,
        roleLinks: [
          { roleCode: 'basic.viewer', entityType: 'organization', entityId: organization.id },
          { roleCode: 'basic.viewer', entityType: 'organization', entityId: unknownId },
        ],
      }),
      'ORGANIZATION_NOT_FOUND',
    );
    expect(org.status).toBe(404);
    const profile = await expectRefusal(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: user.id,
        roleLinks: [{ roleCode: 'basic.viewer', entityType: 'organization_profile', entityId: unknownId }],
      }),
      'PROFILE_NOT_FOUND',
    );
    expect(profile.status).toBe(404);
    expect(await rt.db.select().from(roleLinks).where(eq(roleLinks.userId, user.id))).toEqual([]);
    expect(await membership(organization.id, user.id)).toBeUndefined();
  });

  it("answers 404 when a profile's id is named as an organization, or an organization's as a profile", async () => {
    const { organization, profile } = await tenant();
    const user = await createUser(rt);
    await expectRefusal(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: user.id,
        roleLinks: [
          { roleCode: 'basic.viewer', entityType: 'organization_profile', entityId: profile.id },
          { roleCode: 'basic.viewer', entityType: 'organization', entityId: profile.id },
        ],
      }),
      'ORGANIZATION_NOT_FOUND',
    );
    await expectRefusal(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: user.id,
        roleLinks: [
          { roleCode: 'basic.viewer', entityType: 'organization_profile', entityId: organization.id },
        ],
      }),
      'PROFILE_NOT_FOUND',
    );
    expect(await rt.db.select().from(roleLinks).where(eq(roleLinks.userId, user.id))).toEqual([]);
  });

  it('answers 404 USER_NOT_FOUND for an unknown user', async () => {
    await expectRefusal(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: unknownId,
        roleLinks: [{ roleCode: 'platform.support', entityType: 'platform' }],
      }),
      'USER_NOT_FOUND',
    );
  });

  it('refuses a role at a scope it cannot be held at, or a platform role with an entity, with 400', async () => {
    const { organization } = await tenant();
    const user = await createUser(rt);
    const scope = await expectRefusal(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: user.id,
        roleLinks: [
          { roleCode: 'sox.producer.admin', entityType: 'organization', entityId: organization.id },
        ],
      }),
      'VALIDATION_FAILED',
    );
    expect(messageAt(scope.errors, 'roleLinks.0.entityType')).toContain('cannot be held at organization');
    const platform = await expectRefusal(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: user.id,
        roleLinks: [{ roleCode: 'platform.admin', entityType: 'platform', entityId: organization.id }],
      }),
      'VALIDATION_FAILED',
    );
    expect(messageAt(platform.errors, 'roleLinks.0.entityId')).toContain('absent');
  });

  it('refuses an unknown role code with 400 naming the allowed codes', async () => {
    const refusal = await expectRefusal(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: staff.plain.id,
        roleLinks: [{ roleCode: 'organization.owner' as never, entityType: 'platform' }],
      }),
      'VALIDATION_FAILED',
    );
    const message = messageAt(refusal.errors, 'roleLinks.0.roleCode');
    for (const code of ['platform.admin', 'default.organization.admin', 'basic.viewer', 'sox.buyer.admin'])
      expect(message).toContain(code);
  });
});

describe('admin: remove role links (#28)', () => {
  it('removes the links named, ignores ones not held, and keeps the membership', async () => {
    const { organization, profile } = await tenant();
    const user = await createUser(rt);
    await staff.asAdmin.admin.users.addRoleLinks({
      userId: user.id,
      roleLinks: [
        { roleCode: 'default.organization.admin', entityType: 'organization', entityId: organization.id },
        { roleCode: 'sox.producer.admin', entityType: 'organization_profile', entityId: profile.id },
      ],
    });
    const result = await staff.asAdmin.admin.users.removeRoleLinks({
      userId: user.id,
      roleLinks: [
        { roleCode: 'default.organization.admin', entityType: 'organization', entityId: organization.id },
        { roleCode: 'basic.viewer', entityType: 'organization', entityId: organization.id },
      ],
    });
    expect(result.roleLinks.map((l) => l.roleCode)).toEqual(['sox.producer.admin']);
    expect(await membership(organization.id, user.id)).toMatchObject({ status: 'active' });
  });

  it("takes away an organization's last default.organization.admin and records it in that organization's log", async () => {
    const { organization } = await tenant();
    const admin = await createUser(rt);
    await addMember(rt, organization.id, admin.id, ['default.organization.admin']);
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    const result = await caller.admin.users.removeRoleLinks({
      userId: admin.id,
      roleLinks: [
        { roleCode: 'default.organization.admin', entityType: 'organization', entityId: organization.id },
      ],
    });
    expect(result.roleLinks).toEqual([]);
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({
      action: 'admin.user.role_links.removed',
      organizationId: organization.id,
      subjectUserId: admin.id,
      data: {
        roleLinks: [
          { roleCode: 'default.organization.admin', entityType: 'organization', entityId: organization.id },
        ],
      },
    });
  });

  it('records nothing when no link was held', async () => {
    const { organization } = await tenant();
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    await caller.admin.users.removeRoleLinks({
      userId: staff.plain.id,
      roleLinks: [{ roleCode: 'basic.viewer', entityType: 'organization', entityId: organization.id }],
    });
    expect(await auditRows(rt, { requestId })).toEqual([]);
  });

  it('refuses to take platform.admin from the last active holder with 409 LAST_PLATFORM_ADMIN', async () => {
    const fresh = await createTestRuntime();
    try {
      const only = await createUser(fresh, { platformRoles: ['platform.admin'] });
      const caller = await callerFor(fresh, only.id);
      const link = { roleCode: 'platform.admin' as const, entityType: 'platform' as const };
      const refusal = await expectRefusal(
        caller.admin.users.removeRoleLinks({ userId: only.id, roleLinks: [link] }),
        'LAST_PLATFORM_ADMIN',
      );
      expect(refusal.status).toBe(409);
      // a disabled admin does not count as another holder
      const disabled = await createUser(fresh, { platformRoles: ['platform.admin'] });
      await caller.admin.users.update({ _id: disabled.id, status: 'disabled' });
      await expectRefusal(
        caller.admin.users.removeRoleLinks({ userId: only.id, roleLinks: [link] }),
        'LAST_PLATFORM_ADMIN',
      );
      // with a second active admin, either may go
      const second = await createUser(fresh, { platformRoles: ['platform.admin'] });
      await caller.admin.users.removeRoleLinks({ userId: second.id, roleLinks: [link] });
      await caller.admin.users.addRoleLinks({ userId: second.id, roleLinks: [link] });
      const result = await caller.admin.users.removeRoleLinks({ userId: only.id, roleLinks: [link] });
      expect(result.roleLinks).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('lets only one of two admins removing each other at once succeed, so one admin stays', async () => {
    const fresh = await createTestRuntime();
    try {
      const a = await createUser(fresh, { platformRoles: ['platform.admin'] });
      const b = await createUser(fresh, { platformRoles: ['platform.admin'] });
      const link = { roleCode: 'platform.admin' as const, entityType: 'platform' as const };
      const [asA, asB] = [await callerFor(fresh, a.id), await callerFor(fresh, b.id)];
      const results = await Promise.allSettled([
        asA.admin.users.removeRoleLinks({ userId: b.id, roleLinks: [link] }),
        asB.admin.users.removeRoleLinks({ userId: a.id, roleLinks: [link] }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      await expectRefusal(Promise.reject(failed.reason), 'LAST_PLATFORM_ADMIN');
      const holders = await fresh.db.select().from(roleLinks).where(eq(roleLinks.roleCode, 'platform.admin'));
      expect(holders).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it('answers 404 for a missing entity or user', async () => {
    await expectRefusal(
      staff.asAdmin.admin.users.removeRoleLinks({
        userId: staff.plain.id,
        roleLinks: [{ roleCode: 'basic.viewer', entityType: 'organization_profile', entityId: unknownId }],
      }),
      'PROFILE_NOT_FOUND',
    );
    await expectRefusal(
      staff.asAdmin.admin.users.removeRoleLinks({
        userId: unknownId,
        roleLinks: [{ roleCode: 'platform.support', entityType: 'platform' }],
      }),
      'USER_NOT_FOUND',
    );
  });
});
