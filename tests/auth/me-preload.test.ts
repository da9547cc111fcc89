import { describe, expect, it } from 'vitest';
import { loadSessionPrincipal } from '@/server/modules/auth/services/authenticate-session';
import { getMe } from '@/server/modules/auth/services/get-me';
import { listMyOrganizations } from '@/server/modules/organizations/services/list-my-organizations';
import { callerAs } from '../helpers/callers';
import { startTestServer } from '../helpers/http';
import {
  addMember,
  createOrganizationRow,
  createProfileRow,
  createTenant,
  grantProfileRole,
} from '../helpers/organizations';
import { contextOf, signedIn, testRuntime } from '../helpers/runtime';

const rt = testRuntime();

/**
 * `me` and `organizations.list` declare `preload: 'memberships'`: the REST door loads the
 * memberships with the session in one query. The answer must be the one the separate query gives.
 */
describe('memberships loaded with the session', () => {
  it('answer me and organizations.list exactly like the separate memberships query', async () => {
    const tenant = await createTenant(rt);
    const second = await createOrganizationRow(rt, { name: 'Another Gas Co' });
    const seen = await createProfileRow(rt, second.id, { name: 'Seen profile' });
    await createProfileRow(rt, second.id, { name: 'Hidden profile' });
    await addMember(rt, second.id, tenant.member.id, []);
    await grantProfileRole(rt, seen.id, tenant.member.id, 'basic.viewer');
    const sessionId = tenant.memberCtx.principal.session.id;

    const plain = (await loadSessionPrincipal(rt, sessionId))!;
    const preloaded = (await loadSessionPrincipal(rt, sessionId, { memberships: true }))!;
    expect(plain.memberships).toBeUndefined();
    expect(preloaded.memberships).toHaveLength(2);

    const meOf = (principal: typeof plain) => getMe({ ...contextOf(rt), principal });
    expect(await meOf(preloaded)).toEqual(await meOf(plain));
    const organizationsOf = (principal: typeof plain) => listMyOrganizations({ ...contextOf(rt), principal });
    const listed = await organizationsOf(preloaded);
    expect(listed).toEqual(await organizationsOf(plain));
    expect(listed.items.find((o) => o._id === second.id)?.profiles.map((p) => p.name)).toEqual([
      'Seen profile',
    ]);
  });

  it('answers GET /auth/me over REST as the tRPC procedure does', async () => {
    const server = await startTestServer(rt);
    try {
      const tenant = await createTenant(rt);
      const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
        body: { email: tenant.admin.email, secret: tenant.admin.password },
      });
      const rest = await server.request('GET', '/auth/me', { token: login.body.accessToken });
      expect(rest.status).toBe(200);
      // Signed in after the login above, so lastLoginAt is the same.
      const viaCaller = await callerAs(rt, await signedIn(rt, tenant.admin.id)).auth.me();
      expect(rest.body).toEqual(JSON.parse(JSON.stringify(viaCaller)));
    } finally {
      await server.close();
    }
  });
});
