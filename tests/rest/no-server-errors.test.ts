import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessLocations } from '@/db/schema';
import { openApiDocument } from '@/server/rest/openapi';
import { startTestServer } from '../helpers/http';
import { createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { REST_PREFIX, restRoutes } from '../helpers/rest-routes';
import { createUser, testRuntime } from '../helpers/runtime';

/**
 * "A 500 from user input is a bug": every route, called by a platform admin (who passes every
 * authorization check and so reaches the deepest code), with bodies built from its own schema
 * where each field in turn gets a wrong type, an odd string, a foreign id or an extreme value.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let ids: string[];
/** Bodies that pass validation, so a fuzzed field is the only thing wrong and the code behind runs. */
let validBodies: Record<string, Record<string, unknown>>;

/** A platform admin of its own with a fresh session: some bodies end the caller's session (logout, own password). */
async function freshAdminToken() {
  const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
  const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
    body: { email: admin.email, secret: admin.password },
  });
  return login.body.accessToken;
}
const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
  const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
  const organization = await createOrganizationRow(rt);
  const profile = await createProfileRow(rt, organization.id);
  const [location] = await rt.db
    .insert(businessLocations)
    .values({
      organizationId: organization.id,
      profileId: profile.id,
      name: 'Fuzz Point',
      address: { country: 'US' },
    })
    .returning();
  ids = [organization.id, profile.id, admin.id, location!.id, randomUUID()];
  const person = { email: 'fuzz@example.com', firstName: 'Fu', lastName: 'Zz' };
  validBodies = {
    '/auth/login': { email: admin.email, secret: 'wrong password here' },
    '/organization-users/invite': { organizationId: organization.id, ...person },
    '/organization-users/roles': { organizationId: organization.id, userId: admin.id, roleCodes: [] },
    '/organization-profiles/update': { _id: profile.id, name: 'Fuzzed' },
    '/audit-events/list': { organizationId: organization.id, action: 'member.' },
    '/admin/users/create': { ...person, password: 'a long enough fuzz password' },
    '/admin/users/update': { _id: admin.id, firstName: 'Fuzz' },
    '/admin/users/search': { email: 'fuzz' },
    '/admin/organizations/create': {
      name: 'Fuzz Gas',
      taxId: '123456789',
      duns: '123456789',
      address: { country: 'US' },
    },
    '/admin/organizations/update': { _id: organization.id, name: 'Fuzz Gas', address: { country: 'US' } },
    '/admin/organizations/list': { search: 'fuzz' },
    '/admin/organization-profiles/create': { name: 'Fuzz Profile', organizationId: organization.id },
    '/admin/organization-profiles/update': { _id: profile.id, name: 'Fuzz Profile' },
    '/admin/organization-profiles/search': { name: 'fuzz', participantTags: [{ tag: 'nat_gas_producer' }] },
    '/admin/audit-events/list': { action: 'auth.*' },
    '/business-locations/create': { profileId: profile.id, name: 'Fuzz Field', address: { country: 'US' } },
    '/business-locations/update': { _id: location!.id, name: 'Fuzz Point' },
    '/business-locations/get': { _id: location!.id },
    '/business-locations/list': { profileId: profile.id, sort: { field: 'name', direction: 'asc' } },
    '/business-locations/status': { profileId: profile.id, ids: [location!.id], status: 'active' },
    '/business-locations/points': { profileId: profile.id },
    '/admin/business-locations/create': {
      profileId: profile.id,
      name: 'Fuzz Field',
      address: { country: 'US' },
    },
    '/admin/business-locations/update': { _id: location!.id, name: 'Fuzz Point' },
    '/admin/business-locations/get': { _id: location!.id },
    '/admin/business-locations/list': { q: 'fuzz', withTotal: true },
  };
});
afterAll(async () => {
  await server.close();
});

type Schema = { properties?: Record<string, unknown> };

const cursorOf = (keys: unknown[]) => Buffer.from(JSON.stringify(keys)).toString('base64url');
/** An array nested this deep: past the 32 levels a body may have. */
const nestedValue = (depth: number): unknown => {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
};

const oddValues = (): unknown[] => [
  null,
  12345,
  -1,
  1e308,
  true,
  '',
  ' ',
  'x'.repeat(5000),
  "'; drop table users; --",
  '%_\\',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '😀'.repeat(100),
  '2026-02-30T25:61:00Z',
  '0000-01-01T00:00:00Z',
  '2026-01-01T00:00:00+23:59',
  cursorOf(['a\u0000b', ids[3]]),
  cursorOf(['0000-13-45T25:61:61.000000Z', ids[3]]),
  cursorOf([ids[3], 'x\u0000']),
  cursorOf([12, { a: 1 }]),
  nestedValue(40),
  [],
  [{}],
  {},
  { tag: 'nat_gas_producer' },
  ...ids,
];

function bodiesFor(path: string): unknown[] {
  const document = openApiDocument() as {
    paths: Record<
      string,
      { post?: { requestBody?: { content: { 'application/json': { schema: Schema } } } } }
    >;
  };
  const schema = document.paths[REST_PREFIX + path]?.post?.requestBody?.content['application/json'].schema;
  const fields = Object.keys(schema?.properties ?? {});
  const base = validBodies[path] ?? Object.fromEntries(fields.map((f, i) => [f, ids[i % ids.length]]));
  return [
    {},
    base,
    ...fields.flatMap((field) => oddValues().map((value) => ({ ...base, [field]: value }))),
    ...oddValues().map((value) => ({ cursor: value })),
  ];
}

describe('no route answers 5xx to bad input', () => {
  it.each(restRoutes.filter((r) => r.method === 'POST').map((r) => [r.path, r] as const))(
    'POST %s',
    async (path) => {
      let token = await freshAdminToken();
      let reachedTheProcedure = 0;
      for (const body of bodiesFor(path)) {
        const res = await server.request('POST', path, { token, body });
        expect(
          res.status,
          `${path} ${JSON.stringify(body).slice(0, 200)} -> ${res.text.slice(0, 300)}`,
        ).toBeLessThan(500);
        if (res.status === 401 && ['INVALID_TOKEN', 'UNAUTHENTICATED'].includes(String(res.body.code))) {
          token = await freshAdminToken();
        } else {
          reachedTheProcedure++;
        }
      }
      // The bodies must have got past authentication, or the test would prove nothing.
      expect(reachedTheProcedure).toBeGreaterThan(10);
    },
    60_000,
  );
});

describe('no route answers 5xx to hostile transport', () => {
  const deep = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  it.each(restRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_, route) => {
    const token = await freshAdminToken();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const answers = [
      await fetch(`${server.url}${REST_PREFIX}${route.path}`, { method: 'POST', headers, body: deep }),
      await fetch(`${server.url}/api/trpc/${route.procedure}`, { method: 'POST', headers, body: deep }),
      await fetch(`${server.url}/api/trpc/${route.procedure}?input=${encodeURIComponent(nestedText(1000))}`),
      await fetch(`${server.url}${REST_PREFIX}${route.path}%zz`, { method: route.method, headers }),
      await fetch(`${server.url}${REST_PREFIX}${route.path}/%E0%A4%A`, { method: route.method, headers }),
      await fetch(`${server.url}/api/trpc/${route.procedure}%`, { headers }),
    ];
    for (const [i, res] of answers.entries()) {
      expect(res.status, `${route.path} #${i} -> ${(await res.text()).slice(0, 200)}`).toBeLessThan(500);
    }
  });
});

const nestedText = (depth: number) => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
