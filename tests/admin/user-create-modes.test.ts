import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, idempotencyKeys } from '@/db/schema';
import { HOUR } from '@/server/core/clock';
import { authenticateAccessToken } from '@/server/modules/auth/services/authenticate-session';
import { changePassword } from '@/server/modules/auth/services/change-password';
import { completePasswordReset } from '@/server/modules/auth/services/reset-password';
import { expectProblem, startTestServer } from '../helpers/http';
import { apiLogin, auditRows, emailsTo, latestEmail, uniqueIp } from '../helpers/identity';
import { captureLog } from '../helpers/log-capture';
import { createOrganizationRow } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import {
  contextOf,
  createUser,
  STRONG_PASSWORD,
  testMeta,
  testRuntime,
  uniqueEmail,
  userById,
} from '../helpers/runtime';
import { createStaff, messageAt } from './helpers';

/**
 * #25 without a typed password (issue 9): `passwordMode: 'invite'` emails a set-password link,
 * `passwordMode: 'generate'` answers a one-time password once. The seed's body with `password`
 * keeps working as before (tests/rest/seed-admin.test.ts, and below).
 */
const capture = captureLog();
const rt = testRuntime({}, { log: capture.log });
let staff: Awaited<ReturnType<typeof createStaff>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let adminEmail: string;
beforeAll(async () => {
  staff = await createStaff(rt);
  server = await startTestServer(rt);
  adminEmail = (await createUser(rt, { platformRoles: ['platform.admin'] })).email;
});
/** A fresh access token (tests above move the clock past older ones). */
const adminToken = async () =>
  (
    await server.request<{ accessToken: string }>('POST', '/auth/login', {
      body: { email: adminEmail, secret: STRONG_PASSWORD },
      headers: { 'x-forwarded-for': uniqueIp() },
    })
  ).body.accessToken;
afterAll(async () => {
  await server.close();
});

const NEW_PASSWORD = 'my own fresh passphrase 2026';
const tokenIn = (text: string) => {
  const link = /(https?:\/\/\S+)/.exec(text)![1]!;
  expect(link.startsWith(`${rt.config.appUrl}/reset-password?token=`)).toBe(true);
  return new URL(link).searchParams.get('token')!;
};
const resetCtx = () => contextOf(rt, testMeta({ ip: uniqueIp() }));
const createdEvents = (userId: string) => auditRows(rt, { subjectUserId: userId });

describe('admin: create a user with an invitation to set a password', () => {
  it('creates the account without a password and emails a working single-use link', async () => {
    const email = uniqueEmail('invited');
    const organization = await createOrganizationRow(rt);
    const user = await staff.asAdmin.admin.users.create({
      email,
      firstName: 'Ada',
      passwordMode: 'invite',
      roleLinks: [{ roleCode: 'basic.editor', entityType: 'organization', entityId: organization.id }],
    });
    expect(user).toMatchObject({ email, firstName: 'Ada', status: 'active', passwordChangeRequired: false });
    expect(user.oneTimePassword).toBeUndefined();
    expect(Date.parse(user.passwordLinkExpiresAt!)).toBe(rt.clock.now().getTime() + HOUR);
    expect((await userById(rt, user._id)).passwordHash).toBeNull();
    expect(user.memberships).toEqual([
      { organizationId: organization.id, name: organization.name, status: 'active' },
    ]);

    const mail = await latestEmail(rt, email, 'account-created');
    expect(mail.subject).not.toMatch(/https?:/);
    expect(mail.text).toContain('for one hour');
    const token = tokenIn(mail.text);

    // no password yet: nothing signs in
    await expectRefused(
      apiLogin(rt, { email, secret: 'anything at all 123' }, uniqueIp()),
      'INVALID_CREDENTIALS',
    );
    await completePasswordReset(resetCtx(), { token, password: NEW_PASSWORD });
    const login = await apiLogin(rt, { email, secret: NEW_PASSWORD }, uniqueIp());
    expect(login.kind).toBe('ok');
    // the link worked once
    await expectRefused(
      completePasswordReset(resetCtx(), { token, password: 'another passphrase 77' }),
      'LINK_INVALID',
    );

    const events = await createdEvents(user._id);
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['admin.user.created', 'admin.user.password_link.sent']),
    );
    const created = events.find((e) => e.action === 'admin.user.created')!;
    expect(created).toMatchObject({ actorUserId: staff.admin.id, data: { email, access: 'invitation' } });
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('lets the link expire after an hour, like a reset link', async () => {
    const email = uniqueEmail('late');
    await staff.asAdmin.admin.users.create({ email, passwordMode: 'invite' });
    const token = tokenIn((await latestEmail(rt, email, 'account-created')).text);
    rt.clock.advance(HOUR + 1000);
    await expectRefused(completePasswordReset(resetCtx(), { token, password: NEW_PASSWORD }), 'LINK_INVALID');
  });
});

