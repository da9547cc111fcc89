import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, invitations, organizationMembers, organizations, roleLinks, users } from '@/db/schema';
import { uniqueIp } from '../helpers/identity';
import { addMember, createProfileRow, createTenant, grantProfileRole } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testRuntime, uniqueEmail } from '../helpers/runtime';
import { callerAs, invitationToken } from './support';

const rt = testRuntime();

type Tenant = Awaited<ReturnType<typeof createTenant>>;

const membership = async (organizationId: string, userId: string) =>
  (
    await rt.db
      .select()
      .from(organizationMembers)
      .where(
        and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
      )
  )[0];

const linkCount = async (userId: string) =>
  (await rt.db.select().from(roleLinks).where(eq(roleLinks.userId, userId))).length;

const lastEvent = async (organizationId: string, action: string) =>
  (
    await rt.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)))
  )[0];

async function invite(tenant: Tenant) {
  const email = uniqueEmail('pending');
  const member = await callerAs(rt, tenant.adminCtx).members.invite({
    organizationId: tenant.organization.id,
    email,
    firstName: 'Pen',
    lastName: 'Ding',
  });
  return { member, email, token: await invitationToken(rt, email) };
}

describe('remove a member (#47)', () => {
  it('deletes the membership and every role on the organization and its profiles, and records it', async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    const secondProfile = await createProfileRow(rt, tenant.organization.id);
    await grantProfileRole(rt, tenant.profile.id, tenant.member.id, 'basic.admin');
    await grantProfileRole(rt, secondProfile.id, tenant.member.id, 'basic.viewer');
    await addMember(rt, other.organization.id, tenant.member.id, ['basic.viewer']);
    await grantProfileRole(rt, other.profile.id, tenant.member.id, 'basic.editor');

    await callerAs(rt, tenant.adminCtx).members.remove({
      organizationId: tenant.organization.id,
      userId: tenant.member.id,
    });
    expect(await membership(tenant.organization.id, tenant.member.id)).toBeUndefined();
    // Only the roles in the other organization are left.
    expect(await linkCount(tenant.member.id)).toBe(2);
    expect(await membership(other.organization.id, tenant.member.id)).toBeDefined();
    const event = await lastEvent(tenant.organization.id, 'member.removed');
    expect(event).toMatchObject({ actorUserId: tenant.admin.id, subjectUserId: tenant.member.id });
    expect((event!.data as { roleLinks: unknown[] }).roleLinks).toHaveLength(3);
    await expectRefused(
      callerAs(rt, tenant.memberCtx).members.list({ organizationId: tenant.organization.id }),
      'ORGANIZATION_NOT_FOUND',
      404,
    );
  });

  it('removes an invited member together with the invitation, so the link dies', async () => {
    const tenant = await createTenant(rt);
    const { member, token } = await invite(tenant);
    await callerAs(rt, tenant.adminCtx).members.remove({
      organizationId: tenant.organization.id,
      userId: member._id,
    });
    expect(await rt.db.select().from(invitations).where(eq(invitations.userId, member._id))).toEqual([]);
    await expectRefused(
      callerAs(rt, null, { ip: uniqueIp() }).members.invitations.accept({
        token,
        password: 'a perfectly fine passphrase',
      }),
      'LINK_INVALID',
      404,
    );
  });

  it('refuses removing yourself with 400 (leave instead)', async () => {
    const tenant = await createTenant(rt);
    const error = await expectRefused(
      callerAs(rt, tenant.adminCtx).members.remove({
        organizationId: tenant.organization.id,
        userId: tenant.admin.id,
      }),
      'VALIDATION_FAILED',
      400,
    );
    expect(error.errors?.[0]?.path).toBe('userId');
    expect(await membership(tenant.organization.id, tenant.admin.id)).toBeDefined();
  });

  it('refuses removing the last active admin with 409, even for a platform admin', async () => {
    const tenant = await createTenant(rt);
    const platform = await signedIn(rt, (await createUser(rt, { platformRoles: ['platform.admin'] })).id);
    await expectRefused(
      callerAs(rt, platform).members.remove({
        organizationId: tenant.organization.id,
        userId: tenant.admin.id,
      }),
      'LAST_ORGANIZATION_ADMIN',
      409,
    );
    expect(await membership(tenant.organization.id, tenant.admin.id)).toBeDefined();
    expect(await linkCount(tenant.admin.id)).toBe(1);
    await callerAs(rt, platform).members.remove({
      organizationId: tenant.organization.id,
      userId: tenant.member.id,
    });
  });

  it('refuses a non-member with 404 MEMBER_NOT_FOUND and a plain member with 403', async () => {
    const tenant = await createTenant(rt);
    const stranger = await createUser(rt);
    await expectRefused(
      callerAs(rt, tenant.adminCtx).members.remove({
        organizationId: tenant.organization.id,
        userId: stranger.id,
      }),
      'MEMBER_NOT_FOUND',
      404,
    );
    await expectRefused(
      callerAs(rt, tenant.memberCtx).members.remove({
        organizationId: tenant.organization.id,
        userId: tenant.admin.id,
      }),
      'FORBIDDEN',
      403,
    );
  });
});

