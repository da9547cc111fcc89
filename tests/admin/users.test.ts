import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginCodes, passwordResets, users } from '@/db/schema';
import { isUniqueViolation } from '@/server/core/query/unique-violation';
import { EMAIL_UNIQUE_INDEX } from '@/server/modules/admin/services/create-user';
import { loadSessionPrincipal } from '@/server/modules/auth/services/authenticate-session';
import { apiLogin, auditRows, latestEmail, uniqueIp, uniqueRequestId } from '../helpers/identity';
import { createOrganizationRow } from '../helpers/organizations';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import {
  createUser,
  STRONG_PASSWORD,
  signedIn,
  testRuntime,
  uniqueEmail,
  userById,
} from '../helpers/runtime';
import { callerFor, createStaff, messageAt } from './helpers';

let staff: Awaited<ReturnType<typeof createStaff>>;
const rt = testRuntime();
beforeAll(async () => {
  staff = await createStaff(rt);
});

const loginAs = (email: string, secret: string) => apiLogin(rt, { email, secret }, uniqueIp());

describe('admin: create a user (#25)', () => {
  it('creates a user whose password is temporary and forces a change at the first sign-in', async () => {
    const email = uniqueEmail('created');
    const user = await staff.asAdmin.admin.users.create({
      email,
      firstName: 'First',
      lastName: 'Last',
      password: 'temporary-password',
      roleLinks: [],
    });
    expect(user).toMatchObject({
      email,
      firstName: 'First',
      lastName: 'Last',
      status: 'active',
      passwordChangeRequired: true,
      roleLinks: [],
      tfaMethods: [],
      memberships: [],
    });
    expect(JSON.stringify(user)).not.toContain('argon2');
    const login = await loginAs(email, 'temporary-password');
    expect(login.kind).toBe('password_change_required');
  });

  it('applies role links at creation, making the user an active member of the organization', async () => {
    const organization = await createOrganizationRow(rt, { name: 'Created With Links' });
    const user = await staff.asAdmin.admin.users.create({
      email: uniqueEmail(),
      password: 'temporary-password',
      roleLinks: [{ roleCode: 'basic.editor', entityType: 'organization', entityId: organization.id }],
    });
    expect(user.roleLinks).toMatchObject([
      { roleCode: 'basic.editor', entityType: 'organization', entityName: 'Created With Links' },
    ]);
    expect(user.memberships).toEqual([
      { organizationId: organization.id, name: 'Created With Links', status: 'active' },
    ]);
  });

  it('records admin.user.created by the admin about the new user', async () => {
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    const user = await caller.admin.users.create({ email: uniqueEmail(), password: 'temporary-password' });
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({
      action: 'admin.user.created',
      actorUserId: staff.admin.id,
      subjectUserId: user._id,
    });
  });

  it('refuses an email already taken in another case with 409 EMAIL_TAKEN', async () => {
    const existing = await createUser(rt, { email: uniqueEmail('taken') });
    const refusal = await expectRefused(
      staff.asAdmin.admin.users.create({
        email: existing.email.toUpperCase(),
        password: 'temporary-password',
      }),
      'EMAIL_TAKEN',
    );
    expect(refusal.status).toBe(409);
  });

  raceTest(
    'creates only one of two users with the same email created at once (409 for the other)',
    async () => {
      const email = uniqueEmail('race');
      const results = await Promise.allSettled([
        staff.asAdmin.admin.users.create({ email, password: 'temporary-password' }),
        staff.asAdmin.admin.users.create({ email: email.toUpperCase(), password: 'temporary-password' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      await expectRefused(Promise.reject(failed.reason), 'EMAIL_TAKEN');
    },
  );

  it('refuses a password against the policy with 400 PASSWORD_POLICY and the reasons', async () => {
    const refusal = await expectRefused(
      staff.asAdmin.admin.users.create({ email: uniqueEmail(), password: 'short' }),
      'PASSWORD_POLICY',
    );
    expect(refusal.status).toBe(400);
    expect(messageAt(refusal.errors, 'password')).toContain('at least 12 characters');
  });

  it('refuses an unknown role code with 400 VALIDATION_FAILED naming the allowed codes', async () => {
    const refusal = await expectRefused(
      staff.asAdmin.admin.users.create({
        email: uniqueEmail(),
        password: 'temporary-password',
        roleLinks: [{ roleCode: 'root' as never, entityType: 'platform' }],
      }),
      'VALIDATION_FAILED',
    );
    const message = messageAt(refusal.errors, 'roleLinks.0.roleCode');
    expect(message).toContain('default.organization.admin');
    expect(message).toContain('sox.producer.admin');
  });
});

describe('admin: update a user (#26)', () => {
  it('changes only the fields sent and records which', async () => {
    const user = await createUser(rt);
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    const updated = await caller.admin.users.update({ _id: user.id, firstName: 'UpdatedFirstName' });
    expect(updated).toMatchObject({ firstName: 'UpdatedFirstName', lastName: 'User', email: user.email });
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({ action: 'admin.user.updated', data: { changed: ['firstName'] } });
  });

  it('changes the email, and refuses one another user holds with 409 EMAIL_TAKEN', async () => {
    const user = await createUser(rt);
    const other = await createUser(rt);
    const email = uniqueEmail('renamed');
    await expect(staff.asAdmin.admin.users.update({ _id: user.id, email })).resolves.toMatchObject({ email });
    await expectRefused(
      staff.asAdmin.admin.users.update({ _id: user.id, email: other.email.toUpperCase() }),
      'EMAIL_TAKEN',
    );
    expect((await userById(rt, user.id)).email).toBe(email);
  });

  it('lets a user keep their own email in another case', async () => {
    const user = await createUser(rt);
    await expect(
      staff.asAdmin.admin.users.update({ _id: user.id, email: user.email.toUpperCase() }),
    ).resolves.toMatchObject({ email: user.email.toUpperCase() });
  });

  raceTest('gives one of two users the same new email at once and 409 EMAIL_TAKEN to the other', async () => {
    const [a, b] = [await createUser(rt), await createUser(rt)];
    const email = uniqueEmail('contested');
    const results = await Promise.allSettled([
      staff.asAdmin.admin.users.update({ _id: a.id, email }),
      staff.asAdmin.admin.users.update({ _id: b.id, email }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    await expectRefused(Promise.reject(failed.reason), 'EMAIL_TAKEN');
  });

  it("recognises this database driver's unique violation of the email index (the race's last line)", async () => {
    const user = await createUser(rt);
    const error = await rt.db
      .insert(users)
      .values({ email: user.email.toUpperCase() })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(error, EMAIL_UNIQUE_INDEX)).toBe(true);
    expect(isUniqueViolation(error, 'role_links_unique_key')).toBe(false);
  });

  it('disables a user: every session ends at once and sign-in is refused', async () => {
    const user = await createUser(rt);
    const session = await signedIn(rt, user.id);
    const updated = await staff.asAdmin.admin.users.update({ _id: user.id, status: 'disabled' });
    expect(updated.status).toBe('disabled');
    expect(await loadSessionPrincipal(rt, session.principal.session.id)).toBeNull();
    const login = await expectRefused(loginAs(user.email, STRONG_PASSWORD), 'INVALID_CREDENTIALS');
    expect(login.status).toBe(401);
    await staff.asAdmin.admin.users.update({ _id: user.id, status: 'active' });
    expect((await loginAs(user.email, STRONG_PASSWORD)).kind).toBe('ok');
  });

  it('refuses a platform admin disabling themselves with 409 CANNOT_DISABLE_SELF', async () => {
    const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
    const caller = await callerFor(rt, admin.id);
    const refusal = await expectRefused(
      caller.admin.users.update({ _id: admin.id, status: 'disabled' }),
      'CANNOT_DISABLE_SELF',
    );
    expect(refusal.status).toBe(409);
    expect((await userById(rt, admin.id)).status).toBe('active');
  });

  it('answers 404 USER_NOT_FOUND for an unknown id', async () => {
    await expectRefused(
      staff.asAdmin.admin.users.update({ _id: '0190a4f2-0000-7000-8000-000000000001', firstName: 'X' }),
      'USER_NOT_FOUND',
    );
  });
});

describe("admin: a user's password and sessions (#29, #31)", () => {
  it('sets a temporary password, ends every session, kills reset links and mails the user', async () => {
    const user = await createUser(rt);
    const session = await signedIn(rt, user.id);
    await rt.db
      .insert(passwordResets)
      .values({ userId: user.id, tokenHash: `h-${user.id}`, expiresAt: rt.clock.now() });
    await rt.db.insert(loginCodes).values({ userId: user.id, codeHmac: 'x', expiresAt: rt.clock.now() });
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    await caller.admin.users.setPassword({ userId: user.id, password: 'new-password' });
    expect(await loadSessionPrincipal(rt, session.principal.session.id)).toBeNull();
    expect((await userById(rt, user.id)).passwordChangeRequired).toBe(true);
    expect(await rt.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id))).toEqual([]);
    expect(await rt.db.select().from(loginCodes).where(eq(loginCodes.userId, user.id))).toEqual([]);
    await expectRefused(loginAs(user.email, STRONG_PASSWORD), 'INVALID_CREDENTIALS');
    expect((await loginAs(user.email, 'new-password')).kind).toBe('password_change_required');
    expect((await latestEmail(rt, user.email, 'security-password')).text).toContain('administrator');
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({ action: 'admin.user.password.set', subjectUserId: user.id });
    expect(JSON.stringify(event)).not.toContain('new-password');
  });

  it('refuses a password against the policy with 400 and keeps the old one', async () => {
    const user = await createUser(rt);
    await expectRefused(
      staff.asAdmin.admin.users.setPassword({ userId: user.id, password: user.email }),
      'PASSWORD_POLICY',
    );
    expect((await loginAs(user.email, STRONG_PASSWORD)).kind).toBe('ok');
  });

  it('revokes every session of the user and records how many', async () => {
    const user = await createUser(rt);
    const sessions = [await signedIn(rt, user.id), await signedIn(rt, user.id, 'browser')];
    const bystander = await signedIn(rt, (await createUser(rt)).id);
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    await caller.admin.users.revokeSessions({ userId: user.id });
    for (const s of sessions) expect(await loadSessionPrincipal(rt, s.principal.session.id)).toBeNull();
    expect(await loadSessionPrincipal(rt, bystander.principal.session.id)).not.toBeNull();
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({ action: 'admin.user.sessions.revoked', data: { sessionsRevoked: 2 } });
  });

  it('answers 404 USER_NOT_FOUND for an unknown user', async () => {
    const unknown = '0190a4f2-0000-7000-8000-000000000002';
    await expectRefused(staff.asAdmin.admin.users.revokeSessions({ userId: unknown }), 'USER_NOT_FOUND');
    await expectRefused(
      staff.asAdmin.admin.users.setPassword({ userId: unknown, password: 'new-password' }),
      'USER_NOT_FOUND',
    );
  });
});
