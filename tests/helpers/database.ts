import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { uuidv7 } from 'uuidv7';
import { inject } from 'vitest';
import { type Database, type Db, openDatabase, pgliteExtensions } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import * as schema from '@/db/schema';

/**
 * Tests run on PGlite by default and on PostgreSQL when DATABASE_URL is set. Either way the schema
 * is migrated once into a template (a PGlite dump, or a template database) and each test file gets
 * its own copy, so files run in parallel without seeing each other's rows.
 */
const templateFile = path.resolve('.test-data/pglite-template.tar.gz');

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

const adminUrl = (url: string, database = 'postgres') => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/**
 * Migrates the template and returns the name of its PostgreSQL database (empty on PGlite). Each run
 * has its own template database, so two runs on one server (two checkouts) never drop each other's.
 */
export async function prepareTemplate(): Promise<string> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const pglite = new PGlite({ extensions: pgliteExtensions });
    const database = await openDatabase({ pglite });
    await migrateDatabase(database);
    const dump = await pglite.dumpDataDir('gzip');
    mkdirSync(path.dirname(templateFile), { recursive: true });
    writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
    await pglite.close();
    return '';
  }
  const templateDb = `provena_test_template_${uuidv7().replaceAll('-', '')}`;
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${templateDb}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ url: adminUrl(url, templateDb), maxConnections: 1 });
  await migrateDatabase(database);
  await database.close();
  return templateDb;
}

export async function dropTemplate(templateDb: string): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || !templateDb) return;
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${templateDb} with (force)`);
  } finally {
    await admin.end();
  }
}

export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    if (!existsSync(templateFile))
      throw new Error('Run the tests through vitest: the global setup prepares the template.');
    const pglite = await PGlite.create({
      loadDataDir: new Blob([readFileSync(templateFile)]),
      extensions: pgliteExtensions,
    });
    return openDatabase({ pglite });
  }
  const name = `provena_test_${uuidv7().replaceAll('-', '')}`;
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${inject('templateDatabase')}`);
  const database = await openDatabase({ url: adminUrl(url, name), maxConnections: 10 });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * The same database with every statement's SQL text recorded (Drizzle's logger, on the same client):
 * tests compare what two calls did, e.g. that a known and an unknown email cost the same statements.
 */
export function recordStatements(database: Database): { database: Database; statements: string[] } {
  const statements: string[] = [];
  const options = {
    schema,
    casing: 'snake_case' as const,
    logger: { logQuery: (query: string) => statements.push(query) },
  };
  const client = (database.db as unknown as { $client: unknown }).$client;
  const db = (database.kind === 'pglite'
    ? drizzlePglite(client as PGlite, options)
    : drizzlePostgres(client as postgres.Sql, options)) as unknown as Db;
  return { database: { ...database, db }, statements };
}
