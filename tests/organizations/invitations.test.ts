import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, invitations, organizationMembers, organizations, roleLinks } from '@/db/schema';
import { sha256 } from '@/server/auth/crypto';
import { DAY, MINUTE } from '@/server/clock';
import { acceptInvitation } from '@/server/services/members/accept-invitation';
import { apiTokens, emailsTo, latestEmail, uniqueIp } from '../helpers/identity';
import { createTenant } from '../helpers/organizations';
import {
  createTestRuntime,
  createUser,
  type TestRuntime,
  testMeta,
  uniqueEmail,
  userById,
} from '../helpers/runtime';
import { callerAs, expectRefused, invitationToken } from './support';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await createTestRuntime();
});
afterAll(() => rt.close());

const NEW_PASSWORD = 'a brand new invitee passphrase';

async function inviteNew(tenant: Awaited<ReturnType<typeof createTenant>>, email = uniqueEmail('invitee')) {
  const member = await callerAs(rt, tenant.adminCtx).organizationUsers.invite({
    organizationId: tenant.organization.id,
    email,
    firstName: 'Ina',
    lastName: 'Vitee',
  });
  return { member, email, token: await invitationToken(rt, email) };
}

const memberRow = async (organizationId: string, userId: string) =>
  (
    await rt.db
      .select()
      .from(organizationMembers)
      .where(
        and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
      )
  )[0];

const orgRoles = async (organizationId: string, userId: string) =>
  (
    await rt.db
      .select({ roleCode: roleLinks.roleCode })
      .from(roleLinks)
      .where(
        and(
          eq(roleLinks.userId, userId),
          eq(roleLinks.entityType, 'organization'),
          eq(roleLinks.entityId, organizationId),
        ),
      )
  ).map((r) => r.roleCode);

const accept = (token: string, password = NEW_PASSWORD, ip = uniqueIp()) =>
  callerAs(rt, null, { ip }).invitations.accept({ token, password });

