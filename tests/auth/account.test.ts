import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '@/db/schema';
import { loadSessionPrincipal } from '@/server/modules/auth/services/authenticate-session';
import { refreshSession } from '@/server/modules/auth/services/refresh-session';
import { callerAs } from '../helpers/callers';
import { apiLogin, apiTokens, auditRows, enableTotp, uniqueIp, uniqueRequestId } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, signedIn, testMeta, testRuntime, userById } from '../helpers/runtime';

/** Issue 9, account page: edit your own name, recovery codes, sign out all other sessions. */
const rt = testRuntime();

describe('auth.updateProfile (POST /auth/me/update)', () => {
  it('changes the first and last name, trimmed, audits it, and nothing else of the account', async () => {
    const user = await createUser(rt);
    const ctx = await signedIn(rt, user.id);
    const requestId = uniqueRequestId();
    const before = await userById(rt, user.id);

    const updated = await callerAs(rt, ctx, { requestId }).auth.updateProfile({
      firstName: '  Ada ',
      lastName: 'Lovelace',
    });

    expect(updated).toMatchObject({
      _id: user.id,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: user.email,
    });
    const after = await userById(rt, user.id);
    expect({ ...after, updatedAt: before.updatedAt }).toEqual({
      ...before,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({
      action: 'auth.profile.updated',
      actorUserId: user.id,
      subjectUserId: user.id,
    });
    expect(event!.data).toEqual({
      before: { firstName: 'Test', lastName: 'User' },
      after: { firstName: 'Ada', lastName: 'Lovelace' },
    });
  });

  it('says the limit for an over-long name and a missing one is required, changing nothing', async () => {
    const user = await createUser(rt);
    const caller = callerAs(rt, await signedIn(rt, user.id));
    const long = await expectRefused(
      caller.auth.updateProfile({ firstName: 'x'.repeat(300), lastName: 'Lovelace' }),
      'VALIDATION_FAILED',
      400,
    );
    expect(long.errors).toEqual([{ path: 'firstName', message: 'must be at most 100 characters' }]);
    const empty = await expectRefused(
      caller.auth.updateProfile({ firstName: 'Ada', lastName: '   ' }),
      'VALIDATION_FAILED',
    );
    expect(empty.errors).toEqual([{ path: 'lastName', message: 'is required' }]);
    await expectRefused(
      caller.auth.updateProfile({ firstName: 'Ada', lastName: 'L', email: 'x@example.com' } as never),
      'VALIDATION_FAILED',
    );
    expect(await userById(rt, user.id)).toMatchObject({
      firstName: 'Test',
      lastName: 'User',
      email: user.email,
    });
  });

  it('needs a signed-in user', async () => {
    await expectRefused(
      callerAs(rt, null).auth.updateProfile({ firstName: 'A', lastName: 'B' }),
      'UNAUTHENTICATED',
    );
  });
});

describe('recovery codes', () => {
  it('counts the unused ones and regenerates after the password: old codes refused at once', async () => {
    const user = await createUser(rt);
    const { ctx, recoveryCodes: first } = await enableTotp(rt, user);
    const caller = callerAs(rt, ctx, { requestId: uniqueRequestId() });
    expect(await caller.auth.tfa.recoveryCodes()).toEqual({ unused: 10, total: 10 });

    // one code spent at login
    const login = await apiLogin(
      rt,
      { email: user.email, secret: user.password, tfaCode: first[0]! },
      uniqueIp(),
    );
    expect(login.kind).toBe('ok');
    expect(await caller.auth.tfa.recoveryCodes()).toEqual({ unused: 9, total: 10 });

    const requestId = uniqueRequestId();
    const { recoveryCodes: fresh } = await callerAs(rt, ctx, { requestId }).auth.tfa.regenerateRecoveryCodes({
      password: user.password,
    });
    expect(fresh).toHaveLength(10);
    expect(new Set(fresh).size).toBe(10);
    expect(fresh.some((code) => first.includes(code))).toBe(false);
    expect(await caller.auth.tfa.recoveryCodes()).toEqual({ unused: 10, total: 10 });

    await expectRefused(
      apiLogin(rt, { email: user.email, secret: user.password, tfaCode: first[1]! }, uniqueIp()),
      'TFA_INVALID',
    );
    expect(
      (await apiLogin(rt, { email: user.email, secret: user.password, tfaCode: fresh[0]! }, uniqueIp())).kind,
    ).toBe('ok');
    expect(await caller.auth.tfa.recoveryCodes()).toEqual({ unused: 9, total: 10 });
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({ action: 'auth.recovery_codes.regenerated', actorUserId: user.id });
  });

  it('refuses a wrong password and keeps the codes', async () => {
    const user = await createUser(rt);
    const { ctx, recoveryCodes: codes } = await enableTotp(rt, user);
    const refusal = await expectRefused(
      callerAs(rt, ctx).auth.tfa.regenerateRecoveryCodes({ password: 'not the password' }),
      'INVALID_CREDENTIALS',
    );
    expect(refusal.errors).toEqual([{ path: 'password', message: 'is wrong' }]);
    expect(
      (await apiLogin(rt, { email: user.email, secret: user.password, tfaCode: codes[0]! }, uniqueIp())).kind,
    ).toBe('ok');
  });

  it('refuses TFA_NOT_ACTIVE when two-factor sign-in is off, and counts none', async () => {
    const user = await createUser(rt);
    const caller = callerAs(rt, await signedIn(rt, user.id));
    expect(await caller.auth.tfa.recoveryCodes()).toEqual({ unused: 0, total: 0 });
    await expectRefused(
      caller.auth.tfa.regenerateRecoveryCodes({ password: user.password }),
      'TFA_NOT_ACTIVE',
      409,
    );
    expect(await caller.auth.tfa.recoveryCodes()).toEqual({ unused: 0, total: 0 });
  });
});

describe('auth.sessions.revokeOthers (POST /auth/sessions/revoke-others)', () => {
  it('ends every other session of mine with its refresh token, keeps mine and other people’s, audits it', async () => {
    const user = await createUser(rt);
    const current = await signedIn(rt, user.id, 'browser');
    const other = await signedIn(rt, user.id, 'browser');
    const api = await apiTokens(rt, { email: user.email, secret: user.password }, uniqueIp());
    const stranger = await signedIn(rt, (await createUser(rt)).id);
    const requestId = uniqueRequestId();

    expect(await callerAs(rt, current, { requestId }).auth.sessions.revokeOthers({})).toEqual({ revoked: 2 });

    expect(await loadSessionPrincipal(rt, current.principal.session.id)).not.toBeNull();
    expect(await loadSessionPrincipal(rt, other.principal.session.id)).toBeNull();
    expect(await loadSessionPrincipal(rt, api.sessionId!)).toBeNull();
    expect(await loadSessionPrincipal(rt, stranger.principal.session.id)).not.toBeNull();
    await expectRefused(
      refreshSession(contextOf(rt, testMeta({ ip: uniqueIp() })), api.refreshToken),
      'INVALID_TOKEN',
    );
    const [row] = await rt.db.select().from(sessions).where(eq(sessions.id, other.principal.session.id));
    expect(row!.revokedReason).toBe('revoked-by-user');
    expect((await callerAs(rt, current).auth.sessions.list()).items.map((s) => s._id)).toEqual([
      current.principal.session.id,
    ]);
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({
      action: 'auth.sessions.revoked_others',
      actorUserId: user.id,
      data: { revoked: 2 },
    });
  });

  it('answers 0 when there is no other session', async () => {
    const user = await createUser(rt);
    expect(await callerAs(rt, await signedIn(rt, user.id)).auth.sessions.revokeOthers({})).toEqual({
      revoked: 0,
    });
  });
});
