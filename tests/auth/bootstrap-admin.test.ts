import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents, roleLinks, users } from '@/db/schema';
import { PLATFORM_ADMIN } from '@/server/core/access/platform';
import { passwordPolicyProblems } from '@/server/modules/auth/passwords';
import { bootstrapAdmin, DEFAULT_ADMIN_EMAIL } from '@/server/modules/auth/services/bootstrap-admin';
import { apiLogin } from '../helpers/identity';
import { raceTest } from '../helpers/race';
import { createTestRuntime, createUser, type TestRuntime } from '../helpers/runtime';

// Each test needs an empty database of its own: bootstrapping only acts when there are no users.
let rt: TestRuntime | undefined;
afterEach(async () => {
  await rt?.close();
  rt = undefined;
});

const userCount = async (runtime: TestRuntime) => (await runtime.db.select({ n: count() }).from(users))[0]!.n;

describe('first platform admin', () => {
  it('stops the start with one sentence naming ADMIN_PASSWORD when it is a common password', async () => {
    rt = await createTestRuntime({ ADMIN_PASSWORD: 'password1234' });
    await expect(bootstrapAdmin(rt)).rejects.toThrow(
      'Setting ADMIN_PASSWORD is refused: it is one of the most common passwords.',
    );
    expect(await userCount(rt)).toBe(0);
  });

  it('creates the admin from ADMIN_EMAIL and ADMIN_PASSWORD once, with a forced password change', async () => {
    rt = await createTestRuntime({
      ADMIN_EMAIL: 'Root@Example.com',
      ADMIN_PASSWORD: 'the very first admin password',
    });
    expect(await bootstrapAdmin(rt)).toEqual({ email: 'root@example.com', generatedPassword: undefined });

    const [admin] = await rt.db.select().from(users);
    expect(admin).toMatchObject({
      email: 'root@example.com',
      passwordChangeRequired: true,
      status: 'active',
    });
    const links = await rt.db.select().from(roleLinks).where(eq(roleLinks.userId, admin!.id));
    expect(links).toMatchObject([{ roleCode: PLATFORM_ADMIN, entityType: 'platform', entityId: null }]);
    const events = await rt.db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, admin!.id));
    expect(events.map((e) => e.action)).toEqual(['admin.bootstrap']);

    const first = await apiLogin(rt, { email: 'root@example.com', secret: 'the very first admin password' });
    expect(first.kind).toBe('password_change_required');

    // a second start finds a user and does nothing
    expect(await bootstrapAdmin(rt)).toBeNull();
    expect(await userCount(rt)).toBe(1);
  });

  it('generates a password that meets the policy when ADMIN_PASSWORD is unset, and returns it to be printed once', async () => {
    rt = await createTestRuntime();
    const result = await bootstrapAdmin(rt);
    expect(result?.email).toBe(DEFAULT_ADMIN_EMAIL);
    const password = result!.generatedPassword!;
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(passwordPolicyProblems(password, { email: DEFAULT_ADMIN_EMAIL })).toEqual([]);

    const [admin] = await rt.db.select().from(users);
    expect(admin!.passwordHash).not.toContain(password);
    expect((await apiLogin(rt, { email: DEFAULT_ADMIN_EMAIL, secret: password })).kind).toBe(
      'password_change_required',
    );
    // printed on the first start only
    expect(await bootstrapAdmin(rt)).toBeNull();
  });

  it('generates a different password on every fresh database', async () => {
    rt = await createTestRuntime();
    const first = (await bootstrapAdmin(rt))!.generatedPassword;
    await rt.close();
    rt = await createTestRuntime();
    const second = (await bootstrapAdmin(rt))!.generatedPassword;
    expect(first).not.toBe(second);
  });

  it('does nothing when users already exist', async () => {
    rt = await createTestRuntime({
      ADMIN_EMAIL: 'root@example.com',
      ADMIN_PASSWORD: 'the very first admin password',
    });
    const existing = await createUser(rt);
    expect(await bootstrapAdmin(rt)).toBeNull();
    expect(await userCount(rt)).toBe(1);
    expect(await rt.db.select().from(roleLinks)).toEqual([]);
    expect((await rt.db.select().from(users))[0]!.id).toBe(existing.id);
  });

  raceTest(
    'creates one admin when two instances start together, and the other start goes on without error',
    async () => {
      rt = await createTestRuntime({
        ADMIN_EMAIL: 'root@example.com',
        ADMIN_PASSWORD: 'the very first admin password',
      });
      const results = await Promise.all([bootstrapAdmin(rt), bootstrapAdmin(rt)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await userCount(rt)).toBe(1);
    },
  );
});