describe('invite a new person (#17)', () => {
  it('creates a passwordless account, an invited membership and emails a 7-day accept link', async () => {
    const tenant = await createTenant(rt);
    const { member, email, token } = await inviteNew(tenant);
    const now = rt.clock.now().getTime();
    expect(member).toMatchObject({
      email,
      firstName: 'Ina',
      lastName: 'Vitee',
      status: 'invited',
      roles: [],
      profileRoles: [],
      joinedAt: null,
    });
    expect(Date.parse(member.invitationExpiresAt!)).toBe(now + 7 * DAY);
    expect((await userById(rt, member._id)).passwordHash).toBeNull();

    const mail = await latestEmail(rt, email, 'invitation');
    expect(mail.text).toContain(`${rt.config.appUrl}/accept-invitation?token=`);
    expect(mail.text).toContain(tenant.organization.name);
    const [row] = await rt.db.select().from(invitations).where(eq(invitations.userId, member._id));
    expect(row!.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const [event] = await rt.db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, member._id));
    expect(event).toMatchObject({
      action: 'member.invited',
      actorUserId: tenant.admin.id,
      organizationId: tenant.organization.id,
    });
  });

  it('lets the invitee preview, set a password, join as a member and then sign in', async () => {
    const tenant = await createTenant(rt);
    const { member, email, token } = await inviteNew(tenant);
    const preview = await callerAs(rt, null).invitations.preview({ token });
    expect(preview).toMatchObject({
      organizationName: tenant.organization.name,
      email,
      firstName: 'Ina',
      needsPassword: true,
    });

    const accepted = await accept(token);
    expect(accepted).toEqual({
      organizationId: tenant.organization.id,
      organizationName: tenant.organization.name,
      email,
    });
    const row = await memberRow(tenant.organization.id, member._id);
    expect(row).toMatchObject({ status: 'active' });
    expect(row!.joinedAt?.getTime()).toBe(rt.clock.now().getTime());
    expect(await orgRoles(tenant.organization.id, member._id)).toEqual(['default.organization.member']);
    expect((await userById(rt, member._id)).passwordChangeRequired).toBe(false);
    expect(await rt.db.select().from(invitations).where(eq(invitations.userId, member._id))).toEqual([]);
    const [joined] = await rt.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectUserId, member._id), eq(auditEvents.action, 'member.joined')));
    expect(joined).toMatchObject({ actorUserId: member._id, organizationId: tenant.organization.id });

    const tokens = await apiTokens(rt, { email, secret: NEW_PASSWORD }, uniqueIp());
    expect(tokens.accessToken).toBeTruthy();
  });

  it('refuses the same link a second time with 404 INVITATION_INVALID', async () => {
    const tenant = await createTenant(rt);
    const { token } = await inviteNew(tenant);
    await accept(token);
    await expectRefused(accept(token), 'INVITATION_INVALID', 404);
    await expectRefused(callerAs(rt, null).invitations.preview({ token }), 'INVITATION_INVALID', 404);
  });

  it('refuses an unknown token with 404 INVITATION_INVALID', async () => {
    await expectRefused(accept('not-a-token-anyone-was-sent'), 'INVITATION_INVALID', 404);
  });

  it('refuses a weak password with 400 PASSWORD_POLICY and leaves the link usable', async () => {
    const tenant = await createTenant(rt);
    const { token, member } = await inviteNew(tenant);
    const error = await expectRefused(accept(token, 'password'), 'PASSWORD_POLICY', 400);
    expect(error.errors?.[0]?.path).toBe('password');
    expect((await memberRow(tenant.organization.id, member._id))!.status).toBe('invited');
    await accept(token);
  });

  it('accepts a link just before 7 days and refuses it after 7 days with 404', async () => {
    const tenant = await createTenant(rt);
    const early = await inviteNew(tenant);
    const late = await inviteNew(tenant);
    rt.clock.advance(7 * DAY - MINUTE);
    await accept(early.token);
    rt.clock.advance(2 * MINUTE);
    await expectRefused(callerAs(rt, null).invitations.preview({ token: late.token }), 'INVITATION_INVALID');
    await expectRefused(accept(late.token), 'INVITATION_INVALID', 404);
    expect((await memberRow(tenant.organization.id, late.member._id))!.status).toBe('invited');
  });

  it('refuses an invitation to an archived organization with 404 INVITATION_INVALID', async () => {
    const tenant = await createTenant(rt);
    const { token, member } = await inviteNew(tenant);
    await rt.db
      .update(organizations)
      .set({ status: 'archive' })
      .where(eq(organizations.id, tenant.organization.id));
    await expectRefused(callerAs(rt, null).invitations.preview({ token }), 'INVITATION_INVALID', 404);
    await expectRefused(accept(token), 'INVITATION_INVALID', 404);
    expect((await memberRow(tenant.organization.id, member._id))!.status).toBe('invited');
  });

  it('lets exactly one of several concurrent acceptances of one link win', async () => {
    const first = await createTenant(rt);
    const second = await createTenant(rt);
    const email = uniqueEmail('racer');
    const one = await inviteNew(first, email);
    const two = await inviteNew(second, email);
    const race = (token: string) =>
      Promise.allSettled(
        Array.from({ length: 4 }, () =>
          acceptInvitation({ rt, meta: testMeta({ ip: uniqueIp() }) }, { token, password: NEW_PASSWORD }),
        ),
      );
    // First while choosing a password, then (for the second organization) proving it: in the
    // second case nothing but the spent token stops a repeat.
    for (const [results, organizationId] of [
      [await race(one.token), first.organization.id],
      [await race(two.token), second.organization.id],
    ] as const) {
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r) => r.status === 'rejected'))
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'INVITATION_INVALID' });
      const joined = await rt.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, 'member.joined')));
      expect(joined).toHaveLength(1);
    }
  });

  it('creates one account when two organizations invite the same new email at once', async () => {
    const first = await createTenant(rt);
    const second = await createTenant(rt);
    const email = uniqueEmail('twice');
    const invite = (tenant: typeof first) =>
      callerAs(rt, tenant.adminCtx).organizationUsers.invite({
        organizationId: tenant.organization.id,
        email,
        firstName: 'Twice',
        lastName: 'Invited',
      });
    const [a, b] = await Promise.all([invite(first), invite(second)]);
    expect(a._id).toBe(b._id);
    expect(await emailsTo(rt, email, 'invitation')).toHaveLength(2);
  });

  it('refuses a plain member with 403 FORBIDDEN and a foreign organization with 404', async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    const body = { email: uniqueEmail(), firstName: 'No', lastName: 'Way' };
    await expectRefused(
      callerAs(rt, tenant.memberCtx).organizationUsers.invite({
        organizationId: tenant.organization.id,
        ...body,
      }),
      'FORBIDDEN',
      403,
    );
    await expectRefused(
      callerAs(rt, tenant.adminCtx).organizationUsers.invite({
        organizationId: other.organization.id,
        ...body,
      }),
      'ORGANIZATION_NOT_FOUND',
      404,
    );
    expect(await emailsTo(rt, body.email)).toEqual([]);
  });
});

