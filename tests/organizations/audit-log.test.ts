import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, roleLinks } from '@/db/schema';
import { HOUR } from '@/server/core/clock';
import { createTenant } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testMeta, testRuntime, uniqueEmail } from '../helpers/runtime';
import { callerAs } from './support';

const rt = testRuntime();

type Tenant = Awaited<ReturnType<typeof createTenant>>;

/** Three membership events an hour apart: an invitation, a role change, a removal. */
async function history(tenant: Tenant) {
  const admin = callerAs(rt, tenant.adminCtx);
  const start = rt.clock.now();
  const invited = await admin.members.invite({
    organizationId: tenant.organization.id,
    email: uniqueEmail('audited'),
    firstName: 'Au',
    lastName: 'Dit',
  });
  rt.clock.advance(HOUR);
  await admin.members.setRoles({
    organizationId: tenant.organization.id,
    userId: tenant.member.id,
    roleCodes: ['basic.viewer'],
  });
  rt.clock.advance(HOUR);
  await admin.members.cancelInvitation({
    organizationId: tenant.organization.id,
    userId: invited._id,
  });
  rt.clock.advance(HOUR);
  return { start, invited };
}

const list = (tenant: Tenant, filters: Record<string, unknown> = {}) =>
  callerAs(rt, tenant.adminCtx).audit.list({ organizationId: tenant.organization.id, ...filters });

describe("an organization's audit log (#48)", () => {
  it("lists only the organization's own events, newest first, with actor and subject", async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    const { invited } = await history(tenant);
    await history(other);
    const { items, nextCursor } = await list(tenant);
    expect(nextCursor).toBeNull();
    expect(items.map((e) => e.action)).toEqual([
      'member.invitation.cancelled',
      'member.roles.changed',
      'member.invited',
    ]);
    expect(items.every((e) => e.organizationId === tenant.organization.id)).toBe(true);
    expect(items[2]).toMatchObject({
      actor: { _id: tenant.admin.id, email: tenant.admin.email },
      subject: { _id: invited._id, email: invited.email },
      targetType: 'user',
      targetId: invited._id,
    });
    expect(items[1]!.data).toEqual({ added: ['basic.viewer'], removed: [] });
    expect(Object.keys(items[0]!)).not.toContain('ip');
  });

  it('filters by exact action, by group ("member") or prefix ("member." or "member.*"), by user and by time', async () => {
    const tenant = await createTenant(rt);
    const { start, invited } = await history(tenant);
    const actions = async (filters: Record<string, unknown>) =>
      (await list(tenant, filters)).items.map((e) => e.action);
    expect(await actions({ action: 'member.invited' })).toEqual(['member.invited']);
    expect(await actions({ action: 'member' })).toHaveLength(3);
    expect(await actions({ action: 'member.invitation.' })).toEqual(['member.invitation.cancelled']);
    expect(await actions({ action: 'member.*' })).toHaveLength(3);
    expect(await actions({ userId: tenant.member.id })).toEqual(['member.roles.changed']);
    expect(await actions({ userId: invited._id })).toEqual(['member.invitation.cancelled', 'member.invited']);
    expect(await actions({ userId: tenant.admin.id })).toHaveLength(3);
    const at = (hours: number) => new Date(start.getTime() + hours * HOUR).toISOString();
    expect(await actions({ from: at(1) })).toEqual(['member.invitation.cancelled', 'member.roles.changed']);
    expect(await actions({ to: at(1) })).toEqual(['member.roles.changed', 'member.invited']);
    expect(await actions({ from: at(0.5), to: at(1.5) })).toEqual(['member.roles.changed']);
  });

  it('pages with limit and cursor through events that share a millisecond, without repeats or gaps', async () => {
    const tenant = await createTenant(rt);
    // Stored to the microsecond, as PostgreSQL's own now() would write them.
    const stamps = ['.100001', '.100002', '.100002', '.100900', '.101000'];
    for (const [i, fraction] of stamps.entries()) {
      await rt.db.insert(auditEvents).values({
        action: `member.test.${i}`,
        organizationId: tenant.organization.id,
        at: sql`${`2026-03-01T12:00:00${fraction}Z`}::timestamptz`,
      });
    }
    const all = (await list(tenant)).items.map((e) => e._id);
    expect(all).toHaveLength(5);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(tenant, { limit: 2, cursor });
      seen.push(...page.items.map((e) => e._id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    await expectRefused(list(tenant, { cursor: 'nonsense' }), 'VALIDATION_FAILED', 400);
    const forged = Buffer.from(JSON.stringify(["2026-01-01'; drop table users; --", 'x'])).toString(
      'base64url',
    );
    await expectRefused(list(tenant, { cursor: forged }), 'VALIDATION_FAILED', 400);
  });

  it('shows an admin-console change to the tenant as by "Provena staff", the email nowhere; staff see the person', async () => {
    const tenant = await createTenant(rt);
    const staff = await createUser(rt, {
      email: uniqueEmail('staff.person'),
      platformRoles: ['platform.admin'],
    });
    const staffCaller = callerAs(rt, await signedIn(rt, staff.id));
    await staffCaller.admin.organizations.update({ _id: tenant.organization.id, name: 'Renamed by staff' });
    const tenantView = await list(tenant);
    expect(tenantView.items[0]).toMatchObject({
      action: 'organization.updated',
      actor: { staff: true, name: 'Provena staff' },
    });
    expect(JSON.stringify(tenantView)).not.toContain(staff.email);
    expect(JSON.stringify(tenantView)).not.toContain(staff.id);
    const consoleView = await staffCaller.admin.audit.list({ organizationId: tenant.organization.id });
    expect(consoleView.items[0]!.actor).toEqual({ _id: staff.id, email: staff.email });
  });

  it('keeps what the actor was when acting: staff stay "Provena staff" after losing the role, a member made staff later keeps their name', async () => {
    const tenant = await createTenant(rt);
    const staff = await createUser(rt, { platformRoles: ['platform.admin'] });
    const staffCaller = callerAs(rt, await signedIn(rt, staff.id));
    await staffCaller.admin.organizations.update({ _id: tenant.organization.id, name: 'Renamed by staff' });
    await rt.db.delete(roleLinks).where(eq(roleLinks.userId, staff.id));
    await callerAs(rt, tenant.adminCtx).members.setRoles({
      organizationId: tenant.organization.id,
      userId: tenant.member.id,
      roleCodes: ['basic.editor'],
    });
    await rt.db
      .insert(roleLinks)
      .values({ userId: tenant.admin.id, roleCode: 'platform.support', entityType: 'platform' });
    const { items } = await list(tenant);
    const actorOf = (action: string) => items.find((e) => e.action === action)!.actor;
    expect(actorOf('organization.updated')).toEqual({ staff: true, name: 'Provena staff' });
    expect(actorOf('member.roles.changed')).toEqual({ _id: tenant.admin.id, email: tenant.admin.email });
  });

  it('refuses a member without audit.read with 403 and a foreign organization with 404', async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    await expectRefused(
      callerAs(rt, tenant.memberCtx).audit.list({ organizationId: tenant.organization.id }),
      'FORBIDDEN',
      403,
    );
    await expectRefused(
      callerAs(rt, tenant.adminCtx).audit.list({ organizationId: other.organization.id }),
      'ORGANIZATION_NOT_FOUND',
      404,
    );
  });
});

