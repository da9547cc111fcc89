import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { roleLinks } from '@/db/schema';
import { auditRows, uniqueRequestId } from '../helpers/identity';
import { addMember } from '../helpers/organizations';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import { createTestRuntime, createUser, testRuntime } from '../helpers/runtime';
import { callerFor, createStaff, membership, tenant } from './helpers';

let staff: Awaited<ReturnType<typeof createStaff>>;
const rt = testRuntime();
beforeAll(async () => {
  staff = await createStaff(rt);
});

const unknownId = '0190a4f2-0000-7000-8000-00000000abcd';

describe('admin: remove role links (#28)', () => {
  it('removes the links named, ignores ones not held, and keeps the membership', async () => {
    const { organization, profile } = await tenant(rt);
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
    expect(await membership(rt, organization.id, user.id)).toMatchObject({ status: 'active' });
  });

  it("takes away an organization's last default.organization.admin and records it in that organization's log", async () => {
    const { organization } = await tenant(rt);
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
    const { organization } = await tenant(rt);
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
      const refusal = await expectRefused(
        caller.admin.users.removeRoleLinks({ userId: only.id, roleLinks: [link] }),
        'LAST_PLATFORM_ADMIN',
      );
      expect(refusal.status).toBe(409);
      // a disabled admin does not count as another holder
      const disabled = await createUser(fresh, { platformRoles: ['platform.admin'] });
      await caller.admin.users.update({ _id: disabled.id, status: 'disabled' });
      await expectRefused(
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

  raceTest(
    'lets only one of two admins removing each other at once succeed, so one admin stays',
    async () => {
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
        await expectRefused(Promise.reject(failed.reason), 'LAST_PLATFORM_ADMIN');
        const holders = await fresh.db
          .select()
          .from(roleLinks)
          .where(eq(roleLinks.roleCode, 'platform.admin'));
        expect(holders).toHaveLength(1);
      } finally {
        await fresh.close();
      }
    },
  );

  it('answers 404 for a missing entity or user', async () => {
    await expectRefused(
      staff.asAdmin.admin.users.removeRoleLinks({
        userId: staff.plain.id,
        roleLinks: [{ roleCode: 'basic.viewer', entityType: 'organization_profile', entityId: unknownId }],
      }),
      'PROFILE_NOT_FOUND',
    );
    await expectRefused(
      staff.asAdmin.admin.users.removeRoleLinks({
        userId: unknownId,
        roleLinks: [{ roleCode: 'platform.support', entityType: 'platform' }],
      }),
      'USER_NOT_FOUND',
    );
  });
});
