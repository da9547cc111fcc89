import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import { organizationProfiles, organizations, users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { searchUsers } from '@/server/modules/admin/services/search-users';
import { listAuditEvents } from '@/server/modules/audit/services/list-audit-events';
import { listOrganizations } from '@/server/modules/organizations/services/list-organizations';
import { searchProfiles } from '@/server/modules/profiles/services/search-profiles';
import { contextOf, signedIn, testRuntime } from '../helpers/runtime';
import { createStaff } from './helpers';

/**
 * The contains-searches (`lower(col) like '%x%'`) are served by the GIN trigram indexes of
 * 0005_trigram_search. The query each service really sends is captured and EXPLAINed with
 * sequential scans off: the plan must read the trigram index. PGlite is PostgreSQL too (with
 * pg_trgm loaded), so the plans are checked on both.
 */
let staff: Awaited<ReturnType<typeof createStaff>>;
const stamp = Date.now().toString(36);
const ROWS = 2000;
/** in one row of each table, sharing no trigram with the filler rows */
const needle = `jqvzkw${stamp}`;

const rt = testRuntime();
beforeAll(async () => {
  staff = await createStaff(rt);
  const [organization] = await rt.db
    .insert(organizations)
    .values([
      { name: `Found ${needle}` },
      ...Array.from({ length: ROWS }, (_, i) => ({ name: `Filler organization ${i}` })),
    ])
    .returning({ id: organizations.id });
  await rt.db
    .insert(users)
    .values([
      { email: `${needle}@example.com` },
      ...Array.from({ length: ROWS }, (_, i) => ({ email: `filler-${i}@example.com` })),
    ]);
  await rt.db.insert(organizationProfiles).values(
    [`Found ${needle}`, ...Array.from({ length: ROWS }, (_, i) => `Filler profile ${i}`)].map((name) => ({
      organizationId: organization!.id,
      name,
    })),
  );
  // VACUUM moves the rows out of the GIN pending list and records the index's statistics, as
  // autovacuum would; before it the planner sees a trigram index with no entries.
  await execute('vacuum analyze users, organizations, organization_profiles');
}, 60_000);

const client = () => (rt.db as unknown as { $client: unknown }).$client;

async function execute(text: string) {
  if (rt.database.kind === 'pglite') await (client() as PGlite).exec(text);
  else await (client() as postgres.Sql).unsafe(text);
}

/** Runs `call` on a db that records its statements; returns its answer and its last statement with parameters. */
async function lastStatement<T>(call: (ctx: UserContext) => Promise<T>) {
  const statements: { query: string; params: unknown[] }[] = [];
  const options = {
    schema,
    casing: 'snake_case' as const,
    logger: { logQuery: (query: string, params: unknown[]) => statements.push({ query, params }) },
  };
  const db = (rt.database.kind === 'pglite'
    ? drizzlePglite(client() as PGlite, options)
    : drizzlePostgres(client() as postgres.Sql, options)) as unknown as Db;
  const actor = await signedIn(rt, staff.admin.id);
  const answer = await call({ ...contextOf(rt), ...actor, db });
  return { answer, statement: statements.at(-1)!, statements };
}

/** The plan of a statement with sequential scans off (in one transaction, so on one connection), as text. */
async function planOf(statement: { query: string; params: unknown[] }) {
  const explain = `explain ${statement.query}`;
  const rows =
    rt.database.kind === 'pglite'
      ? await (client() as PGlite).transaction(async (tx) => {
          await tx.exec('set local enable_seqscan = off');
          return (await tx.query(explain, statement.params)).rows;
        })
      : await (client() as postgres.Sql).begin(async (tx) => {
          await tx.unsafe('set local enable_seqscan = off');
          return tx.unsafe(explain, statement.params as postgres.ParameterOrJSON<never>[]);
        });
  return (rows as { 'QUERY PLAN': string }[]).map((row) => row['QUERY PLAN']).join('\n');
}

describe('the contains-searches use the trigram indexes', () => {
  it('admin user search by email reads users_email_trgm_idx', async () => {
    const { answer, statement } = await lastStatement((ctx) =>
      searchUsers(ctx, { email: needle.toUpperCase() }),
    );
    expect(answer.items.map((user) => user.email)).toEqual([`${needle}@example.com`]);
    expect(statement.query).toMatch(/lower\("users"\."email"\) like \$\d+/);
    expect(await planOf(statement)).toContain('users_email_trgm_idx');
  });

  it('organization list search by name reads organizations_name_trgm_idx', async () => {
    const { answer, statement } = await lastStatement((ctx) => listOrganizations(ctx, { search: needle }));
    expect(answer.items.map((organization) => organization.name)).toEqual([`Found ${needle}`]);
    expect(await planOf(statement)).toContain('organizations_name_trgm_idx');
  });

  it('profile search by name reads organization_profiles_name_trgm_idx', async () => {
    const { answer, statement } = await lastStatement((ctx) => searchProfiles(ctx, { name: needle }));
    expect(answer.items.map((profile) => profile.name)).toEqual([`Found ${needle}`]);
    expect(await planOf(statement)).toContain('organization_profiles_name_trgm_idx');
  });
});

describe('the staff audit log in time order uses audit_events_at_idx (0006_audit_at_index)', () => {
  it.each(['desc', 'asc'] as const)(
    'unfiltered, %s: the page is an index scan, not a sort of the table',
    async (direction) => {
      await execute(`insert into audit_events (id, action, at)
      select gen_random_uuid(), 'auth.login', now() - n * interval '1 second' from generate_series(1, ${ROWS}) n`);
      await execute('analyze audit_events');
      const { answer, statements } = await lastStatement((ctx) =>
        listAuditEvents(ctx, { sort: { field: 'at', direction }, limit: 10 }),
      );
      expect(answer.items).toHaveLength(10);
      const page = statements.find((statement) => /order by/i.test(statement.query))!;
      expect(await planOf(page)).toContain('audit_events_at_idx');
    },
  );
});
