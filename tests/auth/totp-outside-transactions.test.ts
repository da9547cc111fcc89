import { describe, expect, it, vi } from 'vitest';
import { activateTfaMethod } from '@/server/modules/auth/services/activate-tfa-method';
import { createTfaMethod } from '@/server/modules/auth/services/create-tfa-method';
import { apiLogin, nextTotpStep, totpAt, wrongTotp } from '../helpers/identity';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testRuntime } from '../helpers/runtime';
import { failHashingInsideTransactions, refuseInsideTransaction } from '../helpers/transactions';

// TOTP checks and QR rendering refuse to run inside a transaction the guard watches.
vi.mock('@/server/modules/auth/totp', async (importOriginal) => {
  const totp = await importOriginal<typeof import('@/server/modules/auth/totp')>();
  return {
    ...totp,
    matchTotp: (options: Parameters<typeof totp.matchTotp>[0]) => {
      refuseInsideTransaction('TOTP check');
      return totp.matchTotp(options);
    },
    describeTotpSecret: (secret: string, email: string) => {
      refuseInsideTransaction('QR rendering');
      return totp.describeTotpSecret(secret, email);
    },
  };
});

const rt = testRuntime();

async function userWithSession() {
  const user = await createUser(rt);
  return { user, ctx: await signedIn(rt, user.id) };
}

describe('TOTP work never runs inside an open transaction', () => {
  it('creates a pending method with its QR code rendered outside the transaction', async () => {
    const { user, ctx } = await userWithSession();
    failHashingInsideTransactions(rt);
    const created = await createTfaMethod(ctx, { password: user.password, type: 'totp' });
    expect(created.qrCode).toMatch(/^data:image\/png;base64,/);
  });

  it('activates a pending method with the code checked outside the transaction', async () => {
    const { user, ctx } = await userWithSession();
    const created = await createTfaMethod(ctx, { password: user.password, type: 'totp' });
    nextTotpStep(rt);
    failHashingInsideTransactions(rt);
    await expectRefused(
      activateTfaMethod(ctx, { tfaCode: wrongTotp(await totpAt(rt, created.secret)) }),
      'TFA_INVALID',
    );
    const activated = await activateTfaMethod(ctx, { tfaCode: await totpAt(rt, created.secret) });
    expect(activated).toMatchObject({ _id: created._id, status: 'active' });
    await expectRefused(apiLogin(rt, { email: user.email, secret: user.password }), 'TFA_REQUIRED');
  });

  raceTest('refuses to activate twice with one code, also when both requests come at once', async () => {
    const { user, ctx } = await userWithSession();
    const created = await createTfaMethod(ctx, { password: user.password, type: 'totp' });
    nextTotpStep(rt);
    const code = await totpAt(rt, created.secret);
    const results = await Promise.allSettled([
      activateTfaMethod(ctx, { tfaCode: code }),
      activateTfaMethod(ctx, { tfaCode: code }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await expectRefused(activateTfaMethod(ctx, { tfaCode: code }), 'TFA_NOT_PENDING');
  });
});
