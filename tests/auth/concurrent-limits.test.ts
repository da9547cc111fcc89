import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, vi } from 'vitest';
import { loginCodes, outbox } from '@/db/schema';
import { initiateLogin } from '@/server/modules/auth/services/initiate-login';
import { checkLoginCode } from '@/server/modules/auth/services/login-codes';
import { requestPasswordReset } from '@/server/modules/auth/services/reset-password';
import {
  apiLogin,
  enableTotp,
  latestEmail,
  loginCodeIn,
  totpAt,
  uniqueIp,
  wrongTotp,
} from '../helpers/identity';
import { raceTest } from '../helpers/race';
import { contextOf, createUser, testMeta, testRuntime } from '../helpers/runtime';

// Races only happen on PostgreSQL (CI runs this file there too): raceTest says so on PGlite.
const totpChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/server/modules/auth/totp', async (original) => {
  const actual = await original<typeof import('@/server/modules/auth/totp')>();
  return {
    ...actual,
    matchTotp: (...args: Parameters<typeof actual.matchTotp>) => {
      totpChecks.count++;
      return actual.matchTotp(...args);
    },
  };
});

let verifications = 0;
const rt = testRuntime();
beforeAll(async () => {
  const verify = rt.hasher.verify;
  rt.hasher.verify = (hash, password) => {
    verifications++;
    return verify(hash, password);
  };
});

/** Settles every promise and tells how many passed, how many got 429, and any other outcome. */
async function tally(promises: Promise<unknown>[]) {
  const settled = await Promise.allSettled(promises);
  const codeOf = (r: PromiseSettledResult<unknown>) =>
    r.status === 'fulfilled' ? 'ok' : ((r.reason as { code?: string }).code ?? String(r.reason));
  const counts: Record<string, number> = {};
  for (const r of settled) counts[codeOf(r)] = (counts[codeOf(r)] ?? 0) + 1;
  return counts;
}

describe('bursts against the login limits', () => {
  raceTest(
    'evaluates at most 10 of 100 parallel wrong passwords for one email+IP and refuses the rest with 429',
    async () => {
      const user = await createUser(rt);
      const ip = uniqueIp();
      verifications = 0;
      const counts = await tally(
        Array.from({ length: 100 }, () =>
          apiLogin(rt, { email: user.email, secret: 'definitely wrong!' }, ip),
        ),
      );
      expect(verifications).toBeLessThanOrEqual(10);
      expect(counts.INVALID_CREDENTIALS).toBe(verifications);
      expect(counts.RATE_LIMITED).toBe(100 - verifications);
    },
  );

  raceTest(
    'evaluates at most 10 of 1,000 concurrent wrong TOTP codes for one account (right password) from one IP',
    async () => {
      const user = await createUser(rt);
      const { secret } = await enableTotp(rt, user);
      const tfaCode = wrongTotp(await totpAt(rt, secret));
      const ip = uniqueIp();
      totpChecks.count = 0;
      const counts = await tally(
        Array.from({ length: 1000 }, () =>
          apiLogin(rt, { email: user.email, secret: user.password, tfaCode }, ip),
        ),
      );
      expect(totpChecks.count).toBeLessThanOrEqual(10);
      expect(counts.TFA_INVALID).toBe(totpChecks.count);
      expect(counts.RATE_LIMITED).toBe(1000 - totpChecks.count);
    },
  );

  raceTest(
    'refuses the right login code after 20 concurrent wrong ones: each try is spent before the comparison',
    async () => {
      const user = await createUser(rt);
      await initiateLogin(contextOf(rt, testMeta({ ip: uniqueIp() })), { email: user.email });
      const code = loginCodeIn((await latestEmail(rt, user.email, 'login-code')).text);
      const wrong = code === '00000000' ? '11111111' : '00000000';
      const ctx = contextOf(rt, testMeta());
      const results = await Promise.all([
        ...Array.from({ length: 20 }, () => checkLoginCode(rt.db, ctx, user.id, wrong)),
        checkLoginCode(rt.db, ctx, user.id, code),
      ]);
      expect(results).toEqual(Array(21).fill(false));
      expect(await checkLoginCode(rt.db, ctx, user.id, code)).toBe(false);
      const [row] = await rt.db.select().from(loginCodes).where(eq(loginCodes.userId, user.id));
      expect(row!.failedAttempts).toBe(5);
    },
  );

  raceTest(
    'enqueues at most the limit of login-code mails for 30 concurrent initiate requests for one address',
    async () => {
      const user = await createUser(rt);
      const meta = testMeta({ ip: uniqueIp() });
      const counts = await tally(
        Array.from({ length: 30 }, () => initiateLogin(contextOf(rt, meta), { email: user.email })),
      );
      expect(counts.ok).toBeLessThanOrEqual(10);
      expect(counts).toEqual({ ok: counts.ok, RATE_LIMITED: 30 - counts.ok! });
      const mails = await rt.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.to, user.email), eq(outbox.kind, 'login-code')));
      expect(mails.length).toBeLessThanOrEqual(10);
    },
  );

  raceTest('accepts at most the limit of 30 concurrent password reset requests for one address', async () => {
    const user = await createUser(rt);
    const meta = testMeta({ ip: uniqueIp() });
    const counts = await tally(
      Array.from({ length: 30 }, () => requestPasswordReset(contextOf(rt, meta), { email: user.email })),
    );
    expect(counts.ok).toBeLessThanOrEqual(10);
    expect(counts).toEqual({ ok: counts.ok, RATE_LIMITED: 30 - counts.ok! });
  });
});
