import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, invitations, organizations, roleLinks } from '@/db/schema';
import { DAY, MINUTE } from '@/server/core/clock';
import { acceptInvitation } from '@/server/modules/members/services/accept-invitation';
import { apiTokens, uniqueIp } from '../helpers/identity';
import { createTenant } from '../helpers/organizations';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import { contextOf, testMeta, testRuntime, uniqueEmail, userById } from '../helpers/runtime';
import { failHashingInsideTransactions } from '../helpers/transactions';
import { callerAs, inviteNew, memberRow } from './support';

const rt = testRuntime();

const NEW_PASSWORD = 'a brand new invitee passphrase';

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
  callerAs(rt, null, { ip }).members.invitations.accept({ token, password });

describe('accept an invitation (public)', () => {
  it('lets the invitee preview, set a password, join as a member and then sign in', async () => {
    const tenant = await createTenant(rt);
    const { member, email, token } = await inviteNew(rt, tenant);
    const preview = await callerAs(rt, null).members.invitations.preview({ token });
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
    const row = await memberRow(rt, tenant.organization.id, member._id);
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

  it('hashes the chosen password (and checks an existing one) before the transaction that joins (#16)', async () => {
    const first = await createTenant(rt);
    const second = await createTenant(rt);
    const email = uniqueEmail('hash-first');
    const one = await inviteNew(rt, first, email);
    const two = await inviteNew(rt, second, email);
    const { slowWork } = failHashingInsideTransactions(rt);
    await accept(one.token);
    await accept(two.token);
    expect(slowWork).toEqual([]);
    expect((await memberRow(rt, second.organization.id, two.member._id))!.status).toBe('active');
    await apiTokens(rt, { email, secret: NEW_PASSWORD }, uniqueIp());
  });

  it('refuses the same link a second time with 404 LINK_INVALID', async () => {
    const tenant = await createTenant(rt);
    const { token } = await inviteNew(rt, tenant);
    await accept(token);
    await expectRefused(accept(token), 'LINK_INVALID', 404);
    await expectRefused(callerAs(rt, null).members.invitations.preview({ token }), 'LINK_INVALID', 404);
  });

  it('answers a dead invitation link exactly as a dead password-reset link: 404 LINK_INVALID', async () => {
    const token = 'a-link-token-nobody-was-mailed';
    const caller = callerAs(rt, null, { ip: uniqueIp() });
    await expectRefused(caller.members.invitations.preview({ token }), 'LINK_INVALID', 404);
    await expectRefused(
      caller.members.invitations.accept({ token, password: NEW_PASSWORD }),
      'LINK_INVALID',
      404,
    );
    await expectRefused(
      caller.auth.completePasswordReset({ token, password: NEW_PASSWORD }),
      'LINK_INVALID',
      404,
    );
  });

  it('refuses an unknown token with 404 LINK_INVALID', async () => {
    await expectRefused(accept('not-a-token-anyone-was-sent'), 'LINK_INVALID', 404);
  });

  it('refuses a weak password with 400 PASSWORD_POLICY and leaves the link usable', async () => {
    const tenant = await createTenant(rt);
    const { token, member } = await inviteNew(rt, tenant);
    const error = await expectRefused(accept(token, 'password'), 'PASSWORD_POLICY', 400);
    expect(error.errors?.[0]?.path).toBe('password');
    expect((await memberRow(rt, tenant.organization.id, member._id))!.status).toBe('invited');
    await accept(token);
  });

  it('accepts a link just before 7 days and refuses it after 7 days with 404', async () => {
    const tenant = await createTenant(rt);
    const early = await inviteNew(rt, tenant);
    const late = await inviteNew(rt, tenant);
    rt.clock.advance(7 * DAY - MINUTE);
    await accept(early.token);
    rt.clock.advance(2 * MINUTE);
    await expectRefused(
      callerAs(rt, null).members.invitations.preview({ token: late.token }),
      'LINK_INVALID',
    );
    await expectRefused(accept(late.token), 'LINK_INVALID', 404);
    expect((await memberRow(rt, tenant.organization.id, late.member._id))!.status).toBe('invited');
  });

  it('refuses an invitation to an archived organization with 404 LINK_INVALID', async () => {
    const tenant = await createTenant(rt);
    const { token, member } = await inviteNew(rt, tenant);
    await rt.db
      .update(organizations)
      .set({ status: 'archive' })
      .where(eq(organizations.id, tenant.organization.id));
    await expectRefused(callerAs(rt, null).members.invitations.preview({ token }), 'LINK_INVALID', 404);
    await expectRefused(accept(token), 'LINK_INVALID', 404);
    expect((await memberRow(rt, tenant.organization.id, member._id))!.status).toBe('invited');
  });

  raceTest('lets exactly one of several concurrent acceptances of one link win', async () => {
    const first = await createTenant(rt);
    const second = await createTenant(rt);
    const email = uniqueEmail('racer');
    const one = await inviteNew(rt, first, email);
    const two = await inviteNew(rt, second, email);
    const race = (token: string) =>
      Promise.allSettled(
        Array.from({ length: 4 }, () =>
          acceptInvitation(contextOf(rt, testMeta({ ip: uniqueIp() })), { token, password: NEW_PASSWORD }),
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
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'LINK_INVALID' });
      const joined = await rt.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, 'member.joined')));
      expect(joined).toHaveLength(1);
    }
  });
});

describe('accept a second invitation with the password of the first', () => {
  it('makes a person invited twice before accepting prove the password chosen at the first acceptance', async () => {
    const first = await createTenant(rt);
    const second = await createTenant(rt);
    const email = uniqueEmail('two-orgs');
    const one = await inviteNew(rt, first, email);
    const two = await inviteNew(rt, second, email);
    expect(two.member.status).toBe('invited');
    await accept(one.token, NEW_PASSWORD);

    const preview = await callerAs(rt, null).members.invitations.preview({ token: two.token });
    expect(preview.needsPassword).toBe(false);
    const ip = uniqueIp();
    const wrong = await expectRefused(
      accept(two.token, 'some other long passphrase', ip),
      'INVALID_CREDENTIALS',
      401,
    );
    expect(wrong.errors).toEqual([{ path: 'password', message: 'is wrong' }]);
    expect((await memberRow(rt, second.organization.id, two.member._id))!.status).toBe('invited');

    await accept(two.token, NEW_PASSWORD, ip);
    expect((await memberRow(rt, second.organization.id, two.member._id))!.status).toBe('active');
    await apiTokens(rt, { email, secret: NEW_PASSWORD }, uniqueIp());
  });

  it('counts wrong passwords at acceptance against the login limits (429 after repeated failures)', async () => {
    const first = await createTenant(rt);
    const second = await createTenant(rt);
    const email = uniqueEmail('guessed');
    const one = await inviteNew(rt, first, email);
    const two = await inviteNew(rt, second, email);
    await accept(one.token, NEW_PASSWORD);
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++)
      await expectRefused(accept(two.token, `wrong guess number ${i}!`, ip), 'INVALID_CREDENTIALS');
    await expectRefused(accept(two.token, NEW_PASSWORD, ip), 'RATE_LIMITED', 429);
    rt.clock.advance(16 * MINUTE);
    await accept(two.token, NEW_PASSWORD, ip);
  });
});
