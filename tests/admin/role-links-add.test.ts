import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invitations, roleLinks } from '@/db/schema';
import { auditRows, uniqueRequestId } from '../helpers/identity';
import { addMember } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { createUser, testRuntime } from '../helpers/runtime';
import { callerFor, createStaff, membership, messageAt, tenant } from './helpers';

let staff: Awaited<ReturnType<typeof createStaff>>;
const rt = testRuntime();
beforeAll(async () => {
  staff = await createStaff(rt);
});

const unknownId = '0190a4f2-0000-7000-8000-00000000abcd';

describe('admin: add role links (#27)', () => {
  it('adds organization and profile roles, names their entities, and makes the user an active member', async () => {
    const { organization, profile } = await tenant(rt);
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
    expect(await membership(rt, organization.id, user.id)).toMatchObject({ status: 'active' });
    const detail = await staff.asAdmin.admin.users.get({ userId: user.id });
    expect(detail.roleLinks).toEqual(result.roleLinks);
  });

  it('activates an invited member and spends the invitation', async () => {
    const { organization } = await tenant(rt);
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
    expect(await membership(rt, organization.id, user.id)).toMatchObject({ status: 'active' });
    expect(await rt.db.select().from(invitations).where(eq(invitations.userId, user.id))).toEqual([]);
  });

  it('leaves a link the user already holds as it is (no duplicate, no event)', async () => {
    const { organization } = await tenant(rt);
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
    const a = await tenant(rt);
    const b = await tenant(rt);
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
    const { organization } = await tenant(rt);
    const user = await createUser(rt);
    const org = await expectRefused(
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
    const profile = await expectRefused(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: user.id,
        roleLinks: [{ roleCode: 'basic.viewer', entityType: 'organization_profile', entityId: unknownId }],
      }),
      'PROFILE_NOT_FOUND',
    );
    expect(profile.status).toBe(404);
    expect(await rt.db.select().from(roleLinks).where(eq(roleLinks.userId, user.id))).toEqual([]);
    expect(await membership(rt, organization.id, user.id)).toBeUndefined();
  });

  it("answers 404 when a profile's id is named as an organization, or an organization's as a profile", async () => {
    const { organization, profile } = await tenant(rt);
    const user = await createUser(rt);
    await expectRefused(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: user.id,
        roleLinks: [
          { roleCode: 'basic.viewer', entityType: 'organization_profile', entityId: profile.id },
          { roleCode: 'basic.viewer', entityType: 'organization', entityId: profile.id },
        ],
      }),
      'ORGANIZATION_NOT_FOUND',
    );
    await expectRefused(
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
    await expectRefused(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: unknownId,
        roleLinks: [{ roleCode: 'platform.support', entityType: 'platform' }],
      }),
      'USER_NOT_FOUND',
    );
  });

  it('refuses a role at a scope it cannot be held at, or a platform role with an entity, with 400', async () => {
    const { organization } = await tenant(rt);
    const user = await createUser(rt);
    const scope = await expectRefused(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: user.id,
        roleLinks: [
          { roleCode: 'sox.producer.admin', entityType: 'organization', entityId: organization.id },
        ],
      }),
      'VALIDATION_FAILED',
    );
    expect(messageAt(scope.errors, 'roleLinks.0.entityType')).toContain('cannot be held at organization');
    const platform = await expectRefused(
      staff.asAdmin.admin.users.addRoleLinks({
        userId: user.id,
        roleLinks: [{ roleCode: 'platform.admin', entityType: 'platform', entityId: organization.id }],
      }),
      'VALIDATION_FAILED',
    );
    expect(messageAt(platform.errors, 'roleLinks.0.entityId')).toContain('absent');
  });

  it('refuses an unknown role code with 400 naming the allowed codes', async () => {
    const refusal = await expectRefused(
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