describe('invite someone who already has an account (#17)', () => {
  it('adds them as an active member at once and notifies them, with no link to follow', async () => {
    const tenant = await createTenant(rt);
    const person = await createUser(rt);
    const member = await callerAs(rt, tenant.adminCtx).organizationUsers.invite({
      organizationId: tenant.organization.id,
      email: person.email.toUpperCase(),
      firstName: 'Ignored',
      lastName: 'Names',
    });
    expect(member).toMatchObject({
      _id: person.id,
      status: 'active',
      firstName: 'Test',
      roles: ['default.organization.member'],
      invitationExpiresAt: null,
    });
    expect(member.joinedAt).not.toBeNull();
    const mail = await latestEmail(rt, person.email, 'organization-added');
    expect(mail.text).toContain(tenant.organization.name);
    expect(mail.text).not.toContain('token=');
    expect(await emailsTo(rt, person.email, 'invitation')).toEqual([]);
    expect(await rt.db.select().from(invitations).where(eq(invitations.userId, person.id))).toEqual([]);
    const [event] = await rt.db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, person.id));
    expect(event).toMatchObject({ action: 'member.added', organizationId: tenant.organization.id });
  });

  it('refuses someone already active or already invited with 409 ALREADY_MEMBER', async () => {
    const tenant = await createTenant(rt);
    const { email } = await inviteNew(tenant);
    const invite = (address: string) =>
      callerAs(rt, tenant.adminCtx).organizationUsers.invite({
        organizationId: tenant.organization.id,
        email: address,
        firstName: 'A',
        lastName: 'B',
      });
    await expectRefused(invite(email), 'ALREADY_MEMBER', 409);
    await expectRefused(invite(tenant.member.email), 'ALREADY_MEMBER', 409);
    expect(await emailsTo(rt, email, 'invitation')).toHaveLength(1);
  });

  it('makes a person invited twice before accepting prove the password chosen at the first acceptance', async () => {
    const first = await createTenant(rt);
    const second = await createTenant(rt);
    const email = uniqueEmail('two-orgs');
    const one = await inviteNew(first, email);
    const two = await inviteNew(second, email);
    expect(two.member.status).toBe('invited');
    await accept(one.token, NEW_PASSWORD);

    const preview = await callerAs(rt, null).invitations.preview({ token: two.token });
    expect(preview.needsPassword).toBe(false);
    const ip = uniqueIp();
    const wrong = await expectRefused(
      accept(two.token, 'some other long passphrase', ip),
      'INVALID_CREDENTIALS',
      401,
    );
    expect(wrong.errors).toEqual([{ path: 'password', message: 'is wrong' }]);
    expect((await memberRow(second.organization.id, two.member._id))!.status).toBe('invited');

    await accept(two.token, NEW_PASSWORD, ip);
    expect((await memberRow(second.organization.id, two.member._id))!.status).toBe('active');
    await apiTokens(rt, { email, secret: NEW_PASSWORD }, uniqueIp());
  });

  it('counts wrong passwords at acceptance against the login limits (429 after repeated failures)', async () => {
    const first = await createTenant(rt);
    const second = await createTenant(rt);
    const email = uniqueEmail('guessed');
    const one = await inviteNew(first, email);
    const two = await inviteNew(second, email);
    await accept(one.token, NEW_PASSWORD);
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++)
      await expectRefused(accept(two.token, `wrong guess number ${i}!`, ip), 'INVALID_CREDENTIALS');
    await expectRefused(accept(two.token, NEW_PASSWORD, ip), 'RATE_LIMITED', 429);
    rt.clock.advance(16 * MINUTE);
    await accept(two.token, NEW_PASSWORD, ip);
  });
});

describe('resend an invitation (#18)', () => {
  it('emails a new link with a new 7-day term, and the old link stops working', async () => {
    const tenant = await createTenant(rt);
    const { member, email, token: oldToken } = await inviteNew(tenant);
    rt.clock.advance(3 * DAY);
    const resent = await callerAs(rt, tenant.adminCtx).organizationUsers.resendInvitation({
      organizationId: tenant.organization.id,
      userId: member._id,
    });
    expect(Date.parse(resent.invitationExpiresAt!)).toBe(rt.clock.now().getTime() + 7 * DAY);
    const newToken = await invitationToken(rt, email);
    expect(newToken).not.toBe(oldToken);
    expect(await emailsTo(rt, email, 'invitation')).toHaveLength(2);
    await expectRefused(accept(oldToken), 'INVITATION_INVALID', 404);
    rt.clock.advance(5 * DAY);
    await accept(newToken);
    const actions = (
      await rt.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.subjectUserId, member._id))
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['member.invited', 'member.invitation.resent', 'member.joined']),
    );
  });

  it('refuses an active member with 409 NOT_INVITED and a non-member with 404 MEMBER_NOT_FOUND', async () => {
    const tenant = await createTenant(rt);
    const stranger = await createUser(rt);
    const resend = (userId: string) =>
      callerAs(rt, tenant.adminCtx).organizationUsers.resendInvitation({
        organizationId: tenant.organization.id,
        userId,
      });
    await expectRefused(resend(tenant.member.id), 'NOT_INVITED', 409);
    await expectRefused(resend(stranger.id), 'MEMBER_NOT_FOUND', 404);
  });

  it('refuses a plain member with 403 FORBIDDEN', async () => {
    const tenant = await createTenant(rt);
    const { member } = await inviteNew(tenant);
    await expectRefused(
      callerAs(rt, tenant.memberCtx).organizationUsers.resendInvitation({
        organizationId: tenant.organization.id,
        userId: member._id,
      }),
      'FORBIDDEN',
      403,
    );
  });
});
