import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '@/db/schema';
import { sessionCookieName } from '@/server/auth/browser-session';
import { authOptions } from '@/server/auth/next-auth';
import { setRuntime } from '@/server/runtime';
import { startSession } from '@/server/services/auth/start-session';
import { createTestRuntime, createUser, type TestRuntime, testMeta } from '../helpers/runtime';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await createTestRuntime();
  setRuntime(rt);
});
afterAll(async () => {
  setRuntime(undefined);
  await rt.close();
});

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<{ id: string }>;

const authorize = () =>
  (authOptions().providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

async function cookieFor(sessionId: string) {
  const token = await encode({ token: { sid: sessionId }, secret: rt.keys.nextAuth });
  return `${sessionCookieName(rt.config.appUrl)}=${token}`;
}

describe('browser sign-in (next-auth Credentials)', () => {
  it("ends the session of whoever was signed in before in that browser (an invitation accepted over someone else's session)", async () => {
    const before = await createUser(rt);
    const after = await createUser(rt);
    const old = await startSession(
      rt.db,
      { rt, meta: testMeta() },
      { userId: before.id, restricted: false, channel: 'browser' },
    );
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
    const elsewhere = await startSession(
      rt.db,
      { rt, meta: testMeta() },
      { userId: user.id, restricted: false, channel: 'api' },
    );
    await authorize()({ email: user.email, secret: user.password }, { headers: { 'user-agent': 'vitest' } });
    const [row] = await rt.db.select().from(sessions).where(eq(sessions.id, elsewhere.id));
    expect(row!.revokedAt).toBeNull();
  });
});
