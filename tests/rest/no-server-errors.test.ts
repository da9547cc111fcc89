import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '@/server/rest/openapi';
import { REST_PREFIX, restRoutes } from '@/server/rest/routes';
import { startTestServer } from '../helpers/http';
import { createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { createTestRuntime, createUser, type TestRuntime } from '../helpers/runtime';

/**
 * "A 500 from user input is a bug": every route, called by a platform admin (who passes every
 * authorization check and so reaches the deepest code), with bodies built from its own schema
 * where each field in turn gets a wrong type, an odd string, a foreign id or an extreme value.
 */
let rt: TestRuntime;
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
beforeAll(async () => {
  rt = await createTestRuntime();
  server = await startTestServer(rt);
  const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
  const organization = await createOrganizationRow(rt);
  const profile = await createProfileRow(rt, organization.id);
  ids = [organization.id, profile.id, admin.id, randomUUID()];
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
  };
});
afterAll(async () => {
  await server.close();
  await rt.close();
});

type Schema = { properties?: Record<string, unknown> };

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