describe('the admin console audit log', () => {
  it('lists events across organizations with ip and request id, and filters by organization', async () => {
    const first = await createTenant(rt);
    const second = await createTenant(rt);
    await history(first);
    await callerAs(rt, second.adminCtx, { requestId: 'req-admin-audit' }).members.setRoles({
      organizationId: second.organization.id,
      userId: second.member.id,
      roleCodes: ['basic.editor'],
    });
    const admin = callerAs(
      rt,
      await signedIn(rt, (await createUser(rt, { platformRoles: ['platform.admin'] })).id),
    );
    const everything = await admin.admin.audit.list({ action: 'member.roles.changed', limit: 200 });
    const orgs = new Set(everything.items.map((e) => e.organizationId));
    expect(orgs).toContain(first.organization.id);
    expect(orgs).toContain(second.organization.id);
    const { items } = await admin.admin.audit.list({ organizationId: second.organization.id });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      action: 'member.roles.changed',
      organizationName: second.organization.name,
      ip: testMeta().ip,
      requestId: 'req-admin-audit',
    });
    const mine = await admin.admin.audit.list({ userId: first.admin.id, action: 'member.*' });
    expect(mine.items).toHaveLength(3);
  });
});

describe("an organization's audit log: total and sort (issue 9)", () => {
  it('counts the matches of the filters, in this organization only', async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    await history(tenant);
    await history(other);
    expect(await list(tenant, { limit: 1 })).toMatchObject({ total: 3, totalIsEstimate: false });
    expect((await list(tenant, { action: 'member.invited' })).total).toBe(1);
    expect((await list(tenant, { action: 'member.' })).total).toBe(3);
  });

  it('sorts oldest first or by action on asking, and pages by cursor and offset in that order', async () => {
    const tenant = await createTenant(rt);
    await history(tenant);
    const oldest = await list(tenant, { sort: { field: 'at', direction: 'asc' }, limit: 2 });
    expect(oldest.items.map((e) => e.action)).toEqual(['member.invited', 'member.roles.changed']);
    const rest = await list(tenant, { sort: { field: 'at', direction: 'asc' }, cursor: oldest.nextCursor! });
    expect(rest.items.map((e) => e.action)).toEqual(['member.invitation.cancelled']);
    const byAction = await list(tenant, { sort: { field: 'action', direction: 'asc' }, limit: 2, offset: 1 });
    expect(byAction.items.map((e) => e.action)).toEqual(['member.invited', 'member.roles.changed']);
    expect(byAction.total).toBe(3);
  });

  it('refuses a sort field outside the set with 400, and another tenant’s administrator still finds no such organization (404)', async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    const bad = await expectRefused(
      list(tenant, { sort: { field: 'ip', direction: 'asc' } } as never),
      'VALIDATION_FAILED',
    );
    expect(bad.status).toBe(400);
    const foreign = callerAs(rt, other.adminCtx).audit.list({
      organizationId: tenant.organization.id,
      sort: { field: 'at', direction: 'asc' },
    });
    const refusal = await expectRefused(foreign, 'ORGANIZATION_NOT_FOUND');
    expect(refusal.status).toBe(404);
  });
});
