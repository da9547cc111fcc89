import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '@/db/schema';
import { DAY } from '@/server/core/clock';
import { loadSessionPrincipal } from '@/server/modules/auth/services/authenticate-session';
import {
  listOwnSessions,
  logout,
  revokeOwnSession,
} from '@/server/modules/auth/services/manage-own-sessions';
import { auditRows, uniqueRequestId } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testMeta, testRuntime } from '../helpers/runtime';

const rt = testRuntime();

const sessionRow = async (id: string) => (await rt.db.select().from(sessions).where(eq(sessions.id, id)))[0]!;

describe('own sessions (#46)', () => {
  it('lists my live sessions with the current one marked, and nobody else\u2019s', async () => {
    const user = await createUser(rt);
    const api = await signedIn(rt, user.id, 'api');
    const browser = await signedIn(rt, user.id, 'browser');
    const revoked = await signedIn(rt, user.id);
    await logout(revoked);
    const stranger = await signedIn(rt, (await createUser(rt)).id);

    const { items } = await listOwnSessions(api);
    expect(items.map((s) => s._id).sort()).toEqual(
      [api.principal.session.id, browser.principal.session.id].sort(),
    );
    expect(items.filter((s) => s.current).map((s) => s._id)).toEqual([api.principal.session.id]);
    expect(items.map((s) => s._id)).not.toContain(stranger.principal.session.id);
    const mine = items.find((s) => s._id === api.principal.session.id)!;
    expect(mine).toMatchObject({ channel: 'api', device: 'vitest', ip: testMeta().ip });
    expect(Object.keys(mine).sort()).toEqual([
      '_id',
      'channel',
      'createdAt',
      'current',
      'device',
      'ip',
      'lastSeenAt',
    ]);
  });

  it('leaves expired sessions out of the list', async () => {
    const user = await createUser(rt);
    const old = await signedIn(rt, user.id);
    rt.clock.advance(31 * DAY);
    const fresh = await signedIn(rt, user.id);
    const { items } = await listOwnSessions(fresh);
    expect(items.map((s) => s._id)).toEqual([fresh.principal.session.id]);
    expect(await loadSessionPrincipal(rt, old.principal.session.id)).toBeNull();
  });

  it('revokes another of my sessions at once and records it', async () => {
    const user = await createUser(rt);
    const mine = await signedIn(rt, user.id);
    const other = await signedIn(rt, user.id);
    const requestId = uniqueRequestId();

    await revokeOwnSession({ ...mine, meta: testMeta({ requestId }) }, other.principal.session.id);

    expect(await loadSessionPrincipal(rt, other.principal.session.id)).toBeNull();
    expect(await loadSessionPrincipal(rt, mine.principal.session.id)).not.toBeNull();
    expect((await sessionRow(other.principal.session.id)).revokedReason).toBe('revoked-by-user');
    expect((await listOwnSessions(mine)).items.map((s) => s._id)).toEqual([mine.principal.session.id]);
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({
      action: 'auth.session.revoked',
      actorUserId: user.id,
      targetId: other.principal.session.id,
    });
  });

  it("answers NOT_FOUND for someone else's session and leaves it alive", async () => {
    const me = await signedIn(rt, (await createUser(rt)).id);
    const victim = await signedIn(rt, (await createUser(rt)).id);
    await expectRefused(revokeOwnSession(me, victim.principal.session.id), 'NOT_FOUND');
    expect(await loadSessionPrincipal(rt, victim.principal.session.id)).not.toBeNull();
    expect((await sessionRow(victim.principal.session.id)).revokedAt).toBeNull();
  });

  it('answers NOT_FOUND for an unknown id and for a session already revoked', async () => {
    const user = await createUser(rt);
    const me = await signedIn(rt, user.id);
    const other = await signedIn(rt, user.id);
    await expectRefused(revokeOwnSession(me, '01900000-0000-7000-8000-000000000000'), 'NOT_FOUND');
    await revokeOwnSession(me, other.principal.session.id);
    await expectRefused(revokeOwnSession(me, other.principal.session.id), 'NOT_FOUND');
  });

  it('treats revoking the current session as a logout', async () => {
    const user = await createUser(rt);
    const me = await signedIn(rt, user.id);
    const requestId = uniqueRequestId();
    await revokeOwnSession({ ...me, meta: testMeta({ requestId }) }, me.principal.session.id);
    expect(await loadSessionPrincipal(rt, me.principal.session.id)).toBeNull();
    expect((await auditRows(rt, { requestId }))[0]?.action).toBe('auth.logout');
  });
});
