import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { sessions, users } from '@/db/schema';
import { MINUTE } from '@/server/core/clock';
import { activateTfaMethod } from '@/server/modules/auth/services/activate-tfa-method';
import { createTfaMethod } from '@/server/modules/auth/services/create-tfa-method';
import { login } from '@/server/modules/auth/services/login';
import {
  contextOf,
  createUser,
  signedIn,
  testMeta,
  testRuntime,
  uniqueEmail,
  userById,
} from '../helpers/runtime';

const rt = testRuntime();

const ctx = (ip = '198.51.100.1') => contextOf(rt, testMeta({ ip }));

describe('login', () => {
  it('returns a token pair and the user for the right password', async () => {
    const user = await createUser(rt);
    const result = await login(ctx(), { email: user.email.toUpperCase(), secret: user.password }, 'api');
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.tokens?.accessToken).toMatch(/^ey/);
    expect(result.user.email).toBe(user.email);
  });

  it('fails with INVALID_CREDENTIALS for a wrong password and for an unknown email alike', async () => {
    const user = await createUser(rt);
    await expect(
      login(ctx(), { email: user.email, secret: 'wrong password!!' }, 'api'),
    ).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    await expect(
      login(ctx(), { email: uniqueEmail('nobody'), secret: 'wrong password!!' }, 'api'),
    ).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('asks for TFA after the secret, refuses a wrong code and a replayed one', async () => {
    const user = await createUser(rt);
    const actorCtx = await signedIn(rt, user.id);
    const created = await createTfaMethod(actorCtx, { password: user.password, type: 'totp' });
    const epoch = () => Math.floor(rt.clock.now().getTime() / 1000);
    await activateTfaMethod(actorCtx, {
      tfaCode: await generate({ secret: created.secret, epoch: epoch() }),
    });

    await expect(login(ctx(), { email: user.email, secret: user.password }, 'api')).rejects.toMatchObject({
      code: 'TFA_REQUIRED',
    });
    await expect(
      login(ctx(), { email: user.email, secret: 'wrong password!!', tfaCode: '000000' }, 'api'),
    ).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    rt.clock.advance(MINUTE);
    const code = await generate({ secret: created.secret, epoch: epoch() });
    const wrong = code === '123456' ? '654321' : '123456';
    await expect(
      login(ctx(), { email: user.email, secret: user.password, tfaCode: wrong }, 'api'),
    ).rejects.toMatchObject({
      code: 'TFA_INVALID',
    });
    const ok = await login(ctx(), { email: user.email, secret: user.password, tfaCode: code }, 'api');
    expect(ok.kind).toBe('ok');
    await expect(
      login(ctx(), { email: user.email, secret: user.password, tfaCode: code }, 'api'),
    ).rejects.toMatchObject({
      code: 'TFA_INVALID',
    });
  });

  it('refuses a disabled user with INVALID_CREDENTIALS even for the right password', async () => {
    const user = await createUser(rt);
    await rt.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    await expect(login(ctx(), { email: user.email, secret: user.password }, 'api')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('starts a browser session without API tokens and records the last login', async () => {
    const user = await createUser(rt);
    const result = await login(ctx(), { email: user.email, secret: user.password }, 'browser');
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.tokens).toBeUndefined();
    expect(result.user.lastLoginAt).toBe(rt.clock.now().toISOString());
    const [session] = await rt.db.select().from(sessions).where(eq(sessions.id, result.sessionId));
    expect(session).toMatchObject({
      userId: user.id,
      channel: 'browser',
      restricted: false,
      revokedAt: null,
    });
    expect((await userById(rt, user.id)).lastLoginAt?.toISOString()).toBe(rt.clock.now().toISOString());
  });

  it('never returns the password hash with the user', async () => {
    const user = await createUser(rt);
    const result = await login(ctx(), { email: user.email, secret: user.password }, 'api');
    expect(JSON.stringify(result)).not.toContain('$argon2');
  });
});
