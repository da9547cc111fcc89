import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recoveryCodes } from '@/db/schema';
import { activateTfaMethod } from '@/server/modules/auth/services/activate-tfa-method';
import { createTfaMethod } from '@/server/modules/auth/services/create-tfa-method';
import { apiLogin, enableTotp, nextTotpStep, totpAt, uniqueIp } from '../helpers/identity';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testRuntime } from '../helpers/runtime';

/** The second factor at login: TOTP steps, drift, replays, recovery codes and races. */
const rt = testRuntime();

const unusedRecoveryCodes = (userId: string) =>
  rt.db
    .select()
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));

describe('TOTP codes at login', () => {
  it('refuses the code that activated the method (its step is used)', async () => {
    const user = await createUser(rt);
    const ctx = await signedIn(rt, user.id);
    const created = await createTfaMethod(ctx, { password: user.password, type: 'totp' });
    nextTotpStep(rt);
    const code = await totpAt(rt, created.secret);
    await activateTfaMethod(ctx, { tfaCode: code });
    await expectRefused(
      apiLogin(rt, { email: user.email, secret: user.password, tfaCode: code }),
      'TFA_INVALID',
    );
  });

  it('refuses a replayed code, and an older step once a newer one was used', async () => {
    const user = await createUser(rt);
    const { secret } = await enableTotp(rt, user);
    const previous = await totpAt(rt, secret, -30_000);
    const current = await totpAt(rt, secret);
    expect((await apiLogin(rt, { email: user.email, secret: user.password, tfaCode: current })).kind).toBe(
      'ok',
    );
    await expectRefused(
      apiLogin(rt, { email: user.email, secret: user.password, tfaCode: current }),
      'TFA_INVALID',
    );
    if (previous !== current) {
      await expectRefused(
        apiLogin(rt, { email: user.email, secret: user.password, tfaCode: previous }),
        'TFA_INVALID',
      );
    }
  });

  it('accepts one step of drift either way but not two', async () => {
    const user = await createUser(rt);
    const { secret } = await enableTotp(rt, user);
    // two fresh steps, so neither of the two steps back is the one that activated the method
    nextTotpStep(rt);
    nextTotpStep(rt);
    const twoBack = await totpAt(rt, secret, -60_000);
    const oneBack = await totpAt(rt, secret, -30_000);
    const oneAhead = await totpAt(rt, secret, 30_000);
    const codes = new Set([twoBack, oneBack, oneAhead, await totpAt(rt, secret)]);
    if (codes.size === 4) {
      await expectRefused(
        apiLogin(rt, { email: user.email, secret: user.password, tfaCode: twoBack }, uniqueIp()),
        'TFA_INVALID',
      );
    }
    expect((await apiLogin(rt, { email: user.email, secret: user.password, tfaCode: oneBack })).kind).toBe(
      'ok',
    );
    expect((await apiLogin(rt, { email: user.email, secret: user.password, tfaCode: oneAhead })).kind).toBe(
      'ok',
    );
  });
});

describe('TFA races', () => {
  // A real overlap on PostgreSQL; one after the other on PGlite. Either way a code counts once.
  raceTest('accepts a TOTP code for exactly one of several concurrent logins', async () => {
    const user = await createUser(rt);
    const { secret } = await enableTotp(rt, user);
    const code = await totpAt(rt, secret);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        apiLogin(rt, { email: user.email, secret: user.password, tfaCode: code }, uniqueIp()),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]) {
      expect(r.reason).toMatchObject({ code: 'TFA_INVALID' });
    }
  });

  raceTest('accepts a recovery code for exactly one of several concurrent logins', async () => {
    const user = await createUser(rt);
    const { recoveryCodes: codes } = await enableTotp(rt, user);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        apiLogin(rt, { email: user.email, secret: user.password, tfaCode: codes[2] }, uniqueIp()),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await unusedRecoveryCodes(user.id)).toHaveLength(9);
  });
});

describe('recovery codes', () => {
  it('accepts a recovery code once in place of the TFA code', async () => {
    const user = await createUser(rt);
    const { recoveryCodes: codes } = await enableTotp(rt, user);
    expect((await apiLogin(rt, { email: user.email, secret: user.password, tfaCode: codes[0] })).kind).toBe(
      'ok',
    );
    await expectRefused(
      apiLogin(rt, { email: user.email, secret: user.password, tfaCode: codes[0] }),
      'TFA_INVALID',
    );
    expect(await unusedRecoveryCodes(user.id)).toHaveLength(9);
  });

  it('accepts a recovery code typed in capitals without its dash', async () => {
    const user = await createUser(rt);
    const { recoveryCodes: codes } = await enableTotp(rt, user);
    const typed = codes[1]!.replace('-', '').toUpperCase();
    expect((await apiLogin(rt, { email: user.email, secret: user.password, tfaCode: typed })).kind).toBe(
      'ok',
    );
  });

  it('refuses the recovery codes of another user', async () => {
    const alice = await createUser(rt);
    const bob = await createUser(rt);
    const { recoveryCodes: aliceCodes } = await enableTotp(rt, alice);
    await enableTotp(rt, bob);
    await expectRefused(
      apiLogin(rt, { email: bob.email, secret: bob.password, tfaCode: aliceCodes[0] }),
      'TFA_INVALID',
    );
  });
});
