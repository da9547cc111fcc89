import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recoveryCodes, tfaMethods } from '@/db/schema';
import { activateTfaMethod } from '@/server/modules/auth/services/activate-tfa-method';
import { changeTfaMethod, listTfaMethods } from '@/server/modules/auth/services/change-tfa-method';
import { createTfaMethod } from '@/server/modules/auth/services/create-tfa-method';
import { apiLogin, emailsTo, enableTotp, nextTotpStep, totpAt, wrongTotp } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testRuntime } from '../helpers/runtime';

const rt = testRuntime();

const methodRows = (userId: string) => rt.db.select().from(tfaMethods).where(eq(tfaMethods.userId, userId));
const unusedRecoveryCodes = (userId: string) =>
  rt.db
    .select()
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));

async function userWithSession() {
  const user = await createUser(rt);
  const ctx = await signedIn(rt, user.id);
  return { user, ctx };
}

describe('creating a TOTP method', () => {
  it('requires the password and creates nothing when it is wrong', async () => {
    const { user, ctx } = await userWithSession();
    const error = await expectRefused(
      createTfaMethod(ctx, { password: 'not the password', type: 'totp' }),
      'INVALID_CREDENTIALS',
    );
    expect(error.errors).toEqual([{ path: 'password', message: 'is wrong' }]);
    expect(await methodRows(user.id)).toHaveLength(0);
  });

  it('returns a pending method with its secret, otpauth URL and QR code, and stores the secret encrypted', async () => {
    const { user, ctx } = await userWithSession();
    const created = await createTfaMethod(ctx, { password: user.password, type: 'totp' });
    expect(created).toMatchObject({ type: 'totp', status: 'pending' });
    expect(created.secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(created.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Provena:/);
    expect(created.otpauthUrl).toContain(`secret=${created.secret}`);
    expect(created.qrCode).toMatch(/^data:image\/png;base64,/);

    const [row] = await methodRows(user.id);
    expect(row!.id).toBe(created._id);
    expect(row!.secretEnc).not.toContain(created.secret);
  });

  it('replaces an older pending method', async () => {
    const { user, ctx } = await userWithSession();
    await createTfaMethod(ctx, { password: user.password, type: 'totp' });
    const second = await createTfaMethod(ctx, { password: user.password, type: 'totp' });
    expect((await methodRows(user.id)).map((m) => m.id)).toEqual([second._id]);
  });

  it('does not ask for TFA at login while the method is only pending', async () => {
    const { user, ctx } = await userWithSession();
    await createTfaMethod(ctx, { password: user.password, type: 'totp' });
    expect((await apiLogin(rt, { email: user.email, secret: user.password })).kind).toBe('ok');
  });
});

describe('activating a TOTP method', () => {
  it('refuses a wrong code and TFA_NOT_PENDING without a method to activate', async () => {
    const { user, ctx } = await userWithSession();
    await expectRefused(activateTfaMethod(ctx, { tfaCode: '123456' }), 'TFA_NOT_PENDING');
    const created = await createTfaMethod(ctx, { password: user.password, type: 'totp' });
    await expectRefused(
      activateTfaMethod(ctx, { tfaCode: wrongTotp(await totpAt(rt, created.secret)) }),
      'TFA_INVALID',
    );
    expect((await methodRows(user.id))[0]!.status).toBe('pending');
  });

  it('returns 10 distinct recovery codes, stored only as hashes', async () => {
    const user = await createUser(rt);
    const { recoveryCodes: codes, methodId } = await enableTotp(rt, user);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    const rows = await unusedRecoveryCodes(user.id);
    expect(rows).toHaveLength(10);
    for (const row of rows) expect(codes).not.toContain(row.codeHash);
    expect((await methodRows(user.id)).find((m) => m.id === methodId)!.status).toBe('active');
  });

  it('makes login ask for the second factor after the secret', async () => {
    const user = await createUser(rt);
    const { secret } = await enableTotp(rt, user);
    await expectRefused(apiLogin(rt, { email: user.email, secret: user.password }), 'TFA_REQUIRED');
    await expectRefused(
      apiLogin(rt, { email: user.email, secret: 'wrong password!', tfaCode: '123456' }),
      'INVALID_CREDENTIALS',
    );
    const code = await totpAt(rt, secret);
    await expectRefused(
      apiLogin(rt, { email: user.email, secret: user.password, tfaCode: wrongTotp(code) }),
      'TFA_INVALID',
    );
    expect((await apiLogin(rt, { email: user.email, secret: user.password, tfaCode: code })).kind).toBe('ok');
  });
});

describe('disabling, re-activating and removing', () => {
  it('disables a method after the password: kept with status disabled, login no longer asks for TFA', async () => {
    const user = await createUser(rt);
    const { ctx, methodId } = await enableTotp(rt, user);
    await expectRefused(
      changeTfaMethod(ctx, { tfaId: methodId, password: 'not the password' }, 'disabled'),
      'INVALID_CREDENTIALS',
    );
    expect((await methodRows(user.id))[0]!.status).toBe('active');

    const disabled = await changeTfaMethod(ctx, { tfaId: methodId, password: user.password }, 'disabled');
    expect(disabled).toMatchObject({ _id: methodId, status: 'disabled' });
    expect(await methodRows(user.id)).toMatchObject([{ id: methodId, status: 'disabled' }]);
    expect((await apiLogin(rt, { email: user.email, secret: user.password })).kind).toBe('ok');
    // with no active method left, the recovery codes go too
    expect(await unusedRecoveryCodes(user.id)).toHaveLength(0);
  });

  it('re-activates a disabled method with a code from its secret and the account password; without the right password it is refused', async () => {
    const user = await createUser(rt);
    const { ctx, methodId, secret } = await enableTotp(rt, user);
    await changeTfaMethod(ctx, { tfaId: methodId, password: user.password }, 'disabled');
    nextTotpStep(rt);
    const tfaCode = await totpAt(rt, secret);
    const missing = await expectRefused(activateTfaMethod(ctx, { tfaCode }), 'INVALID_CREDENTIALS');
    expect(missing.errors).toEqual([{ path: 'password', message: 'is required' }]);
    const wrong = await expectRefused(
      activateTfaMethod(ctx, { tfaCode, password: 'definitely wrong!' }),
      'INVALID_CREDENTIALS',
    );
    expect(wrong.errors).toEqual([{ path: 'password', message: 'is wrong' }]);
    expect((await methodRows(user.id))[0]).toMatchObject({ status: 'disabled' });
    const again = await activateTfaMethod(ctx, { tfaCode, password: user.password });
    expect(again).toMatchObject({ _id: methodId, status: 'active' });
    expect(again.recoveryCodes).toHaveLength(10);
    await expectRefused(apiLogin(rt, { email: user.email, secret: user.password }), 'TFA_REQUIRED');
  });

  it('removes a method: the row is deleted and login no longer asks for TFA', async () => {
    const user = await createUser(rt);
    const { ctx, methodId } = await enableTotp(rt, user);
    await changeTfaMethod(ctx, { tfaId: methodId, password: user.password }, 'removed');
    expect(await methodRows(user.id)).toHaveLength(0);
    expect((await apiLogin(rt, { email: user.email, secret: user.password })).kind).toBe('ok');
    await expectRefused(
      changeTfaMethod(ctx, { tfaId: methodId, password: user.password }, 'removed'),
      'TFA_NOT_FOUND',
    );
  });

  it("answers TFA_NOT_FOUND for another user's method and leaves it untouched", async () => {
    const owner = await createUser(rt);
    const { methodId } = await enableTotp(rt, owner);
    const { user: intruder, ctx } = await userWithSession();
    for (const change of ['disabled', 'removed'] as const) {
      await expectRefused(
        changeTfaMethod(ctx, { tfaId: methodId, password: intruder.password }, change),
        'TFA_NOT_FOUND',
      );
    }
    expect(await methodRows(owner.id)).toMatchObject([{ id: methodId, status: 'active' }]);
  });

  it('sends a security email for each change', async () => {
    const user = await createUser(rt);
    const { ctx, methodId } = await enableTotp(rt, user);
    await changeTfaMethod(ctx, { tfaId: methodId, password: user.password }, 'disabled');
    await changeTfaMethod(ctx, { tfaId: methodId, password: user.password }, 'removed');
    const subjects = (await emailsTo(rt, user.email, 'security-tfa')).map((m) => m.subject).sort();
    expect(subjects).toEqual([
      'Two-factor authentication activated on your Provena account',
      'Two-factor authentication disabled on your Provena account',
      'Two-factor authentication removed on your Provena account',
    ]);
  });
});

describe('listing methods', () => {
  it('lists only the caller\u2019s methods, never with a secret', async () => {
    const user = await createUser(rt);
    const { ctx, secret, methodId } = await enableTotp(rt, user);
    await createTfaMethod(ctx, { password: user.password, type: 'totp' });
    await enableTotp(rt, await createUser(rt)); // someone else's
    const { items } = await listTfaMethods(ctx);
    expect(items).toHaveLength(2);
    expect(items.map((m) => m.status).sort()).toEqual(['active', 'pending']);
    expect(items.find((m) => m._id === methodId)?.activatedAt).not.toBeNull();
    for (const item of items)
      expect(Object.keys(item).sort()).toEqual(['_id', 'activatedAt', 'createdAt', 'status', 'type']);
    const text = JSON.stringify(items);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/secret/i);
  });
});
