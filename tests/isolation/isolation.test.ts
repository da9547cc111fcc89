import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@/server/core/context';
import { createEntryContext } from '@/server/core/request-context';
import { appRouter, createCaller } from '@/server/routers';
import { startTestServer } from '../helpers/http';
import { restRoutes } from '../helpers/rest-routes';
import { createTestRuntime, signedIn, type TestRuntime, testMeta } from '../helpers/runtime';
import { createTwoTenants, snapshot, type TwoTenants } from './fixtures';
import { attacks, tenantFree } from './matrix';

let rt: TestRuntime;
let t: TwoTenants;
let server: Awaited<ReturnType<typeof startTestServer>>;
let tokenA: string;
beforeAll(async () => {
  rt = await createTestRuntime();
  t = await createTwoTenants(rt);
  server = await startTestServer(rt);
  const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
    body: { email: t.a.admin.email, secret: t.a.admin.password },
  });
  tokenA = login.body.accessToken;
});
afterAll(async () => {
  await server.close();
  await rt.close();
});

const procedures = Object.keys((appRouter as unknown as { _def: { procedures: object } })._def.procedures);

async function callAs(principal: Principal, path: string, input: unknown, named?: string) {
  const caller = createCaller(createEntryContext(rt, testMeta(), principal, { named })) as unknown as Record<
    string,
    unknown
  >;
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

/** The status the REST adapter would answer for a thrown error (AppError as the cause of a TRPCError). */
const statusOf = (error: unknown) =>
  (error as { cause?: { status?: number } }).cause?.status ?? (error as { status?: number }).status;

describe('tenant isolation: procedures', () => {
  it('names every procedure: tenant-scoped ones are in the matrix, the rest are admin-only or tenant-free', () => {
    const covered = new Set(attacks.map((a) => a.procedure));
    const unclassified = procedures.filter(
      (p) => !covered.has(p) && !tenantFree.has(p) && !p.startsWith('admin.'),
    );
    expect(unclassified).toEqual([]);
  });

  it.each(attacks.map((a) => [a.procedure, a.what, a] as const))(
    'refuses %s on %s with 403 or 404 and changes nothing',
    async (procedure, _what, attack) => {
      const actorCtx = await signedIn(rt, t.a.admin.id);
      const before = await snapshot(rt);
      const error = await callAs(
        actorCtx.principal,
        procedure,
        attack.input(t),
        attack.activeOrganization?.(t),
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, `${procedure} succeeded`).toBeDefined();
      expect([403, 404]).toContain(statusOf(error));
      expect(await snapshot(rt)).toBe(before);
    },
  );

  it.each(procedures.filter((p) => p.startsWith('admin.')))(
    'refuses admin procedure %s to an organization admin with 403',
    async (procedure) => {
      const actorCtx = await signedIn(rt, t.a.admin.id);
      const before = await snapshot(rt);
      const error = await callAs(actorCtx.principal, procedure, {}).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(statusOf(error)).toBe(403);
      expect(await snapshot(rt)).toBe(before);
    },
  );

  it("lists only the caller's own organizations and profiles", async () => {
    const actorCtx = await signedIn(rt, t.a.admin.id);
    const result = (await callAs(actorCtx.principal, 'organizations.list', {})) as {
      items: { _id: string; profiles: { _id: string }[] }[];
    };
    expect(result.items.map((o) => o._id)).toEqual([t.a.organization.id]);
    expect(result.items[0]!.profiles.map((p) => p._id)).toEqual([t.a.profile.id]);
  });
});

describe('tenant isolation: REST', () => {
  const restAttacks = attacks.flatMap((attack) => {
    const route = restRoutes.find((r) => r.procedure === attack.procedure);
    return route ? [[`${route.method} ${route.path}`, attack.what, route, attack] as const] : [];
  });

  it('covers every tenant-scoped REST route', () => {
    const covered = new Set(restAttacks.map(([, , route]) => route.path));
    const missing = restRoutes
      .filter((r) => r.auth !== 'public' && !r.procedure.startsWith('admin.') && !tenantFree.has(r.procedure))
      .filter((r) => !covered.has(r.path))
      .map((r) => r.path);
    expect(missing).toEqual([]);
  });

  it.each(restAttacks)(
    'answers %s on %s with a 403 or 404 problem and changes nothing',
    async (_, _what, route, attack) => {
      const before = await snapshot(rt);
      const active = attack.activeOrganization?.(t);
      const res = await server.request(route.method, route.path, {
        token: tokenA,
        body: route.method === 'POST' ? attack.input(t) : undefined,
        headers: active ? { 'x-active-organization-id': active } : {},
      });
      expect([403, 404]).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await snapshot(rt)).toBe(before);
    },
  );

  it.each(restRoutes.filter((r) => r.procedure.startsWith('admin.')).map((r) => [r.path, r] as const))(
    'answers admin route %s with 403 to an organization admin',
    async (_, route) => {
      const before = await snapshot(rt);
      const res = await server.request(route.method, route.path, { token: tokenA, body: {} });
      expect(res.status).toBe(403);
      expect(await snapshot(rt)).toBe(before);
    },
  );

  it('refuses x-active-organization-id of another tenant with 403, and a body naming another organization with 400', async () => {
    const foreign = await server.request('POST', '/organization-users/list', {
      token: tokenA,
      body: {},
      headers: { 'x-active-organization-id': t.b.organization.id },
    });
    expect(foreign.status).toBe(403);
    const mismatch = await server.request('POST', '/organization-users/list', {
      token: tokenA,
      body: { organizationId: t.b.organization.id },
      headers: { 'x-active-organization-id': t.a.organization.id },
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it("lists A's members with A's header and never B's", async () => {
    const res = await server.request<{ items: { _id: string }[] }>('POST', '/organization-users/list', {
      token: tokenA,
      body: {},
      headers: { 'x-active-organization-id': t.a.organization.id },
    });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((m) => m._id).sort();
    expect(ids).toEqual([t.a.admin.id, t.a.member.id].sort());
  });
});
