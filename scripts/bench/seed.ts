import { randomBytes } from 'node:crypto';

/**
 * `deviceToken`: from the account's first sign-in, sent with the later ones as a real client
 * would. Without it, more than 5 sign-ins in flight at once for one email meet the per-email delay.
 */
export type BenchAccount = { email: string; password: string; deviceToken?: string };

type TokenPair = { accessToken: string; refreshToken: string; deviceToken: string };

/** A password the policy accepts (16+ random characters are never on the common list). */
export const randomPassword = () => `Bench-${randomBytes(18).toString('base64url')}`;

/**
 * The first admin starts with a temporary password: sign in, change it with the restricted
 * token (as a new user would), and return the account that now signs in normally.
 */
export async function activateAdmin(
  url: string,
  email: string,
  temporaryPassword: string,
): Promise<BenchAccount> {
  const first = await post(url, '/api/v1/auth/login', { email, secret: temporaryPassword });
  const problem = (await first.json()) as { code?: string; restrictedToken?: string };
  if (first.status !== 403 || problem.code !== 'PASSWORD_CHANGE_REQUIRED' || !problem.restrictedToken) {
    throw new Error(
      `expected 403 PASSWORD_CHANGE_REQUIRED at first login, got ${first.status} ${JSON.stringify(problem)}`,
    );
  }
  const password = randomPassword();
  const changed = await post(
    url,
    '/api/v1/auth/password',
    { password, oldPassword: temporaryPassword },
    {
      authorization: `Bearer ${problem.restrictedToken}`,
    },
  );
  if (changed.status !== 204)
    throw new Error(`password change failed: ${changed.status} ${await changed.text()}`);
  return { email, password };
}

/**
 * Makes the account the administrator of an organization with three profiles, so `me` and the
 * organization reads measure a user with a real tenant rather than one with nothing to load.
 */
export async function seedOrganization(url: string, accessToken: string) {
  const auth = { authorization: `Bearer ${accessToken}` };
  const created = await post(
    url,
    '/api/v1/admin/organizations/create',
    { name: 'Bench Gas Co', taxId: '123456789', duns: '123456789' },
    auth,
  );
  if (created.status !== 201)
    throw new Error(`organization create failed: ${created.status} ${await created.text()}`);
  const organization = (await created.json()) as { _id: string };
  for (const name of ['Permian Upstream', 'Appalachia Upstream', 'Gulf Buying']) {
    const profile = await post(
      url,
      '/api/v1/admin/organization-profiles/create',
      {
        name,
        organizationId: organization._id,
        participantTypes: ['producer'],
        participantTags: [{ tag: 'nat_gas_producer' }],
      },
      auth,
    );
    if (profile.status !== 201)
      throw new Error(`profile create failed: ${profile.status} ${await profile.text()}`);
  }
  const me = (await (await fetch(`${url}/api/v1/auth/me`, { headers: auth })).json()) as {
    user: { _id: string };
  };
  const linked = await post(
    url,
    '/api/v1/admin/users/role-links/add',
    {
      userId: me.user._id,
      roleLinks: [
        { roleCode: 'default.organization.admin', entityType: 'organization', entityId: organization._id },
      ],
    },
    auth,
  );
  if (linked.status !== 200) throw new Error(`role link failed: ${linked.status} ${await linked.text()}`);
  return organization._id;
}

/** Signs in `count` times (a session each), a few at a time; keeps the first one's device token. */
export async function openSessions(url: string, account: BenchAccount, count: number): Promise<TokenPair[]> {
  const sessions: TokenPair[] = [await signIn(url, account)];
  account.deviceToken = sessions[0]!.deviceToken;
  while (sessions.length < count) {
    const batch = Math.min(8, count - sessions.length);
    sessions.push(...(await Promise.all(Array.from({ length: batch }, () => signIn(url, account)))));
  }
  return sessions;
}

async function signIn(url: string, account: BenchAccount): Promise<TokenPair> {
  const res = await post(url, '/api/v1/auth/login', {
    email: account.email,
    secret: account.password,
    ...(account.deviceToken ? { deviceToken: account.deviceToken } : {}),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as TokenPair;
}

function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