describe('cancel an invitation (#47)', () => {
  it('removes the pending membership and its link, keeps the account, and records it', async () => {
    const tenant = await createTenant(rt);
    const { member, token } = await invite(tenant);
    await callerAs(rt, tenant.adminCtx).members.cancelInvitation({
      organizationId: tenant.organization.id,
      userId: member._id,
    });
    expect(await membership(tenant.organization.id, member._id)).toBeUndefined();
    expect(await rt.db.select().from(users).where(eq(users.id, member._id))).toHaveLength(1);
    await expectRefused(callerAs(rt, null).members.invitations.preview({ token }), 'LINK_INVALID', 404);
    expect(await lastEvent(tenant.organization.id, 'member.invitation.cancelled')).toMatchObject({
      subjectUserId: member._id,
      actorUserId: tenant.admin.id,
    });
  });

  it('refuses an active member with 409 NOT_INVITED, a non-member with 404 and a plain member with 403', async () => {
    const tenant = await createTenant(rt);
    const { member } = await invite(tenant);
    const cancel = (ctx: typeof tenant.adminCtx, userId: string) =>
      callerAs(rt, ctx).members.cancelInvitation({
        organizationId: tenant.organization.id,
        userId,
      });
    await expectRefused(cancel(tenant.adminCtx, tenant.member.id), 'NOT_INVITED', 409);
    await expectRefused(cancel(tenant.adminCtx, (await createUser(rt)).id), 'MEMBER_NOT_FOUND', 404);
    await expectRefused(cancel(tenant.memberCtx, member._id), 'FORBIDDEN', 403);
    expect(await membership(tenant.organization.id, tenant.member.id)).toBeDefined();
  });
});

describe('leave an organization (#47)', () => {
  it('lets a member leave: membership and roles gone, recorded as member.left', async () => {
    const tenant = await createTenant(rt);
    await grantProfileRole(rt, tenant.profile.id, tenant.member.id, 'basic.viewer');
    await callerAs(rt, tenant.memberCtx).members.leave({ organizationId: tenant.organization.id });
    expect(await membership(tenant.organization.id, tenant.member.id)).toBeUndefined();
    expect(await linkCount(tenant.member.id)).toBe(0);
    expect(await lastEvent(tenant.organization.id, 'member.left')).toMatchObject({
      actorUserId: tenant.member.id,
      subjectUserId: tenant.member.id,
    });
    const { items } = await callerAs(rt, tenant.memberCtx).organizations.list();
    expect(items).toEqual([]);
  });

  it('refuses the last active admin with 409 until another admin is active', async () => {
    const tenant = await createTenant(rt);
    const leave = () =>
      callerAs(rt, tenant.adminCtx).members.leave({ organizationId: tenant.organization.id });
    await expectRefused(leave(), 'LAST_ORGANIZATION_ADMIN', 409);
    expect(await membership(tenant.organization.id, tenant.admin.id)).toBeDefined();
    await callerAs(rt, tenant.adminCtx).members.setRoles({
      organizationId: tenant.organization.id,
      userId: tenant.member.id,
      defaultRoleCodes: ['default.organization.admin'],
    });
    await leave();
    expect(await membership(tenant.organization.id, tenant.admin.id)).toBeUndefined();
  });

  it('lets a member whose roles were all taken away leave', async () => {
    const tenant = await createTenant(rt);
    const roleless = await createUser(rt);
    await addMember(rt, tenant.organization.id, roleless.id, []);
    await callerAs(rt, await signedIn(rt, roleless.id)).members.leave({
      organizationId: tenant.organization.id,
    });
    expect(await membership(tenant.organization.id, roleless.id)).toBeUndefined();
  });

  it('refuses an organization I do not belong to, am only invited to, or that is archived with 404', async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    const leave = (ctx: typeof tenant.adminCtx, organizationId: string) =>
      callerAs(rt, ctx).members.leave({ organizationId });
    await expectRefused(leave(tenant.memberCtx, other.organization.id), 'ORGANIZATION_NOT_FOUND', 404);
    const support = await signedIn(rt, (await createUser(rt, { platformRoles: ['platform.support'] })).id);
    await expectRefused(leave(support, other.organization.id), 'ORGANIZATION_NOT_FOUND', 404);
    const { member } = await invite(other);
    await expectRefused(
      leave(await signedIn(rt, member._id), other.organization.id),
      'ORGANIZATION_NOT_FOUND',
    );
    expect(await membership(other.organization.id, member._id)).toMatchObject({ status: 'invited' });
    await rt.db
      .update(organizations)
      .set({ status: 'archive' })
      .where(eq(organizations.id, other.organization.id));
    await expectRefused(leave(other.memberCtx, other.organization.id), 'ORGANIZATION_NOT_FOUND', 404);
    expect(await membership(other.organization.id, other.member.id)).toBeDefined();
  });
});
