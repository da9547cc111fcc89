import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Database } from './client';

export const migrationsFolder = path.resolve(process.cwd(), 'db/migrations');

/** An arbitrary, fixed key: every instance starting at once queues on the same advisory lock. */
const MIGRATION_LOCK = 7_345_001;

/** Applies the committed migrations; two instances starting together apply them once. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    // PGlite is one connection in one process: nobody can race it.
    // biome-ignore lint/suspicious/noExplicitAny: drizzle's migrators are typed per driver
    await migratePglite(database.db as any, { migrationsFolder });
    return;
  }
  // One connection, so the session-level advisory lock and the migration share it.
  const client = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}
