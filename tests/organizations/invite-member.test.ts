import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, invitations, organizations } from '@/db/schema';
import { DAY } from '@/server/core/clock';
import { sha256 } from '@/server/core/crypto';
import { emailsTo, latestEmail, uniqueIp } from '../helpers/identity';
import { createTenant } from '../helpers/organizations';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testRuntime, uniqueEmail, userById } from '../helpers/runtime';
import { callerAs, invitationToken, inviteNew, linksOf, memberRow } from './support';

const rt = testRuntime();

const accept = (token: string) =>
  callerAs(rt, null, { ip: uniqueIp() }).members.invitations.accept({
    token,
    password: 'a brand new invitee passphrase',
  });

describe('invite a new person (#17)', () => {
  it('creates a passwordless account, an invited membership and emails a 7-day accept link', async () => {
    const tenant = await createTenant(rt);
    const { member, email, token } = await inviteNew(rt, tenant);
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

  raceTest('creates one account when two organizations invite the same new email at once', async () => {
    const first = await createTenant(rt);
    const second = await createTenant(rt);
    const email = uniqueEmail('twice');
    const invite = (tenant: typeof first) =>
      callerAs(rt, tenant.adminCtx).members.invite({
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
      callerAs(rt, tenant.memberCtx).members.invite({
        organizationId: tenant.organization.id,
        ...body,
      }),
      'FORBIDDEN',
      403,
    );
    await expectRefused(
      callerAs(rt, tenant.adminCtx).members.invite({
        organizationId: other.organization.id,
        ...body,
      }),
      'ORGANIZATION_NOT_FOUND',
      404,
    );
    expect(await emailsTo(rt, body.email)).toEqual([]);
  });

  it('refuses a platform admin inviting into an archived organization with 409, and its own admin with 404', async () => {
    const tenant = await createTenant(rt);
    await rt.db
      .update(organizations)
      .set({ status: 'archive' })
      .where(eq(organizations.id, tenant.organization.id));
    const staff = await createUser(rt, { platformRoles: ['platform.admin'] });
    const body = {
      organizationId: tenant.organization.id,
      email: uniqueEmail(),
      firstName: 'Ar',
      lastName: 'Chived',
    };
    await expectRefused(
      callerAs(rt, await signedIn(rt, staff.id)).members.invite(body),
      'ORGANIZATION_ARCHIVED',
      409,
    );
    await expectRefused(callerAs(rt, tenant.adminCtx).members.invite(body), 'ORGANIZATION_NOT_FOUND', 404);
    expect(await emailsTo(rt, body.email)).toEqual([]);
  });
});

describe('invite someone who already has an account (#17)', () => {
  it('invites them pending, with the same answer as for a new email, echoing only what was typed', async () => {
    const tenant = await createTenant(rt);
    const person = await createUser(rt);
    const fresh = uniqueEmail('fresh');
    const invite = (email: string) =>
      callerAs(rt, tenant.adminCtx).members.invite({
        organizationId: tenant.organization.id,
        email,
        firstName: 'Typed',
        lastName: 'Names',
      });
    const existing = await invite(person.email.toUpperCase());
    const created = await invite(fresh);
    const typed = (email: string) => ({
      email,
      firstName: 'Typed',
      lastName: 'Names',
      status: 'invited',
      roles: [],
      profileRoles: [],
      joinedAt: null,
    });
    expect(existing).toMatchObject({ _id: person.id, ...typed(person.email) });
    expect(created).toMatchObject(typed(fresh));
    expect(Object.keys(existing).sort()).toEqual(Object.keys(created).sort());
    expect(existing.invitationExpiresAt).toBe(created.invitationExpiresAt);
    expect(JSON.stringify(existing)).not.toContain(person.firstName);
    // The organization sees the typed names, not the account's, until the person accepts.
    const listed = await callerAs(rt, tenant.adminCtx).members.list({
      organizationId: tenant.organization.id,
    });
    expect(listed.items.find((m) => m._id === person.id)).toMatchObject({
      firstName: 'Typed',
      status: 'invited',
    });
    expect((await memberRow(rt, tenant.organization.id, person.id))!.status).toBe('invited');
    expect(await linksOf(rt, person.id)).toEqual([]);
    const events = await rt.db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, person.id));
    expect(events.map((e) => [e.action, e.data])).toEqual([['member.invited', { email: person.email }]]);
    // The mail says they were invited and carries the link; the link asks for their own password.
    const token = await invitationToken(rt, person.email);
    expect((await callerAs(rt, null).members.invitations.preview({ token })).needsPassword).toBe(false);
    await callerAs(rt, null, { ip: uniqueIp() }).members.invitations.accept({
      token,
      password: person.password,
    });
    expect((await memberRow(rt, tenant.organization.id, person.id))!.status).toBe('active');
    expect((await userById(rt, person.id)).firstName).toBe(person.firstName);
  });

  it('refuses someone already invited with 409 ALREADY_INVITED and someone active with 409 ALREADY_MEMBER', async () => {
    const tenant = await createTenant(rt);
    const { email } = await inviteNew(rt, tenant);
    const invite = (address: string) =>
      callerAs(rt, tenant.adminCtx).members.invite({
        organizationId: tenant.organization.id,
        email: address,
        firstName: 'A',
        lastName: 'B',
      });
    await expectRefused(invite(email), 'ALREADY_INVITED', 409);
    await expectRefused(invite(tenant.member.email), 'ALREADY_MEMBER', 409);
    expect(await emailsTo(rt, email, 'invitation')).toHaveLength(1);
  });
});

describe('resend an invitation (#18)', () => {
  it('emails a new link with a new 7-day term, and the old link stops working', async () => {
    const tenant = await createTenant(rt);
    const { member, email, token: oldToken } = await inviteNew(rt, tenant);
    rt.clock.advance(3 * DAY);
    const resent = await callerAs(rt, tenant.adminCtx).members.resendInvitation({
      organizationId: tenant.organization.id,
      userId: member._id,
    });
    expect(Date.parse(resent.invitationExpiresAt!)).toBe(rt.clock.now().getTime() + 7 * DAY);
    const newToken = await invitationToken(rt, email);
    expect(newToken).not.toBe(oldToken);
    expect(await emailsTo(rt, email, 'invitation')).toHaveLength(2);
    await expectRefused(accept(oldToken), 'LINK_INVALID', 404);
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
      callerAs(rt, tenant.adminCtx).members.resendInvitation({
        organizationId: tenant.organization.id,
        userId,
      });
    await expectRefused(resend(tenant.member.id), 'NOT_INVITED', 409);
    await expectRefused(resend(stranger.id), 'MEMBER_NOT_FOUND', 404);
  });

  it('refuses a plain member with 403 FORBIDDEN', async () => {
    const tenant = await createTenant(rt);
    const { member } = await inviteNew(rt, tenant);
    await expectRefused(
      callerAs(rt, tenant.memberCtx).members.resendInvitation({
        organizationId: tenant.organization.id,
        userId: member._id,
      }),
      'FORBIDDEN',
      403,
    );
  });
});

describe('invitation mail limits', () => {
  it('slows down resends to one person with 429 and Retry-After, and lets them through once the delay has passed', async () => {
    const tenant = await createTenant(rt);
    const { member, email } = await inviteNew(rt, tenant);
    const resend = () =>
      callerAs(rt, tenant.adminCtx).members.resendInvitation({
        organizationId: tenant.organization.id,
        userId: member._id,
      });
    for (let i = 0; i < 5; i++) await resend();
    const refused = await expectRefused(resend(), 'RATE_LIMITED', 429);
    expect(refused.extra).toMatchObject({ retryAfterSeconds: 1 });
    expect(await emailsTo(rt, email, 'invitation')).toHaveLength(6);
    rt.clock.advance(1000);
    await resend();
    expect(await emailsTo(rt, email, 'invitation')).toHaveLength(7);
  });

  it('counts only invitations actually sent: refused attempts never delay invitations to that address', async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    const email = uniqueEmail('target');
    for (let i = 0; i < 8; i++) {
      await expectRefused(
        callerAs(rt, other.adminCtx).members.invite({
          organizationId: tenant.organization.id,
          email,
          firstName: 'T',
          lastName: 'T',
        }),
        'ORGANIZATION_NOT_FOUND',
        404,
      );
    }
    const { member } = await inviteNew(rt, tenant, email);
    expect(member.status).toBe('invited');
  });
});
