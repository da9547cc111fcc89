import { describe, expect, it } from 'vitest';
import type { RequestMeta } from '@/server/core/context';
import { activateTfaMethod } from '@/server/modules/auth/services/activate-tfa-method';
import { authenticateAccessToken } from '@/server/modules/auth/services/authenticate-session';
import { changePassword } from '@/server/modules/auth/services/change-password';
import { changeTfaMethod } from '@/server/modules/auth/services/change-tfa-method';
import { createTfaMethod } from '@/server/modules/auth/services/create-tfa-method';
import { login } from '@/server/modules/auth/services/login';
import { logout } from '@/server/modules/auth/services/manage-own-sessions';
import { auditRows, nextTotpStep, totpAt, uniqueIp, uniqueRequestId } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, signedIn, testMeta, testRuntime, uniqueEmail } from '../helpers/runtime';

const rt = testRuntime();

/** A request with its own id, so the events it wrote can be found exactly. */
const request = (): RequestMeta => testMeta({ ip: uniqueIp(), requestId: uniqueRequestId() });

describe('audit events of identity', () => {
  it('records a successful login with the user, channel, IP and request', async () => {
    const user = await createUser(rt);
    const meta = request();
    await login(contextOf(rt, meta), { email: user.email, secret: user.password }, 'api');
    expect(await auditRows(rt, { requestId: meta.requestId })).toMatchObject([
      {
        action: 'auth.login',
        actorUserId: user.id,
        subjectUserId: user.id,
        ip: meta.ip,
        data: { channel: 'api', via: 'password', restricted: false },
      },
    ]);
  });

  it('records a failed login with its reason, also for an unknown email', async () => {
    const user = await createUser(rt);
    const wrong = request();
    await expectRefused(
      login(contextOf(rt, wrong), { email: user.email, secret: 'not the password' }, 'api'),
      'INVALID_CREDENTIALS',
    );
    expect(await auditRows(rt, { requestId: wrong.requestId })).toMatchObject([
      {
        action: 'auth.login.failed',
        actorUserId: null,
        subjectUserId: user.id,
        data: { reason: 'INVALID_CREDENTIALS' },
      },
    ]);

    const unknown = request();
    await expectRefused(
      login(contextOf(rt, unknown), { email: uniqueEmail('ghost'), secret: 'not the password' }, 'browser'),
      'INVALID_CREDENTIALS',
    );
    expect(await auditRows(rt, { requestId: unknown.requestId })).toMatchObject([
      {
        action: 'auth.login.failed',
        subjectUserId: null,
        data: { reason: 'INVALID_CREDENTIALS', channel: 'browser' },
      },
    ]);
  });

  it('records a login missing its TFA code as failed with TFA_REQUIRED', async () => {
    const user = await createUser(rt);
    const ctx = await signedIn(rt, user.id);
    const created = await createTfaMethod(ctx, { password: user.password, type: 'totp' });
    nextTotpStep(rt);
    await activateTfaMethod(ctx, { tfaCode: await totpAt(rt, created.secret) });
    const meta = request();
    await expectRefused(
      login(contextOf(rt, meta), { email: user.email, secret: user.password }, 'api'),
      'TFA_REQUIRED',
    );
    expect(await auditRows(rt, { requestId: meta.requestId })).toMatchObject([
      { action: 'auth.login.failed', subjectUserId: user.id, data: { reason: 'TFA_REQUIRED' } },
    ]);
  });

  it('records a logout', async () => {
    const user = await createUser(rt);
    const ctx = await signedIn(rt, user.id);
    const meta = request();
    await logout({ ...ctx, meta });
    expect(await auditRows(rt, { requestId: meta.requestId })).toMatchObject([
      {
        action: 'auth.logout',
        actorUserId: user.id,
        targetType: 'session',
        targetId: ctx.principal.session.id,
      },
    ]);
  });

  it('records a password change, and nothing for a refused one', async () => {
    const user = await createUser(rt);
    const ctx = await signedIn(rt, user.id);
    const refused = request();
    await expectRefused(
      changePassword({ ...ctx, meta: refused }, { oldPassword: user.password, password: 'xK3#pQ9z' }),
      'PASSWORD_POLICY',
    );
    expect(await auditRows(rt, { requestId: refused.requestId })).toEqual([]);

    const meta = request();
    await changePassword(
      { ...ctx, meta },
      { oldPassword: user.password, password: 'another fine passphrase' },
    );
    expect(await auditRows(rt, { requestId: meta.requestId })).toMatchObject([
      { action: 'auth.password.changed', actorUserId: user.id, subjectUserId: user.id },
    ]);
  });

  it('records each TFA change: created, activated, recovery code used, disabled, removed', async () => {
    const user = await createUser(rt);
    const ctx = await signedIn(rt, user.id);
    const actions = async (meta: RequestMeta) =>
      (await auditRows(rt, { requestId: meta.requestId })).map((e) => e.action);

    const create = request();
    const created = await createTfaMethod(
      { ...ctx, meta: create },
      { password: user.password, type: 'totp' },
    );
    expect(await actions(create)).toEqual(['auth.tfa.created']);

    nextTotpStep(rt);
    const activate = request();
    const { recoveryCodes } = await activateTfaMethod(
      { ...ctx, meta: activate },
      { tfaCode: await totpAt(rt, created.secret) },
    );
    expect(await actions(activate)).toEqual(['auth.tfa.activated']);

    const recover = request();
    await login(
      contextOf(rt, recover),
      { email: user.email, secret: user.password, tfaCode: recoveryCodes[0] },
      'api',
    );
    expect(await actions(recover)).toEqual(['auth.recovery_code.used', 'auth.login']);

    const disable = request();
    await changeTfaMethod(
      { ...ctx, meta: disable },
      { tfaId: created._id, password: user.password },
      'disabled',
    );
    expect(await actions(disable)).toEqual(['auth.tfa.disabled']);

    const remove = request();
    await changeTfaMethod(
      { ...ctx, meta: remove },
      { tfaId: created._id, password: user.password },
      'removed',
    );
    const [removed] = await auditRows(rt, { requestId: remove.requestId });
    expect(removed).toMatchObject({
      action: 'auth.tfa.removed',
      actorUserId: user.id,
      targetType: 'tfa_method',
      targetId: created._id,
    });
  });

  it('keeps secrets out of the events', async () => {
    const user = await createUser(rt);
    const meta = request();
    const result = await login(contextOf(rt, meta), { email: user.email, secret: user.password }, 'api');
    const actor = await authenticateAccessToken(rt, result.kind === 'ok' ? result.tokens!.accessToken : '');
    await logout({ ...contextOf(rt, meta), principal: actor });
    const text = JSON.stringify(await auditRows(rt, { requestId: meta.requestId }));
    expect(text).not.toContain(user.password);
    if (result.kind === 'ok') expect(text).not.toContain(result.tokens!.refreshToken);
  });
});
