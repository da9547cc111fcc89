import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { MINUTE } from '@/server/core/clock';
import type { UserContext } from '@/server/core/context';
import { authenticateClient } from '@/server/modules/auth/services/authenticate-client';
import { loadSessionPrincipal } from '@/server/modules/auth/services/authenticate-session';
import { refreshSession } from '@/server/modules/auth/services/refresh-session';
import { issueTestKey } from '../helpers/api-keys';
import { callerAs } from '../helpers/callers';
import { startTestServer } from '../helpers/http';
import { apiTokens, uniqueIp } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, signedIn, testRuntime } from '../helpers/runtime';
import { failHashingInsideTransactions } from '../helpers/transactions';
import { type ProductionCopy, seedProductionCopy, snapshotTables } from './fixtures';

/** #43's refusals, each of which changes nothing: compared with a snapshot of every table it touches. */
const SEED_BODY = `{
"password": "temporary-password"
}`;

describe.each(['production', 'development', 'test'] as const)('in %s', (env) => {
  // The runtime has its own test database; a URL only satisfies production's config check.
  const rt = testRuntime({
    APP_ENV: env,
    ...(env === 'production' ? { DATABASE_URL: 'postgres://unused.invalid/provena' } : {}),
  });
  let copy: ProductionCopy;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    copy = await seedProductionCopy(rt);
    server = await startTestServer(rt);
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses the reset with 403 NOT_PREPRODUCTION and changes nothing (caller and REST seed body)', async () => {
    const before = await snapshotTables(rt);
    const refusal = await expectRefused(
      callerAs(rt, copy.callerCtx).admin.preproduction.reset({ password: 'temporary-password' }),
      'NOT_PREPRODUCTION',
      403,
    );
    expect(refusal.message).toContain(env);
    const res = await server.request('POST', '/admin/preproduction/reset', {
      raw: SEED_BODY,
      token: copy.callerTokens.accessToken,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'NOT_PREPRODUCTION', status: 403 });
    expect(await snapshotTables(rt)).toEqual(before);
  });

  it('checks the environment first: a stale sign-in and a weak password still get NOT_PREPRODUCTION', async () => {
    rt.clock.advance(11 * MINUTE);
    const before = await snapshotTables(rt);
    await expectRefused(
      callerAs(rt, copy.callerCtx).admin.preproduction.reset({ password: 'short' }),
      'NOT_PREPRODUCTION',
    );
    expect(await snapshotTables(rt)).toEqual(before);
  });

  it('says on the status that the reset is not available here', async () => {
    const status = await callerAs(rt, copy.callerCtx).admin.preproduction.status();
    expect(status).toMatchObject({
      environment: env,
      resetAvailable: false,
      mailDelivery: 'normal',
      lastReset: null,
    });
  });
});