describe('admin: create a user with a generated one-time password', () => {
  it('answers a strong password once; it signs in once, forced to change it', async () => {
    const email = uniqueEmail('generated');
    const user = await staff.asAdmin.admin.users.create({ email, passwordMode: 'generate' });
    const password = user.oneTimePassword!;
    expect(password).toMatch(/^([a-z2-9]{4}-){4}[a-z2-9]{4}$/);
    expect(user.passwordChangeRequired).toBe(true);
    expect(user.passwordLinkExpiresAt).toBeUndefined();
    // never stored in plain, never repeated
    const row = await userById(rt, user._id);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(password);
    const again = await staff.asAdmin.admin.users.get({ userId: user._id });
    expect(JSON.stringify(again)).not.toContain(password);
    expect(await emailsTo(rt, email)).toHaveLength(0);

    const first = await apiLogin(rt, { email, secret: password }, uniqueIp());
    expect(first.kind).toBe('password_change_required');
    if (first.kind !== 'password_change_required') return;
    const actor = await authenticateAccessToken(rt, first.restrictedToken);
    await changePassword(
      { ...contextOf(rt, testMeta({ ip: uniqueIp() })), principal: actor },
      { oldPassword: password, password: NEW_PASSWORD },
    );
    // the one-time password is spent: only the new one signs in
    await expectRefused(apiLogin(rt, { email, secret: password }, uniqueIp()), 'INVALID_CREDENTIALS');
    expect((await apiLogin(rt, { email, secret: NEW_PASSWORD }, uniqueIp())).kind).toBe('ok');

    const events = await createdEvents(user._id);
    expect(events.find((e) => e.action === 'admin.user.created')!.data).toEqual({
      email,
      access: 'one-time-password',
    });
    expect(JSON.stringify(events)).not.toContain(password);
  });

  it('draws a different password each time', async () => {
    const a = await staff.asAdmin.admin.users.create({ email: uniqueEmail(), passwordMode: 'generate' });
    const b = await staff.asAdmin.admin.users.create({ email: uniqueEmail(), passwordMode: 'generate' });
    expect(a.oneTimePassword).not.toBe(b.oneTimePassword);
  });
});

describe('admin: create a user over REST', () => {
  let token: string;
  beforeAll(async () => {
    token = await adminToken();
  });
  const create = (body: unknown, headers: Record<string, string> = {}) =>
    server.request<Record<string, unknown>>('POST', '/admin/users/create', { body, token, headers });

  it('keeps the seed body (a typed temporary password) working as before, audited without it', async () => {
    const email = uniqueEmail('seed');
    const res = await create({
      email,
      firstName: 'First',
      lastName: 'Last',
      password: 'temporary-password',
      roleLinks: [],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, passwordChangeRequired: true, roleLinks: [] });
    expect(res.body).not.toHaveProperty('oneTimePassword');
    expect(res.body).not.toHaveProperty('passwordLinkExpiresAt');
    expect((await apiLogin(rt, { email, secret: 'temporary-password' }, uniqueIp())).kind).toBe(
      'password_change_required',
    );
    const events = await createdEvents(res.body._id as string);
    expect(events.find((e) => e.action === 'admin.user.created')!.data).toEqual({
      email,
      access: 'temporary-password',
    });
  });

  it('refuses a password with a passwordMode, neither of them, or an unknown mode (400)', async () => {
    const both = await create({
      email: uniqueEmail(),
      password: 'temporary-password',
      passwordMode: 'invite',
    });
    expectProblem(both, 400, 'VALIDATION_FAILED');
    expect(messageAt(both.body.errors as never, 'passwordMode')).toBe(
      'must be absent when a password is given',
    );
    const neither = await create({ email: uniqueEmail() });
    expectProblem(neither, 400, 'VALIDATION_FAILED');
    expect(messageAt(neither.body.errors as never, 'password')).toBe(
      'is required unless passwordMode is invite or generate',
    );
    const unknown = await create({ email: uniqueEmail(), passwordMode: 'email' });
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(messageAt(unknown.body.errors as never, 'passwordMode')).toBe('must be invite or generate');
    const notText = await create({ email: uniqueEmail(), passwordMode: true });
    expectProblem(notText, 400, 'VALIDATION_FAILED');
  });

  it('answers the generated password once: no Idempotency-Key keeps it, no log line holds it', async () => {
    const email = uniqueEmail('rest-generated');
    const key = `generate-${email}`;
    const res = await create({ email, passwordMode: 'generate' }, { 'idempotency-key': key });
    expect(res.status).toBe(201);
    const password = res.body.oneTimePassword as string;
    expect(password).toMatch(/^([a-z2-9]{4}-){4}[a-z2-9]{4}$/);
    // the key was ignored, so a repeat is a second creation (refused: the email is taken), not a replay
    const repeat = await create({ email, passwordMode: 'generate' }, { 'idempotency-key': key });
    expectProblem(repeat, 409, 'EMAIL_TAKEN');
    const stored = await rt.db.execute(sql`select body::text as body from ${idempotencyKeys}`);
    expect(JSON.stringify(stored)).not.toContain(password);
    const audit = await rt.db.select().from(auditEvents);
    expect(JSON.stringify(audit)).not.toContain(password);
    expect(capture.text()).not.toContain(password);

    // the seed mode still replays under its key
    const seedKey = `seed-${email}`;
    const body = { email: uniqueEmail('replayed'), password: 'temporary-password' };
    const a = await create(body, { 'idempotency-key': seedKey });
    const b = await create(body, { 'idempotency-key': seedKey });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body._id).toBe(a.body._id);
  });

  it('refuses the new modes to support staff like any creation (403)', async () => {
    await expectRefused(
      staff.asSupport.admin.users.create({ email: uniqueEmail(), passwordMode: 'generate' }),
      'FORBIDDEN',
    );
  });
});
