import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '@/db/schema';
import {
  authenticateAccessToken,
  loadSessionPrincipal,
} from '@/server/modules/auth/services/authenticate-session';
import { changePassword } from '@/server/modules/auth/services/change-password';
import { login } from '@/server/modules/auth/services/login';
import { apiLogin, apiTokens, emailsTo, uniqueIp } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, signedIn, testMeta, testRuntime, userById } from '../helpers/runtime';

const rt = testRuntime();

const NEW_PASSWORD = 'a brand new passphrase 2026';

async function userWithSession() {
  const user = await createUser(rt);
  const ctx = { ...(await signedIn(rt, user.id)), meta: testMeta({ ip: uniqueIp() }) };
  return { user, ctx };
}

describe('changing the password', () => {
  it('refuses a wrong old password with INVALID_CREDENTIALS and keeps the old hash', async () => {
    const { user, ctx } = await userWithSession();
    const before = (await userById(rt, user.id)).passwordHash;
    await expectRefused(
      changePassword(ctx, { oldPassword: 'not my password', password: NEW_PASSWORD }),
      'INVALID_CREDENTIALS',
    );
    expect((await userById(rt, user.id)).passwordHash).toBe(before);
  });

  it('refuses a password against the policy with PASSWORD_POLICY on the password field', async () => {
    const { user, ctx } = await userWithSession();
    const short = await expectRefused(
      changePassword(ctx, { oldPassword: user.password, password: 'xK3#pQ9z' }),
      'PASSWORD_POLICY',
    );
    expect(short.errors).toEqual([{ path: 'password', message: 'must be at least 12 characters' }]);
    const common = await expectRefused(
      changePassword(ctx, { oldPassword: user.password, password: 'qwerty123456' }),
      'PASSWORD_POLICY',
    );
    expect(common.errors).toEqual([{ path: 'password', message: 'is one of the most common passwords' }]);
    const email = await expectRefused(
      changePassword(ctx, { oldPassword: user.password, password: user.email }),
      'PASSWORD_POLICY',
    );
    expect(email.errors).toEqual([{ path: 'password', message: 'must not be your email' }]);
    expect((await apiLogin(rt, { email: user.email, secret: user.password })).kind).toBe('ok');
  });

  it('refuses the old password as the new one', async () => {
    const { user, ctx } = await userWithSession();
    const error = await expectRefused(
      changePassword(ctx, { oldPassword: user.password, password: user.password }),
      'PASSWORD_POLICY',
    );
    expect(error.errors).toEqual([{ path: 'password', message: 'must differ from the old password' }]);
  });

  it('changes the password, revokes the other sessions and keeps the current one', async () => {
    const user = await createUser(rt);
    const current = await apiTokens(rt, { email: user.email, secret: user.password });
    const other = await apiTokens(rt, { email: user.email, secret: user.password });
    const browser = await signedIn(rt, user.id, 'browser');
    const actor = await authenticateAccessToken(rt, current.accessToken);

    await changePassword(
      { ...contextOf(rt, testMeta({ ip: uniqueIp() })), principal: actor },
      { oldPassword: user.password, password: NEW_PASSWORD },
    );

    expect((await authenticateAccessToken(rt, current.accessToken)).session.id).toBe(current.sessionId);
    await expectRefused(authenticateAccessToken(rt, other.accessToken), 'INVALID_TOKEN');
    expect(await loadSessionPrincipal(rt, browser.principal.session.id)).toBeNull();
    const [revoked] = await rt.db.select().from(sessions).where(eq(sessions.id, other.sessionId));
    expect(revoked!.revokedReason).toBe('password-changed');

    await expectRefused(apiLogin(rt, { email: user.email, secret: user.password }), 'INVALID_CREDENTIALS');
    expect((await apiLogin(rt, { email: user.email, secret: NEW_PASSWORD })).kind).toBe('ok');
    const row = await userById(rt, user.id);
    expect(row.passwordChangedAt?.getTime()).toBe(rt.clock.now().getTime());
  });

  it('puts a security email in the outbox', async () => {
    const { user, ctx } = await userWithSession();
    await changePassword(ctx, { oldPassword: user.password, password: NEW_PASSWORD });
    const mails = await emailsTo(rt, user.email, 'security-password');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ status: 'pending', subject: 'Your Provena password was changed' });
    expect(mails[0]!.text).toContain('was changed');
  });

  it('sends no email and changes nothing when the change is refused', async () => {
    const { user, ctx } = await userWithSession();
    await expectRefused(
      changePassword(ctx, { oldPassword: user.password, password: 'short' }),
      'PASSWORD_POLICY',
    );
    expect(await emailsTo(rt, user.email)).toHaveLength(0);
    expect(await loadSessionPrincipal(rt, ctx.principal.session.id)).not.toBeNull();
  });
});

describe('forced password change', () => {
  it('lets a restricted API session change the password, then ends it so the user signs in again', async () => {
    const user = await createUser(rt, { passwordChangeRequired: true });
    const result = await apiLogin(rt, { email: user.email, secret: user.password });
    expect(result.kind).toBe('password_change_required');
    if (result.kind !== 'password_change_required') return;
    expect(result).not.toHaveProperty('tokens');

    const actor = await authenticateAccessToken(rt, result.restrictedToken);
    expect(actor.session.restricted).toBe(true);
    await changePassword(
      { ...contextOf(rt, testMeta({ ip: uniqueIp() })), principal: actor },
      { oldPassword: user.password, password: NEW_PASSWORD },
    );

    await expectRefused(authenticateAccessToken(rt, result.restrictedToken), 'INVALID_TOKEN');
    expect((await userById(rt, user.id)).passwordChangeRequired).toBe(false);
    const again = await apiLogin(rt, { email: user.email, secret: NEW_PASSWORD });
    expect(again.kind).toBe('ok');
  });

  it('keeps asking for the change at every login until it is done', async () => {
    const user = await createUser(rt, { passwordChangeRequired: true });
    expect((await apiLogin(rt, { email: user.email, secret: user.password })).kind).toBe(
      'password_change_required',
    );
    expect((await apiLogin(rt, { email: user.email, secret: user.password })).kind).toBe(
      'password_change_required',
    );
  });

  it('lets a restricted browser session go on as a full session after the change', async () => {
    const user = await createUser(rt, { passwordChangeRequired: true });
    const result = await login(
      contextOf(rt, testMeta()),
      { email: user.email, secret: user.password },
      'browser',
    );
    expect(result.kind).toBe('password_change_required');
    const actor = (await loadSessionPrincipal(rt, result.sessionId))!;
    expect(actor.session.restricted).toBe(true);
    await changePassword(
      { ...contextOf(rt, testMeta({ ip: uniqueIp() })), principal: actor },
      { oldPassword: user.password, password: NEW_PASSWORD },
    );
    const after = await loadSessionPrincipal(rt, result.sessionId);
    expect(after?.session.restricted).toBe(false);
  });
});
