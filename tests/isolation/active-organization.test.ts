import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationProfiles } from '@/db/schema';
import { sessionCookieName } from '@/server/modules/auth/browser-session';
import { expectProblem, startTestServer } from '../helpers/http';
import { addMember, createTenant } from '../helpers/organizations';
import { createUser, signedIn, testRuntime } from '../helpers/runtime';

/**
 * x-active-organization-id names the organization a call acts in: a profile-keyed call naming a
 * profile of another organization is refused even when the caller may act in both.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
});
afterAll(async () => {
  await server.close();
});

/** Someone administering two organizations, with a bearer token and a browser session cookie. */
async function adminOfTwo() {
  const a = await createTenant(rt);
  const b = await createTenant(rt);
  const user = await createUser(rt);
  await addMember(rt, a.organization.id, user.id, ['default.organization.admin']);
  await addMember(rt, b.organization.id, user.id, ['default.organization.admin']);
  const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
    body: { email: user.email, secret: user.password },
  });
  const browser = await signedIn(rt, user.id, 'browser');
  const jwt = await encode({ token: { sid: browser.principal.session.id }, secret: rt.keys.nextAuth });
  return {
    a,
    b,
    user,
    token: login.body.accessToken,
    cookie: `${sessionCookieName(rt.config.appUrl)}=${jwt}`,
  };
}

async function trpcGet(path: string, input: unknown, headers: Record<string, string>) {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${server.url}/api/trpc/${path}${query}`, { headers });
  return { status: res.status, body: (await res.json()) as { error?: { data?: { code?: string } } } };
}

const profileName = async (id: string) =>
  (await rt.db.select().from(organizationProfiles).where(eq(organizationProfiles.id, id)))[0]!.name;

describe('x-active-organization-id against the target of the call', () => {
  it("refuses a profile update with A's header on B's profile with 400, though the caller administers both", async () => {
    const { a, b, token } = await adminOfTwo();
    const before = await profileName(b.profile.id);
    const refused = await server.request('POST', '/organization-profiles/update', {
      token,
      body: { _id: b.profile.id, name: 'Renamed through the wrong organization' },
      headers: { 'x-active-organization-id': a.organization.id },
    });
    expectProblem(refused, 400, 'VALIDATION_FAILED');
    expect(await profileName(b.profile.id)).toBe(before);
    const roles = await server.request('POST', '/organization-users/profile-roles', {
      token,
      body: { profileId: b.profile.id, userId: b.member.id, roleCodes: ['basic.viewer'] },
      headers: { 'x-active-organization-id': a.organization.id },
    });
    expectProblem(roles, 400, 'VALIDATION_FAILED');
    const allowed = await server.request('POST', '/organization-profiles/update', {
      token,
      body: { _id: b.profile.id, name: 'Renamed in its own organization' },
      headers: { 'x-active-organization-id': b.organization.id },
    });
    expect(allowed.status).toBe(200);
  });

  it("refuses B's profile with A's header on /api/trpc with 400, and keeps another tenant's profile a 404", async () => {
    const { a, b, cookie } = await adminOfTwo();
    const stranger = await createTenant(rt);
    const refused = await trpcGet(
      'profiles.get',
      { profileId: b.profile.id },
      { cookie, 'x-active-organization-id': a.organization.id },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error?.data?.code).toBe('VALIDATION_FAILED');
    const foreign = await trpcGet(
      'profiles.get',
      { profileId: stranger.profile.id },
      { cookie, 'x-active-organization-id': a.organization.id },
    );
    expect(foreign.status).toBe(404);
    const own = await trpcGet(
      'profiles.get',
      { profileId: a.profile.id },
      { cookie, 'x-active-organization-id': a.organization.id },
    );
    expect(own.status).toBe(200);
  });

  it('answers a non-UUID header with 400 on REST and /api/trpc alike, and a foreign one with 403', async () => {
    const { token, cookie } = await adminOfTwo();
    const stranger = await createTenant(rt);
    const rest = await server.request('GET', '/auth/me', {
      token,
      headers: { 'x-active-organization-id': 'not-an-id' },
    });
    expectProblem(rest, 400, 'VALIDATION_FAILED');
    const trpc = await trpcGet('auth.me', undefined, { cookie, 'x-active-organization-id': 'not-an-id' });
    expect(trpc.status).toBe(400);
    expect(trpc.body.error?.data?.code).toBe('VALIDATION_FAILED');
    const foreign = await trpcGet('auth.me', undefined, {
      cookie,
      'x-active-organization-id': stranger.organization.id,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error?.data?.code).toBe('FORBIDDEN');
  });
});
