import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '@/db/schema';
import { CLIENT_IP_HEADER } from '@/server/core/request-headers';
import { setRuntime } from '@/server/core/runtime';
import { sessionCookieName } from '@/server/modules/auth/browser-session';
import { DEVICE_COOKIE } from '@/server/modules/auth/device-token';
import { authOptions } from '@/server/modules/auth/next-auth';
import { startSession } from '@/server/modules/auth/services/start-session';
import { apiLogin, uniqueIp } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, testMeta, testRuntime } from '../helpers/runtime';

const rt = testRuntime();
beforeAll(async () => {
  setRuntime(rt);
});
afterAll(async () => {
  setRuntime(undefined);
});

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<{ id: string }>;

/** The cookies each sign-in set, as Next would add them to next-auth's answer. */
const setCookies: { name: string; value: string; options: Record<string, unknown> }[] = [];
const authorize = () =>
  (
    authOptions(async (name, value, options) => {
      setCookies.push({ name, value, options });
    }).providers[0] as unknown as { options: { authorize: Authorize } }
  ).options.authorize;

async function cookieFor(sessionId: string) {
  const token = await encode({ token: { sid: sessionId }, secret: rt.keys.nextAuth });
  return `${sessionCookieName(rt.config.appUrl)}=${token}`;
}

describe('browser sign-in (next-auth Credentials)', () => {
  it("ends the session of whoever was signed in before in that browser (an invitation accepted over someone else's session)", async () => {
    const before = await createUser(rt);
    const after = await createUser(rt);
    const old = await startSession(rt.db, contextOf(rt, testMeta()), {
      userId: before.id,
      restricted: false,
      channel: 'browser',
    });
    const signedIn = await authorize()(
      { email: after.email, secret: after.password },
      { headers: { cookie: await cookieFor(old.id), 'user-agent': 'vitest' } },
    );
    expect(signedIn.id).not.toBe(old.id);
    const [oldRow] = await rt.db.select().from(sessions).where(eq(sessions.id, old.id));
    expect(oldRow!.revokedAt).not.toBeNull();
    const [newRow] = await rt.db.select().from(sessions).where(eq(sessions.id, signedIn.id));
    expect(newRow).toMatchObject({ userId: after.id, revokedAt: null });
  });

  it('leaves other sessions alone when the browser had none', async () => {
    const user = await createUser(rt);
    const elsewhere = await startSession(rt.db, contextOf(rt, testMeta()), {
      userId: user.id,
      restricted: false,
      channel: 'api',
    });
    await authorize()({ email: user.email, secret: user.password }, { headers: { 'user-agent': 'vitest' } });
    const [row] = await rt.db.select().from(sessions).where(eq(sessions.id, elsewhere.id));
    expect(row!.revokedAt).toBeNull();
  });

  it('sets an httpOnly SameSite=Lax device cookie that lets this browser sign in while the email is delayed by failures elsewhere', async () => {
    const user = await createUser(rt);
    const headers = { 'user-agent': 'vitest', [CLIENT_IP_HEADER]: uniqueIp() };
    setCookies.length = 0;
    await authorize()({ email: user.email, secret: user.password }, { headers });
    expect(setCookies).toHaveLength(1);
    const [device] = setCookies;
    expect(device).toMatchObject({
      name: DEVICE_COOKIE,
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false },
    });
    for (let i = 0; i < 5; i++)
      await expectRefused(
        apiLogin(rt, { email: user.email, secret: 'definitely wrong!' }, uniqueIp()),
        'INVALID_CREDENTIALS',
      );
    const newcomer = { headers: { ...headers, [CLIENT_IP_HEADER]: uniqueIp() } };
    await expect(authorize()({ email: user.email, secret: user.password }, newcomer)).rejects.toThrow(
      /^RATE_LIMITED:\d+$/,
    );
    const known = { headers: { ...headers, cookie: `${DEVICE_COOKIE}=${device!.value}` } };
    expect((await authorize()({ email: user.email, secret: user.password }, known)).id).toBeTruthy();
  });
});
