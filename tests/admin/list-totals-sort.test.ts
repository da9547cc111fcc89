import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { AUDIT_EXACT_COUNT_LIMIT } from '@/server/modules/admin/schemas';
import { startTestServer } from '../helpers/http';
import { createOrganizationRow, createProfileRow, createTenant } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { STRONG_PASSWORD, testRuntime } from '../helpers/runtime';
import { type Caller, callerFor, createStaff, messageAt } from './helpers';

/**
 * The admin lists (users, organizations, profiles, audit) count what their filters match and
 * sort by an allowed field in either direction, with cursor and offset paging in that order.
 */
let staff: Awaited<ReturnType<typeof createStaff>>;
const rt = testRuntime();
beforeAll(async () => {
  staff = await createStaff(rt);
});

const tag = `t${Date.now().toString(36)}`;
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

/** Every page of a list in one order, by cursor, `limit` at a time. */
async function walk<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await fetchPage(cursor);
    all.push(...page.items);
    if (!page.nextCursor) return all;
    cursor = page.nextCursor;
  }
  throw new Error('more than 20 pages');
}

describe('admin users search: total and sort', () => {
  const names = ['carol', 'alice', 'erin', 'bob', 'dave'];
  beforeAll(async () => {
    await rt.db.insert(users).values(
      names.map((name, i) => ({
        email: `${name}.${tag}@example.com`,
        firstName: name === 'erin' ? 'Aaron' : name.toUpperCase(),
        lastName: 'Zed',
        createdAt: minutesAgo(10 - i),
      })),
    );
    // another user that the filter leaves out
    await rt.db.insert(users).values({ email: `frank.other-${Date.now()}@example.com` });
  });

  const search = (input: Record<string, unknown> = {}) =>
    staff.asAdmin.admin.users.search({ email: `.${tag}@`, ...input });

  it('counts every match, all pages, and only the matches', async () => {
    const page = await search({ limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(5);
    const all = await staff.asAdmin.admin.users.search({ email: '' });
    expect(all.total).toBeGreaterThanOrEqual(5 + 1 + 3);
  });

  it('sorts by email either way (the default is email ascending) and walks the cursor in that order', async () => {
    const sorted = names.map((n) => `${n}.${tag}@example.com`).sort();
    expect((await search()).items.map((u) => u.email)).toEqual(sorted);
    const descending = await walk((cursor) =>
      search({ sort: { field: 'email', direction: 'desc' }, limit: 2, cursor }),
    );
    expect(descending.map((u) => u.email)).toEqual([...sorted].reverse());
    const ascending = await walk((cursor) =>
      search({ sort: { field: 'email', direction: 'asc' }, limit: 2, cursor }),
    );
    expect(ascending.map((u) => u.email)).toEqual(sorted);
  });

  it('sorts by name and by creation, both directions, and pages by offset', async () => {
    const byName = await walk((cursor) =>
      search({ sort: { field: 'name', direction: 'asc' }, limit: 2, cursor }),
    );
    expect(byName.map((u) => u.firstName)).toEqual(['Aaron', 'ALICE', 'BOB', 'CAROL', 'DAVE']);
    const newest = await walk((cursor) =>
      search({ sort: { field: 'createdAt', direction: 'desc' }, limit: 2, cursor }),
    );
    expect(newest.map((u) => u.email.split('.')[0])).toEqual([...names].reverse());
    const oldest = await search({ sort: { field: 'createdAt', direction: 'asc' } });
    expect(oldest.items.map((u) => u.email.split('.')[0])).toEqual(names);
    const third = await search({ sort: { field: 'createdAt', direction: 'asc' }, limit: 2, offset: 2 });
    expect(third.items.map((u) => u.email.split('.')[0])).toEqual(['erin', 'bob']);
    expect(third.total).toBe(5);
  });

  it('refuses a field outside the allowed set, a bad direction and a cursor of another order with 400', async () => {
    const field = await expectRefused(
      search({ sort: { field: 'passwordHash', direction: 'asc' } } as never),
      'VALIDATION_FAILED',
    );
    expect(field.status).toBe(400);
    expect(messageAt(field.errors, 'sort.field')).toBe('must be one of: email, name, status, createdAt');
    const direction = await expectRefused(
      search({ sort: { field: 'email', direction: 'up' } } as never),
      'VALIDATION_FAILED',
    );
    expect(messageAt(direction.errors, 'sort.direction')).toBe('must be asc or desc');
    const byName = await search({ sort: { field: 'name', direction: 'asc' }, limit: 1 });
    const mixed = await expectRefused(
      search({ sort: { field: 'email', direction: 'asc' }, cursor: byName.nextCursor! }),
      'VALIDATION_FAILED',
    );
    expect(mixed.status).toBe(400);
    const negative = await expectRefused(search({ offset: -1 }), 'VALIDATION_FAILED');
    expect(negative.status).toBe(400);
  });
});

describe('admin organizations list: total and sort', () => {
  beforeAll(async () => {
    const specs = [
      { name: `Bravo ${tag}`, profiles: 2, status: 'active' as const },
      { name: `alpha ${tag}`, profiles: 0, status: 'active' as const },
      { name: `Delta ${tag}`, profiles: 3, status: 'archive' as const },
      { name: `charlie ${tag}`, profiles: 1, status: 'active' as const },
    ];
    for (const [i, spec] of specs.entries()) {
      const organization = await createOrganizationRow(rt, {
        name: spec.name,
        status: spec.status,
        createdAt: minutesAgo(10 - i),
      });
      for (let p = 0; p < spec.profiles; p++) await createProfileRow(rt, organization.id);
    }
  });

  const list = (input: Record<string, unknown> = {}) =>
    staff.asAdmin.admin.organizations.list({ search: tag, ...input });
  const namesOf = (items: { name: string }[]) => items.map((o) => o.name.split(' ')[0]);

  it('counts the matches of search and status together', async () => {
    expect((await list({ limit: 1 })).total).toBe(4);
    expect((await list({ status: 'active' })).total).toBe(3);
    expect((await list({ status: 'archive' })).total).toBe(1);
    expect((await list({ search: `nothing ${tag}` })).total).toBe(0);
  });

  it('sorts by name any case by default, by profile count and by status either way', async () => {
    expect(namesOf((await list()).items)).toEqual(['alpha', 'Bravo', 'charlie', 'Delta']);
    expect(namesOf((await list({ sort: { field: 'name', direction: 'desc' } })).items)).toEqual([
      'Delta',
      'charlie',
      'Bravo',
      'alpha',
    ]);
    const most = await walk((cursor) =>
      list({ sort: { field: 'profileCount', direction: 'desc' }, limit: 1, cursor }),
    );
    expect(most.map((o) => o.profileCount)).toEqual([3, 2, 1, 0]);
    const fewest = await walk((cursor) =>
      list({ sort: { field: 'profileCount', direction: 'asc' }, limit: 3, cursor }),
    );
    expect(namesOf(fewest)).toEqual(['alpha', 'charlie', 'Bravo', 'Delta']);
    const byStatus = await list({ sort: { field: 'status', direction: 'desc' } });
    expect(byStatus.items[0]!.status).toBe('archive');
    const newest = await list({ sort: { field: 'createdAt', direction: 'desc' }, limit: 2, offset: 1 });
    expect(namesOf(newest.items)).toEqual(['Delta', 'alpha']);
  });

  it('refuses a field outside the allowed set with 400', async () => {
    const refusal = await expectRefused(
      list({ sort: { field: 'taxId', direction: 'asc' } } as never),
      'VALIDATION_FAILED',
    );
    expect(refusal.status).toBe(400);
    expect(messageAt(refusal.errors, 'sort.field')).toBe(
      'must be one of: name, status, createdAt, profileCount',
    );
  });
});

describe('admin profiles search: total and sort', () => {
  let firstOrg: string;
  beforeAll(async () => {
    const one = await createOrganizationRow(rt, { name: `Zulu ${tag}` });
    const two = await createOrganizationRow(rt, { name: `Yankee ${tag}` });
    firstOrg = one.id;
    await createProfileRow(rt, one.id, { name: `p-b ${tag}` });
    await createProfileRow(rt, one.id, { name: `p-a ${tag}` });
    await createProfileRow(rt, two.id, { name: `p-c ${tag}` });
  });

  const search = (input: Record<string, unknown> = {}) =>
    staff.asAdmin.admin.profiles.search({ name: `${tag}`, ...input });

  it('counts with the name, organization and tag filters', async () => {
    expect((await search({ limit: 1 })).total).toBe(3);
    expect((await search({ organizationId: firstOrg })).total).toBe(2);
    expect((await search({ participantTags: [{ tag: 'nat_gas_producer' }] })).total).toBe(3);
    expect((await search({ participantTags: [{ tag: 'nat_gas_buyer' }] })).total).toBe(0);
  });

  it('sorts by name and by organization name, both directions', async () => {
    const names = (items: { name: string }[]) => items.map((p) => p.name.split(' ')[0]);
    expect(names((await search()).items)).toEqual(['p-a', 'p-b', 'p-c']);
    expect(names((await search({ sort: { field: 'name', direction: 'desc' } })).items)).toEqual([
      'p-c',
      'p-b',
      'p-a',
    ]);
    const byOrg = await walk((cursor) =>
      search({ sort: { field: 'organizationName', direction: 'asc' }, limit: 1, cursor }),
    );
    expect(byOrg.map((p) => p.organizationName.split(' ')[0])).toEqual(['Yankee', 'Zulu', 'Zulu']);
    const byOrgDesc = await search({ sort: { field: 'organizationName', direction: 'desc' } });
    expect(byOrgDesc.items.at(-1)!.organizationName).toBe(`Yankee ${tag}`);
  });

  it('refuses a field outside the allowed set with 400', async () => {
    const refusal = await expectRefused(
      search({ sort: { field: 'participantTags', direction: 'asc' } } as never),
      'VALIDATION_FAILED',
    );
    expect(refusal.status).toBe(400);
  });
});

describe('admin audit list: total and sort', () => {
  let organizationId: string;
  beforeAll(async () => {
    organizationId = (await createOrganizationRow(rt)).id;
    const actions = ['member.invited', 'organization.updated', 'member.removed', 'member.invited'];
    await rt.db
      .insert(auditEvents)
      .values(actions.map((action, i) => ({ action, organizationId, at: minutesAgo(10 - i) })));
  });

  const list = (input: Record<string, unknown> = {}) =>
    staff.asAdmin.admin.audit.list({ organizationId, ...input });

  it('counts exactly with the filters (not an estimate at this size)', async () => {
    expect(await list({ limit: 1 })).toMatchObject({ total: 4, totalIsEstimate: false });
    expect((await list({ action: 'member.' })).total).toBe(3);
    expect((await list({ action: 'member.invited' })).total).toBe(2);
    expect((await list({ from: minutesAgo(8.5).toISOString() })).total).toBe(2);
  });

  it('lists newest first by default, oldest first on asking, and by action', async () => {
    const newest = await walk((cursor) => list({ limit: 3, cursor }));
    const oldest = await walk((cursor) =>
      list({ sort: { field: 'at', direction: 'asc' }, limit: 3, cursor }),
    );
    expect(newest.map((e) => e.at)).toEqual([...oldest.map((e) => e.at)].reverse());
    expect(newest[0]!.action).toBe('member.invited');
    expect(oldest.map((e) => e.action)).toEqual([
      'member.invited',
      'organization.updated',
      'member.removed',
      'member.invited',
    ]);
    const byAction = await walk((cursor) =>
      list({ sort: { field: 'action', direction: 'desc' }, limit: 1, cursor }),
    );
    expect(byAction.map((e) => e.action)).toEqual([
      'organization.updated',
      'member.removed',
      'member.invited',
      'member.invited',
    ]);
  });

  it('beyond AUDIT_EXACT_COUNT_LIMIT matches, says the total is the planner estimate', async () => {
    const big = (await createOrganizationRow(rt)).id;
    await rt.db.execute(sql`insert into ${auditEvents} (id, action, organization_id, at)
      select gen_random_uuid(), 'member.invited', ${big}::uuid, now() - n * interval '1 second'
      from generate_series(1, ${AUDIT_EXACT_COUNT_LIMIT + 50}) n`);
    const page = await staff.asAdmin.admin.audit.list({ organizationId: big, limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.totalIsEstimate).toBe(true);
    expect(page.total).toBeGreaterThan(AUDIT_EXACT_COUNT_LIMIT);
    const few = await staff.asAdmin.admin.audit.list({
      organizationId: big,
      from: minutesAgo(1).toISOString(),
    });
    expect(few).toMatchObject({ totalIsEstimate: false });
    expect(few.total).toBeLessThanOrEqual(61);
  });

  it('refuses a field outside the allowed set with 400', async () => {
    const refusal = await expectRefused(
      list({ sort: { field: 'ip', direction: 'asc' } } as never),
      'VALIDATION_FAILED',
    );
    expect(messageAt(refusal.errors, 'sort.field')).toBe('must be one of: at, action');
  });
});

describe('the lists stay admin-only', () => {
  const calls: [string, (caller: Caller) => Promise<unknown>][] = [
    ['users', (c) => c.admin.users.search({ email: '', sort: { field: 'email', direction: 'desc' } })],
    ['organizations', (c) => c.admin.organizations.list({ sort: { field: 'name', direction: 'desc' } })],
    ['profiles', (c) => c.admin.profiles.search({ sort: { field: 'name', direction: 'desc' } })],
    ['audit', (c) => c.admin.audit.list({ sort: { field: 'at', direction: 'asc' } })],
  ];

  it.each(calls)('%s: a tenant administrator and a plain user are refused with 403', async (_, call) => {
    const tenant = await createTenant(rt);
    for (const caller of [await callerFor(rt, tenant.admin.id), staff.asPlain]) {
      const refusal = await expectRefused(call(caller), 'FORBIDDEN');
      expect(refusal.status).toBe(403);
    }
  });
});

describe('over REST', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer(rt);
    const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
      body: { email: staff.admin.email, secret: STRONG_PASSWORD },
    });
    token = login.body.accessToken;
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers total beside the old fields, and 400 for a sort field not allowed', async () => {
    const ok = await server.request<Record<string, unknown>>('POST', '/admin/organizations/list', {
      token,
      body: { search: tag, sort: { field: 'profileCount', direction: 'desc' }, limit: 2 },
    });
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.body).sort()).toEqual(['items', 'nextCursor', 'total']);
    const viaTrpc = await staff.asAdmin.admin.organizations.list({ search: tag });
    expect(ok.body.total).toBe(viaTrpc.total);
    expect((ok.body.items as { profileCount: number }[])[0]!.profileCount).toBe(3);
    const bad = await server.request<Record<string, unknown>>('POST', '/admin/users/search', {
      token,
      body: { email: '', sort: { field: 'passwordHash', direction: 'asc' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
