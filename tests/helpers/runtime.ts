import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '@/db/client';
import { roleLinks, users } from '@/db/schema';
import { manualClock } from '@/server/core/clock';
import { loadConfig } from '@/server/core/config';
import type { Principal, RequestContext, RequestMeta, UserContext } from '@/server/core/context';
import { createRuntime, type Runtime } from '@/server/core/runtime';
import { loadSessionPrincipal } from '@/server/modules/auth/services/authenticate-session';
import { startSession } from '@/server/modules/auth/services/start-session';
import { openTestDatabase } from './database';

export type TestClock = ReturnType<typeof manualClock>;
export type TestRuntime = Runtime & { clock: TestClock };

export async function createTestRuntime(
  env: Record<string, string> = {},
  options: { database?: Database; log?: Logger } = {},
): Promise<TestRuntime> {
  const config = loadConfig({
    NODE_ENV: 'test',
    APP_ENV: 'test',
    AUTH_SECRET: 'test-secret-that-is-long-enough-0123456789',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'provena-test-')),
    APP_URL: 'http://localhost:3999',
    ...env,
  });
  const clock = manualClock(new Date());
  const rt = await createRuntime(config, {
    clock,
    database: options.database ?? (await openTestDatabase()),
    log: options.log ?? pino({ level: 'silent' }),
  });
  return rt as TestRuntime;
}

type RuntimeOptions = { database?: Database; log?: Logger };

/**
 * The file's runtime, in place of `let rt; beforeAll(create); afterAll(close)`: registers those two
 * hooks where it is called (top level: the file; inside a describe: that block) and returns a
 * handle that stands for the runtime once the first hook has run. Hooks the file registers after
 * this call run after the runtime exists, and their afterAll before it closes. `options` may be a
 * function when it needs awaiting (a recorded database) or per-file state (a log capture).
 */
export function testRuntime(
  env: Record<string, string> = {},
  options: RuntimeOptions | (() => RuntimeOptions | Promise<RuntimeOptions>) = {},
): TestRuntime {
  let current: TestRuntime | undefined;
  beforeAll(async () => {
    current = await createTestRuntime(env, typeof options === 'function' ? await options() : options);
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  const target = () => {
    if (!current) throw new Error('testRuntime: the runtime exists only inside tests and hooks.');
    return current;
  };
  return new Proxy({} as TestRuntime, {
    get: (_, key) => Reflect.get(target(), key),
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

export const testMeta = (overrides: Partial<RequestMeta> = {}): RequestMeta => ({
  ip: '203.0.113.7',
  userAgent: 'vitest',
  requestId: 'test-request',
  ...overrides,
});

/** A request context for calling a service directly: anonymous unless a principal is given. */
export const contextOf = (rt: Runtime, meta: RequestMeta = testMeta(), principal: Principal | null = null) =>
  ({ rt, db: rt.db, meta, principal }) satisfies RequestContext;

let counter = 0;
export const uniqueEmail = (prefix = 'user') =>
  `${prefix}.${Date.now().toString(36)}.${counter++}@example.com`;

export const STRONG_PASSWORD = 'correct horse battery staple';

/** Inserts a user straight into the database (the way an admin or an invitation would). */
export async function createUser(
  rt: Runtime,
  options: {
    email?: string;
    password?: string;
    passwordChangeRequired?: boolean;
    platformRoles?: string[];
  } = {},
) {
  const [user] = await rt.db
    .insert(users)
    .values({
      email: options.email ?? uniqueEmail(),
      firstName: 'Test',
      lastName: 'User',
      passwordHash: await rt.hasher.hash(options.password ?? STRONG_PASSWORD),
      passwordChangeRequired: options.passwordChangeRequired ?? false,
    })
    .returning();
  for (const roleCode of options.platformRoles ?? []) {
    await rt.db.insert(roleLinks).values({ userId: user!.id, roleCode, entityType: 'platform' });
  }
  return { ...user!, password: options.password ?? STRONG_PASSWORD };
}

/** A signed-in user's context for calling services directly. */
export async function signedIn(
  rt: Runtime,
  userId: string,
  channel: 'api' | 'browser' = 'api',
): Promise<UserContext> {
  const session = await startSession(rt.db, contextOf(rt), { userId, restricted: false, channel });
  const principal = await loadSessionPrincipal(rt, session.id);
  return { ...contextOf(rt), principal: principal! };
}

export async function userById(rt: Runtime, id: string) {
  const [row] = await rt.db.select().from(users).where(eq(users.id, id));
  return row!;
}
