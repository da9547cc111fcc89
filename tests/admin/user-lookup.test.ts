import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, auditRows, enableTotp, latestEmail, uniqueIp, uniqueRequestId } from '../helpers/identity';
import { createOrganizationRow } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { createUser, STRONG_PASSWORD, testRuntime } from '../helpers/runtime';
import { callerFor, createStaff } from './helpers';

/** Reading users in the admin console: details, TFA methods, search by email. */
let staff: Awaited<ReturnType<typeof createStaff>>;
const rt = testRuntime();
beforeAll(async () => {
  staff = await createStaff(rt);
});

const loginAs = (email: string, secret: string) => apiLogin(rt, { email, secret }, uniqueIp());

describe('admin: user details and TFA (#30, #33, #34)', () => {
  it('shows role links, TFA methods without secrets, memberships and last sign-in', async () => {
    const user = await createUser(rt);
    expect((await loginAs(user.email, STRONG_PASSWORD)).kind).toBe('ok');
    await enableTotp(rt, user);
    const organization = await createOrganizationRow(rt, { name: 'Detail Org' });
    await staff.asAdmin.admin.users.addRoleLinks({
      userId: user.id,
      roleLinks: [{ roleCode: 'basic.viewer', entityType: 'organization', entityId: organization.id }],
    });
    const detail = await staff.asSupport.admin.users.get({ userId: user.id });
    expect(detail.lastLoginAt).not.toBeNull();
    expect(detail.roleLinks).toMatchObject([{ roleCode: 'basic.viewer', entityName: 'Detail Org' }]);
    expect(detail.memberships).toEqual([
      { organizationId: organization.id, name: 'Detail Org', status: 'active' },
    ]);
    expect(detail.tfaMethods).toHaveLength(1);
    expect(Object.keys(detail.tfaMethods[0]!).sort()).toEqual([
      '_id',
      'activatedAt',
      'createdAt',
      'status',
      'type',
    ]);
    expect(JSON.stringify(detail)).not.toMatch(/secret|hash/i);
  });

  it('lists and removes a TFA method, dropping the recovery codes, mailing the user and recording it', async () => {
    const user = await createUser(rt);
    const { methodId } = await enableTotp(rt, user);
    const listed = await staff.asSupport.admin.users.tfa.list({ userId: user.id });
    expect(listed.items.map((m) => m._id)).toEqual([methodId]);
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    await caller.admin.users.tfa.remove({ userId: user.id, tfaId: methodId });
    expect((await staff.asAdmin.admin.users.tfa.list({ userId: user.id })).items).toEqual([]);
    expect((await loginAs(user.email, STRONG_PASSWORD)).kind).toBe('ok');
    expect((await latestEmail(rt, user.email, 'security-tfa')).subject).toContain('removed');
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({
      action: 'admin.user.tfa.removed',
      targetId: methodId,
      subjectUserId: user.id,
    });
  });

  it("answers 404 TFA_NOT_FOUND for another user's method and leaves it in place", async () => {
    const owner = await createUser(rt);
    const other = await createUser(rt);
    const { methodId } = await enableTotp(rt, owner);
    const refusal = await expectRefused(
      staff.asAdmin.admin.users.tfa.remove({ userId: other.id, tfaId: methodId }),
      'TFA_NOT_FOUND',
    );
    expect(refusal.status).toBe(404);
    expect((await staff.asAdmin.admin.users.tfa.list({ userId: owner.id })).items).toHaveLength(1);
  });

  it('answers 404 USER_NOT_FOUND for an unknown user', async () => {
    const unknown = '0190a4f2-0000-7000-8000-000000000003';
    await expectRefused(staff.asSupport.admin.users.get({ userId: unknown }), 'USER_NOT_FOUND');
    await expectRefused(staff.asSupport.admin.users.tfa.list({ userId: unknown }), 'USER_NOT_FOUND');
  });
});

describe('admin: search users by email (#32)', () => {
  const stamp = Date.now().toString(36);
  const ordered = [`amy@order-${stamp}.example`, `bob@order-${stamp}.example`, `Zed@Order-${stamp}.Example`];
  const literal = [
    `under_score@lit-${stamp}.example`,
    `underXscore@lit-${stamp}.example`,
    `pct%sign@lit-${stamp}.example`,
  ];
  beforeAll(async () => {
    for (const email of [...ordered].reverse()) await createUser(rt, { email });
    for (const email of literal) await createUser(rt, { email });
  });

  it('finds a part of the email in any case, sorted by email', async () => {
    const { items, nextCursor } = await staff.asSupport.admin.users.search({ email: `@ORDER-${stamp}.exa` });
    expect(items.map((u) => u.email)).toEqual(ordered);
    expect(nextCursor).toBeNull();
  });

  it('takes _ and % literally', async () => {
    const underscore = await staff.asSupport.admin.users.search({ email: `under_score@lit-${stamp}` });
    expect(underscore.items.map((u) => u.email)).toEqual([`under_score@lit-${stamp}.example`]);
    const percent = await staff.asSupport.admin.users.search({ email: `%sign@lit-${stamp}` });
    expect(percent.items.map((u) => u.email)).toEqual([`pct%sign@lit-${stamp}.example`]);
    const none = await staff.asSupport.admin.users.search({ email: `%@lit-${stamp}` });
    expect(none.items).toEqual([]);
  });

  it('pages with the cursor without skipping or repeating anyone', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await staff.asSupport.admin.users.search({ email: `-${stamp}.example`, limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.email));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...ordered, ...literal].sort());
  });

  it('lists everyone for an empty email', async () => {
    const { items } = await staff.asSupport.admin.users.search({ email: '', limit: 200 });
    expect(items.map((u) => u._id)).toEqual(expect.arrayContaining([staff.admin.id, staff.plain.id]));
  });

  it('refuses a forged cursor with 400 VALIDATION_FAILED', async () => {
    const cursor = Buffer.from(JSON.stringify(['a', 'not-a-uuid'])).toString('base64url');
    await expectRefused(staff.asSupport.admin.users.search({ email: '', cursor }), 'VALIDATION_FAILED');
  });
});