describe('in preproduction', () => {
  const rt = testRuntime({ APP_ENV: 'preproduction' });
  let copy: ProductionCopy;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    copy = await seedProductionCopy(rt);
    server = await startTestServer(rt);
  });
  afterAll(async () => {
    await server.close();
  });

  /** The caller signed in just now (a password sign-in: the session's authenticatedAt is now). */
  const freshCaller = async (): Promise<UserContext> => signedIn(rt, copy.caller.id);

  it('refuses 10 minutes and 1 second after the sign-in with 403 FRESH_SIGN_IN_REQUIRED, changing nothing', async () => {
    const ctx = await freshCaller();
    rt.clock.advance(10 * MINUTE + 1000);
    const before = await snapshotTables(rt);
    await expectRefused(
      callerAs(rt, ctx).admin.preproduction.reset({ password: 'temporary-password' }),
      'FRESH_SIGN_IN_REQUIRED',
      403,
    );
    expect((await callerAs(rt, ctx).admin.preproduction.status()).freshSignIn).toBeNull();
    expect(await snapshotTables(rt)).toEqual(before);
  });

  it('counts from the sign-in, not from a refresh: a refreshed session is still stale', async () => {
    const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
    const tokens = await apiTokens(rt, { email: admin.email, secret: admin.password }, uniqueIp());
    rt.clock.advance(9 * MINUTE);
    const pair = await refreshSession(contextOf(rt), tokens.refreshToken);
    rt.clock.advance(2 * MINUTE);
    const res = await server.request('POST', '/admin/preproduction/reset', {
      raw: SEED_BODY,
      token: pair.accessToken,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FRESH_SIGN_IN_REQUIRED');
  });

  it('checks the sign-in before the password: a stale sign-in with a weak password is 403', async () => {
    const ctx = await freshCaller();
    rt.clock.advance(11 * MINUTE);
    await expectRefused(
      callerAs(rt, ctx).admin.preproduction.reset({ password: 'short' }),
      'FRESH_SIGN_IN_REQUIRED',
    );
  });

  it('refuses an API key, even one with the admin scope made by a platform admin (403 caller, 401 REST)', async () => {
    const ctx = await freshCaller();
    const key = await issueTestKey(rt, ctx, copy.profileA.id, { scopes: ['admin'] });
    const before = await snapshotTables(rt);
    const principal = await authenticateClient(rt, key.clientId, key.clientKey);
    await expectRefused(
      callerAs(rt, principal).admin.preproduction.reset({ password: 'temporary-password' }),
      'FORBIDDEN',
      403,
    );
    const res = await server.request('POST', '/admin/preproduction/reset', {
      raw: SEED_BODY,
      headers: { 'content-type': 'application/json', 'client-id': key.clientId, 'client-key': key.clientKey },
    });
    expect(res.status).toBe(401);
    expect(await snapshotTables(rt)).toEqual(before);
  });

  it('refuses platform support and a user without a platform role with 403 FORBIDDEN', async () => {
    const support = await createUser(rt, { platformRoles: ['platform.support'] });
    const plain = await createUser(rt);
    const before = await snapshotTables(rt);
    for (const user of [support, plain]) {
      const caller = callerAs(rt, await signedIn(rt, user.id));
      await expectRefused(
        caller.admin.preproduction.reset({ password: 'temporary-password' }),
        'FORBIDDEN',
        403,
      );
      await expectRefused(caller.admin.preproduction.status(), 'FORBIDDEN', 403);
    }
    const after = await snapshotTables(rt);
    // their own sign-ins added two sessions; nothing else changed
    expect({ ...after, sessions: after.sessions.length }).toEqual({
      ...before,
      sessions: before.sessions.length + 2,
    });
  });

  it('refuses a password against the policy with 400 PASSWORD_POLICY and its reasons, changing nothing', async () => {
    const ctx = await freshCaller();
    const before = await snapshotTables(rt);
    const refusal = await expectRefused(
      callerAs(rt, ctx).admin.preproduction.reset({ password: 'xK3#pQ9z' }),
      'PASSWORD_POLICY',
      400,
    );
    expect(refusal.errors).toEqual([{ path: 'password', message: 'must be at least 12 characters' }]);
    const common = await expectRefused(
      callerAs(rt, ctx).admin.preproduction.reset({ password: 'qwerty123456' }),
      'PASSWORD_POLICY',
    );
    expect(common.errors.map((e) => e.message)).toEqual(['is one of the most common passwords']);
    expect(await snapshotTables(rt)).toEqual(before);
  });

  it('resets 9 minutes after the sign-in (one hash, outside the transaction); the status is fresh until 10 minutes', async () => {
    const ctx = await freshCaller();
    const signedInAt = rt.clock.now();
    rt.clock.advance(9 * MINUTE);
    const status = await callerAs(rt, ctx).admin.preproduction.status();
    expect(status.freshSignIn).toEqual({
      signedInAt: signedInAt.toISOString(),
      freshUntil: new Date(signedInAt.getTime() + 10 * MINUTE).toISOString(),
    });
    const guard = failHashingInsideTransactions(rt);
    const { hash } = rt.hasher;
    let hashes = 0;
    const guarded = rt.hasher.hash;
    rt.hasher.hash = (password) => {
      hashes++;
      return guarded(password);
    };
    onTestFinished(() => {
      rt.hasher.hash = hash;
    });
    const summary = await callerAs(rt, ctx).admin.preproduction.reset({ password: 'temporary-password' });
    expect(summary.mailDelivery).toBe('outbox');
    // one argon2 hash for every user, made before the transaction
    expect(hashes).toBe(1);
    expect(guard.slowWork).toEqual([]);
    expect(await loadSessionPrincipal(rt, ctx.principal.session.id)).not.toBeNull();
  });
});
