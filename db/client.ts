import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database or a transaction: services take whichever they are given and never reach for another. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** the PostgreSQL URL, when kind is postgres (migrations open their own single connection) */
  url?: string;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { url: string; maxConnections?: number }
  | { dataDir: string }
  | { pglite: PGlite };

export class DatabaseOpenError extends Error {}

/**
 * The extensions the migrations create (0004_pg_trgm, 0009_reports' btree_gist), which PGlite must load on every open:
 * pass them to each `new PGlite(...)` / `PGlite.create(...)`.
 */
export const pgliteExtensions = { pg_trgm, btree_gist };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: 'provena' },
    });
    const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Db;
    return { db, kind: 'postgres', url: options.url, close: () => client.end({ timeout: 5 }) };
  }
  if ('pglite' in options) {
    const db = drizzlePglite(options.pglite, { schema, casing: 'snake_case' }) as unknown as Db;
    return { db, kind: 'pglite', close: () => options.pglite.close() };
  }
  const pglite = await openPgliteDir(options.dataDir);
  const db = drizzlePglite(pglite, { schema, casing: 'snake_case' }) as unknown as Db;
  const lock = path.join(options.dataDir, 'pglite.lock');
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await pglite.close();
      rmSync(lock, { force: true });
    },
  };
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it,
 * so a lock file names the owner. A lock left by a dead process (an unclean stop) is taken over.
 */
async function openPgliteDir(dataDir: string): Promise<PGlite> {
  mkdirSync(dataDir, { recursive: true });
  const lock = path.join(dataDir, 'pglite.lock');
  if (existsSync(lock)) {
    const owner = Number(readFileSync(lock, 'utf8'));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new DatabaseOpenError(
        `The embedded database in ${dataDir} is in use by process ${owner}; stop it first, or set DATA_DIR to another folder.`,
      );
    }
  }
  writeFileSync(lock, String(process.pid));
  const dir = path.join(dataDir, 'pglite');
  try {
    const pglite = new PGlite(dir, { extensions: pgliteExtensions });
    await pglite.waitReady;
    return pglite;
  } catch (error) {
    rmSync(lock, { force: true });
    throw new DatabaseOpenError(
      `The embedded database in ${dir} could not be opened (${(error as Error).message}); move that folder aside and start again to begin with an empty database.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
