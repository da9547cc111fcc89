import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys, organizations } from '@/db/schema';
import { LEASE_MS, withIdempotency } from '@/server/rest/idempotency';
import { expectProblem, startTestServer } from '../helpers/http';
import { emailsTo } from '../helpers/identity';
import { raceTest } from '../helpers/race';
import { createUser, testRuntime } from '../helpers/runtime';

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: Awaited<ReturnType<typeof createUser>>;
let token: string;
const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
  admin = await createUser(rt, { platformRoles: ['platform.admin'] });
  const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
    body: { email: admin.email, secret: admin.password },
  });
  token = login.body.accessToken;
});
afterAll(async () => {
  await server.close();
});

const CREATE = '/admin/organizations/create';
let counter = 0;
const organizationBody = () => ({
  name: `Idempotent ${Date.now()} ${counter++}`,
  taxId: '123456789',
  duns: '123456789',
  address: { country: 'US' },
});
const createOrganization = (body: object, key: string) =>
  server.request<{ _id: string }>('POST', CREATE, { token, body, headers: { 'idempotency-key': key } });
const organizationsNamed = async (name: string) =>
  (await rt.db.select().from(organizations).where(eq(organizations.name, name))).length;
const mails = async (to: string) => (await emailsTo(rt, to)).length;

describe('REST adapter: Idempotency-Key', () => {
  it('returns the first answer to a repeat without acting again', async () => {
    const body = organizationBody();
    const first = await createOrganization(body, `k-${body.name}`);
    const second = await createOrganization(body, `k-${body.name}`);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(first.body);
    expect(await organizationsNamed(body.name)).toBe(1);
  });

  it('fails with 422 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
    await createOrganization(organizationBody(), 'shared-key');
    expectProblem(await createOrganization(organizationBody(), 'shared-key'), 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  raceTest('runs concurrent repeats once', async () => {
    const body = organizationBody();
    const all = await Promise.all(
      Array.from({ length: 4 }, () => createOrganization(body, `c-${body.name}`)),
    );
    expect(all.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(await organizationsNamed(body.name)).toBe(1);
  });

  it('never stores answers that carry secrets (login ignores the header)', async () => {
    const user = await createUser(rt);
    const headers = { 'idempotency-key': `s-${user.id}` };
    const body = { email: user.email, secret: user.password };
    const a = await server.request<{ refreshToken: string }>('POST', '/auth/login', { body, headers });
    const b = await server.request<{ refreshToken: string }>('POST', '/auth/login', { body, headers });
    expect(a.status).toBe(200);
    expect(b.body.refreshToken).not.toEqual(a.body.refreshToken);
  });

  it('ignores the header on public routes: two anonymous callers with one key each get their own answer and mail', async () => {
    const headers = { 'idempotency-key': 'a-key-anyone-could-send' };
    const [alice, bob] = [await createUser(rt), await createUser(rt)];
    const forAlice = await server.request('POST', '/auth/password/reset', {
      body: { email: alice.email },
      headers,
    });
    const forBob = await server.request('POST', '/auth/password/reset', {
      body: { email: bob.email },
      headers,
    });
    expect([forAlice.status, forBob.status]).toEqual([202, 202]);
    expect([await mails(alice.email), await mails(bob.email)]).toEqual([1, 1]);
    // the same body again is another caller's request, not a replay: it acts (and mails) again
    await server.request('POST', '/auth/password/reset', { body: { email: bob.email }, headers });
    expect(await mails(bob.email)).toBe(2);
    expect(await rt.db.select().from(idempotencyKeys)).not.toContainEqual(
      expect.objectContaining({ status: 202 }),
    );
  });
});

describe('Idempotency-Key: the running claim has a lease', () => {
  /** A request that claimed the key and then died: its act never ends. */
  async function crashedRequest(key: string, body: object) {
    const scope = { credential: `user:${admin.id}`, method: 'POST', path: CREATE, key, body };
    void withIdempotency(rt, scope, () => new Promise(() => {}));
    for (let i = 0; i < 100 && (await rt.db.select().from(idempotencyKeys)).length === 0; i++)
      await new Promise((resolve) => setImmediate(resolve));
  }

  it('lets a repeat after the lease take the claim over and run', async () => {
    await rt.db.delete(idempotencyKeys);
    const body = organizationBody();
    await crashedRequest('crashed-key', body);
    rt.clock.advance(LEASE_MS + 1000);
    const retry = await createOrganization(body, 'crashed-key');
    expect(retry.status).toBe(201);
    expect(await organizationsNamed(body.name)).toBe(1);
  });

  it('makes a repeat within the lease wait, then 409 after 30 s on the injected clock', async () => {
    await rt.db.delete(idempotencyKeys);
    const body = organizationBody();
    await crashedRequest('running-key', body);
    let answer: Awaited<ReturnType<typeof createOrganization>> | undefined;
    const pending = createOrganization(body, 'running-key').then((res) => {
      answer = res;
    });
    let advanced = 0;
    while (!answer) {
      rt.clock.advance(1000);
      advanced += 1000;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await pending;
    expectProblem(answer, 409, 'IDEMPOTENCY_IN_PROGRESS');
    expect(advanced).toBeGreaterThan(30_000);
    expect(advanced).toBeLessThan(LEASE_MS);
    expect(await organizationsNamed(body.name)).toBe(0);
  });
});
