import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '@/server/core/clock';
import { startTestServer } from '../helpers/http';
import { latestEmail, loginCodeIn } from '../helpers/identity';
import { createUser, testRuntime } from '../helpers/runtime';

/** The seed's identity examples (shared/seed/platform-api-seed.txt), bodies and headers verbatim. */
let server: Awaited<ReturnType<typeof startTestServer>>;
const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
});
afterAll(async () => {
  await server.close();
});

type Tokens = { accessToken: string; refreshToken: string };
const epoch = () => Math.floor(rt.clock.now().getTime() / 1000);

describe('seed: identity examples', () => {
  it('logs in with the seed body (tfaCode ignored without an active method)', async () => {
    await createUser(rt, { email: 'user@example.com', password: 'your-password' });
    const res = await server.request('POST', '/auth/login', {
      body: { email: 'user@example.com', secret: 'your-password', tfaCode: '123456' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { email: 'user@example.com' } });
    expect(Date.parse(res.body.accessTokenExpiresAt as string)).toBeGreaterThan(rt.clock.now().getTime());
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('initiates a login flow and logs in with the emailed code as the secret', async () => {
    const res = await server.request('POST', '/auth/login/initiate', { body: { email: 'user@example.com' } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'sent' });
    const code = loginCodeIn((await latestEmail(rt, 'user@example.com', 'login-code')).text);
    const login = await server.request('POST', '/auth/login', {
      body: { email: 'user@example.com', secret: code },
    });
    expect(login.status).toBe(200);
    const again = await server.request('POST', '/auth/login', {
      body: { email: 'user@example.com', secret: code },
    });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('answers an unknown email exactly like a known one', async () => {
    const res = await server.request('POST', '/auth/login/initiate', {
      body: { email: 'nobody@example.com' },
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'sent' });
  });

  it('refreshes with x-refresh-token, terminates with {}, and the tokens stop working at once', async () => {
    const login = await server.request<Tokens>('POST', '/auth/login', {
      body: { email: 'user@example.com', secret: 'your-password' },
    });
    const refreshed = await server.request<Tokens>('POST', '/auth/refresh', {
      headers: { 'x-refresh-token': login.body.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    const logout = await server.request('POST', '/auth/logout', {
      body: {},
      token: refreshed.body.accessToken,
    });
    expect(logout.status).toBe(204);
    const me = await server.request('GET', '/auth/me', { token: refreshed.body.accessToken });
    expect(me.status).toBe(401);
    const refreshAfter = await server.request('POST', '/auth/refresh', {
      headers: { 'x-refresh-token': refreshed.body.refreshToken },
    });
    expect(refreshAfter.status).toBe(401);
  });

  it('refuses a spent refresh token and ends the session', async () => {
    const login = await server.request<Tokens>('POST', '/auth/login', {
      body: { email: 'user@example.com', secret: 'your-password' },
    });
    const first = await server.request<Tokens>('POST', '/auth/refresh', {
      headers: { 'x-refresh-token': login.body.refreshToken },
    });
    const reused = await server.request('POST', '/auth/refresh', {
      headers: { 'x-refresh-token': login.body.refreshToken },
    });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('TOKEN_REUSED');
    const me = await server.request('GET', '/auth/me', { token: first.body.accessToken });
    expect(me.status).toBe(401);
  });

  it('returns me, and 403 for an x-active-organization-id the user is not a member of', async () => {
    const login = await server.request<Tokens>('POST', '/auth/login', {
      body: { email: 'user@example.com', secret: 'your-password' },
    });
    const me = await server.request('GET', '/auth/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { email: 'user@example.com', tfaEnabled: false },
      memberships: [],
    });
    const foreign = await server.request('GET', '/auth/me', {
      token: login.body.accessToken,
      headers: { 'x-active-organization-id': '01900000-0000-7000-8000-000000000000' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('FORBIDDEN');
    const placeholder = await server.request('GET', '/auth/me', {
      token: login.body.accessToken,
      headers: { 'x-active-organization-id': '<organizationId>' },
    });
    expect(placeholder.status).toBe(400);
  });

  it('changes the password with the seed body, then runs the whole TFA lifecycle', async () => {
    await createUser(rt, { email: 'tfa@example.com', password: 'current-password' });
    const login = await server.request<Tokens>('POST', '/auth/login', {
      body: { email: 'tfa@example.com', secret: 'current-password' },
    });
    const token = login.body.accessToken;

    const created = await server.request<{
      _id: string;
      secret: string;
      otpauthUrl: string;
      qrCode: string;
      status: string;
    }>('POST', '/auth/tfa/create', { token, body: { password: 'current-password', type: 'totp' } });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('pending');
    expect(created.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Provena:tfa%40example\.com\?/);
    expect(created.body.qrCode).toMatch(/^data:image\/png;base64,/);

    const activated = await server.request<{ status: string; recoveryCodes: string[] }>(
      'POST',
      '/auth/tfa/activate',
      {
        token,
        body: { tfaCode: await generate({ secret: created.body.secret, epoch: epoch() }) },
      },
    );
    expect(activated.status).toBe(200);
    expect(activated.body.status).toBe('active');
    expect(activated.body.recoveryCodes).toHaveLength(10);
    const meAfter = await server.request('GET', '/auth/me', { token });
    expect(meAfter.body).toMatchObject({ user: { email: 'tfa@example.com', tfaEnabled: true } });

    const list = await server.request<{ items: Record<string, unknown>[] }>('GET', '/auth/tfa', { token });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ _id: created.body._id, status: 'active' })]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);

    const needsTfa = await server.request('POST', '/auth/login', {
      body: { email: 'tfa@example.com', secret: 'current-password' },
    });
    expect(needsTfa.body.code).toBe('TFA_REQUIRED');
    rt.clock.advance(MINUTE);
    const withCode = await server.request<Tokens>('POST', '/auth/login', {
      body: {
        email: 'tfa@example.com',
        secret: 'current-password',
        tfaCode: await generate({ secret: created.body.secret, epoch: epoch() }),
      },
    });
    expect(withCode.status).toBe(200);

    const disabled = await server.request('POST', '/auth/tfa/disable', {
      token,
      body: { tfaId: created.body._id, password: 'current-password' },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.status).toBe('disabled');
    const removed = await server.request('POST', '/auth/tfa/remove', {
      token,
      body: { tfaId: created.body._id, password: 'current-password' },
    });
    expect(removed.status).toBe(204);

    const changed = await server.request('POST', '/auth/password', {
      token,
      body: { password: 'new-password', oldPassword: 'current-password' },
    });
    expect(changed.status).toBe(204);
    const other = await server.request('GET', '/auth/me', { token: withCode.body.accessToken });
    expect(other.status).toBe(401);
    const relogin = await server.request('POST', '/auth/login', {
      body: { email: 'tfa@example.com', secret: 'new-password' },
    });
    expect(relogin.status).toBe(200);
  });

  it('makes a temporary password usable only to change it (403 PASSWORD_CHANGE_REQUIRED with restrictedToken)', async () => {
    await createUser(rt, {
      email: 'temp@example.com',
      password: 'temporary-password',
      passwordChangeRequired: true,
    });
    const login = await server.request<{ code: string; restrictedToken: string }>('POST', '/auth/login', {
      body: { email: 'temp@example.com', secret: 'temporary-password' },
    });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const me = await server.request('GET', '/auth/me', { token: login.body.restrictedToken });
    expect(me.status).toBe(403);
    expect(me.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await server.request('POST', '/auth/password', {
      token: login.body.restrictedToken,
      body: { password: 'a-brand-new-password', oldPassword: 'temporary-password' },
    });
    expect(changed.status).toBe(204);
    const relogin = await server.request('POST', '/auth/login', {
      body: { email: 'temp@example.com', secret: 'a-brand-new-password' },
    });
    expect(relogin.status).toBe(200);
  });
});
