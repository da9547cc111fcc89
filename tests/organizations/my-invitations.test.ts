import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationMembers } from '@/db/schema';
import { DAY } from '@/server/core/clock';
import { acceptMyInvitation } from '@/server/modules/members/services/accept-my-invitation';
import { expectProblem, startTestServer } from '../helpers/http';
import { createTenant } from '../helpers/organizations';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testMeta, testRuntime } from '../helpers/runtime';
import { callerAs, eventsOf, linksOf, memberRow } from './support';

let server: Awaited<ReturnType<typeof startTestServer>>;
const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
});
afterAll(async () => {
  await server.close();
});

type Tenant = Awaited<ReturnType<typeof createTenant>>;

/** An account with a password, invited by the tenant's admin and signed in on the dashboard. */
async function invitedAccount(tenant: Tenant, person?: Awaited<ReturnType<typeof createUser>>) {
  const user = person ?? (await createUser(rt));
  await callerAs(rt, tenant.adminCtx).members.invite({
    organizationId: tenant.organization.id,
    email: user.email,
    firstName: 'Dash',
    lastName: 'Board',
  });
  return { user, ctx: await signedIn(rt, user.id, 'browser') };
}

describe("a signed-in user's own invitations (dashboard)", () => {
  it('lists pending invitations with organization, inviter and expiry, and accepts one without a password', async () => {
    const first = await createTenant(rt);
    const second = await createTenant(rt);
    const { user, ctx } = await invitedAccount(first);
    await invitedAccount(second, user);
    const caller = callerAs(rt, ctx);
    const expiresAt = new Date(rt.clock.now().getTime() + 7 * DAY).toISOString();
    const { items } = await caller.members.invitations.listMine();
    expect(items).toEqual([
      {
        organizationId: first.organization.id,
        organizationName: first.organization.name,
        invitedBy: `${first.admin.firstName} ${first.admin.lastName}`,
        expiresAt,
      },
      expect.objectContaining({ organizationId: second.organization.id }),
    ]);

    const joined = await caller.members.invitations.acceptMine({ organizationId: first.organization.id });
    expect(joined).toEqual({
      organizationId: first.organization.id,
      organizationName: first.organization.name,
      email: user.email,
    });
    expect((await memberRow(rt, first.organization.id, user.id))!.status).toBe('active');
    expect(await linksOf(rt, user.id)).toEqual([
      `organization:${first.organization.id}:default.organization.member`,
    ]);
    const [event] = await eventsOf(rt, first.organization.id, 'member.joined');
    expect(event).toMatchObject({ actorUserId: user.id, subjectUserId: user.id, data: { via: 'dashboard' } });
    expect((await caller.members.invitations.listMine()).items.map((i) => i.organizationId)).toEqual([
      second.organization.id,
    ]);
    await expectRefused(
      caller.members.invitations.acceptMine({ organizationId: first.organization.id }),
      'INVITATION_INVALID',
      404,
    );
  });

  it('declines: the invited membership and its invitation go, recorded in the organization', async () => {
    const tenant = await createTenant(rt);
    const { user, ctx } = await invitedAccount(tenant);
    await callerAs(rt, ctx).members.invitations.decline({ organizationId: tenant.organization.id });
    expect(await memberRow(rt, tenant.organization.id, user.id)).toBeUndefined();
    expect((await callerAs(rt, ctx).members.invitations.listMine()).items).toEqual([]);
    const [event] = await eventsOf(rt, tenant.organization.id, 'member.invitation.declined');
    expect(event).toMatchObject({ actorUserId: user.id, subjectUserId: user.id });
    await expectRefused(
      callerAs(rt, ctx).members.invitations.decline({ organizationId: tenant.organization.id }),
      'INVITATION_INVALID',
      404,
    );
  });

  it("treats someone else's invitation as missing (404) and leaves it pending", async () => {
    const tenant = await createTenant(rt);
    const { user } = await invitedAccount(tenant);
    const stranger = await signedIn(rt, (await createUser(rt)).id);
    const input = { organizationId: tenant.organization.id };
    expect((await callerAs(rt, stranger).members.invitations.listMine()).items).toEqual([]);
    await expectRefused(
      callerAs(rt, stranger).members.invitations.acceptMine(input),
      'INVITATION_INVALID',
      404,
    );
    await expectRefused(callerAs(rt, stranger).members.invitations.decline(input), 'INVITATION_INVALID', 404);
    await expectRefused(
      callerAs(rt, tenant.adminCtx).members.invitations.acceptMine(input),
      'INVITATION_INVALID',
      404,
    );
    expect((await memberRow(rt, tenant.organization.id, user.id))!.status).toBe('invited');
  });

  it('neither lists nor accepts an expired invitation', async () => {
    const tenant = await createTenant(rt);
    const { ctx } = await invitedAccount(tenant);
    rt.clock.advance(7 * DAY + 1);
    expect((await callerAs(rt, ctx).members.invitations.listMine()).items).toEqual([]);
    await expectRefused(
      callerAs(rt, ctx).members.invitations.acceptMine({ organizationId: tenant.organization.id }),
      'INVITATION_INVALID',
      404,
    );
  });

  raceTest('makes one membership when the same invitation is accepted twice at once', async () => {
    for (let round = 0; round < 3; round++) {
      const tenant = await createTenant(rt);
      const { user, ctx } = await invitedAccount(tenant);
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () =>
          acceptMyInvitation({ ...ctx, meta: testMeta() }, { organizationId: tenant.organization.id }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r) => r.status === 'rejected'))
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'INVITATION_INVALID' });
      const rows = await rt.db
        .select()
        .from(organizationMembers)
        .where(
          and(
            eq(organizationMembers.organizationId, tenant.organization.id),
            eq(organizationMembers.userId, user.id),
          ),
        );
      expect(rows.map((r) => r.status)).toEqual(['active']);
      expect(await eventsOf(rt, tenant.organization.id, 'member.joined')).toHaveLength(1);
    }
  });
});

describe('own invitations over REST', () => {
  it('lists with GET /invitations/mine, declines with 204, accepts with 200, and a foreign one is a 404 problem', async () => {
    const first = await createTenant(rt);
    const second = await createTenant(rt);
    const { user } = await invitedAccount(first);
    await invitedAccount(second, user);
    const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
      body: { email: user.email, secret: user.password },
    });
    const token = login.body.accessToken;
    const mine = await server.request<{ items: { organizationId: string }[] }>('GET', '/invitations/mine', {
      token,
    });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(2);
    const declined = await server.request('POST', '/invitations/decline', {
      token,
      body: { organizationId: second.organization.id },
    });
    expect(declined.status).toBe(204);
    const accepted = await server.request('POST', '/invitations/accept-mine', {
      token,
      body: { organizationId: first.organization.id },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({
      organizationId: first.organization.id,
      organizationName: first.organization.name,
      email: user.email,
    });
    const again = await server.request('POST', '/invitations/accept-mine', {
      token,
      body: { organizationId: second.organization.id },
    });
    expectProblem(again, 404, 'INVITATION_INVALID');
  });
});
