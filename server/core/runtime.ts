import 'server-only';
import { Redis } from 'ioredis';
import pino, { type Logger } from 'pino';
import { type Database, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { postgresCounterStore, redisCounterStore } from '@/server/modules/auth/counter-stores';
import { createPasswordHasher, makeDecoyHash, type PasswordHasher } from '@/server/modules/auth/passwords';
import { type CounterStore, createLimiter, type Limiter } from '@/server/modules/auth/rate-limit';
import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import { deriveKeys, type Keys } from './crypto';
import { serializeError } from './log-errors';

/** Everything a request needs that lives for the whole process, created once at start. */
export type Runtime = Readonly<{
  config: Config;
  database: Database;
  db: Database['db'];
  clock: Clock;
  log: Logger;
  keys: Keys;
  hasher: PasswordHasher;
  /** verified against when an email is unknown, so both cases take the same time */
  decoyHash: string;
  limiter: Limiter;
  /** the counters behind `limiter`, for other limits (an API key's requests a minute) */
  counters: CounterStore;
  close(): Promise<void>;
}>;

export type RuntimeOptions = { clock?: Clock; database?: Database; log?: Logger };

export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const baseLog =
    options.log ??
    pino({
      level: config.logLevel,
      redact: {
        paths: [
          '*.password',
          '*.oneTimePassword',
          '*.secret',
          '*.token',
          '*.authorization',
          '*["client-key"]',
        ],
        censor: '[redacted]',
      },
    });
  // Every error logged, however it got here, leaves its query's parameters out of the log.
  const log = baseLog.child({}, { serializers: { err: serializeError } });
  const database =
    options.database ??
    (await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir }));
  await migrateDatabase(database);
  const clock = options.clock ?? systemClock;
  const hasher = createPasswordHasher(config);
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;
  const store = redis ? redisCounterStore(redis) : postgresCounterStore(database.db);
  const keys = deriveKeys(config.authSecret);
  return Object.freeze({
    config,
    database,
    db: database.db,
    clock,
    log,
    keys,
    hasher,
    decoyHash: await makeDecoyHash(hasher),
    limiter: createLimiter(store, clock, keys.rateLimitKey),
    counters: store,
    async close() {
      redis?.disconnect();
      await database.close();
    },
  });
}

const RUNTIME = Symbol.for('provena.runtime');
type GlobalWithRuntime = typeof globalThis & { [RUNTIME]?: Runtime };

/** Next's bundle reads the runtime the entry created; it never opens a database of its own. */
export function getRuntime(): Runtime {
  const runtime = (globalThis as GlobalWithRuntime)[RUNTIME];
  if (!runtime)
    throw new Error(
      'The Provena runtime is not started: run the app through server/http (npm run dev / npm start).',
    );
  return runtime;
}

export function setRuntime(runtime: Runtime | undefined): void {
  (globalThis as GlobalWithRuntime)[RUNTIME] = runtime;
}
