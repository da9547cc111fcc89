import { eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { users } from '@/db/schema';
import { bootstrapAdmin } from '@/server/modules/auth/services/bootstrap-admin';
import { changePassword } from '@/server/modules/auth/services/change-password';
import { completePasswordReset, requestPasswordReset } from '@/server/modules/auth/services/reset-password';
import { callerFor, createStaff } from '../admin/helpers';
import { apiLogin, latestEmail, uniqueIp } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import {
  contextOf,
  createTestRuntime,
  createUser,
  signedIn,
  testMeta,
  testRuntime,
  uniqueEmail,
  userById,
} from '../helpers/runtime';
import { failHashingInsideTransactions } from '../helpers/transactions';

const rt = testRuntime();

const NEW_PASSWORD = 'a passphrase hashed in the open';
const ctx = () => contextOf(rt, testMeta({ ip: uniqueIp() }));

async function resetToken(email: string) {
  await requestPasswordReset(ctx(), { email });
  const mail = await latestEmail(rt, email, 'password-reset');
  return new URL(/(https?:\/\/\S+)/.exec(mail.text)![1]!).searchParams.get('token')!;
}

/** Runs `change` once the next hash is made, before the caller gets it: a request landing meanwhile. */
function duringNextHash(change: () => Promise<unknown>) {
  const { hash } = rt.hasher;
  rt.hasher.hash = async (password) => {
    rt.hasher.hash = hash;
    const made = await hash(password);
    await change();
    return made;
  };
  onTestFinished(() => {
    rt.hasher.hash = hash;
  });
}

describe('argon2 never runs inside an open transaction', () => {
  it('the guard itself refuses a hash inside a transaction and records it', async () => {
    const guard = failHashingInsideTransactions(rt);
    await expect(rt.db.transaction(() => rt.hasher.hash(NEW_PASSWORD))).rejects.toThrow(
      'argon2 hash ran inside an open database transaction',
    );
    await expect(rt.hasher.hash(NEW_PASSWORD)).resolves.toMatch(/^\$argon2id\$/);
    expect(guard.slowWork).toEqual(['argon2 hash']);
  });

  it('changes the password with the hash made before the transaction', async () => {
    const user = await createUser(rt);
    const actor = { ...(await signedIn(rt, user.id)), meta: testMeta({ ip: uniqueIp() }) };
    const guard = failHashingInsideTransactions(rt);
    await changePassword(actor, { oldPassword: user.password, password: NEW_PASSWORD });
    expect(guard.slowWork).toEqual([]);
    expect((await apiLogin(rt, { email: user.email, secret: NEW_PASSWORD }, uniqueIp())).kind).toBe('ok');
  });

  it('completes a reset with the hash made before the transaction', async () => {
    const user = await createUser(rt);
    const token = await resetToken(user.email);
    const guard = failHashingInsideTransactions(rt);
    await completePasswordReset(ctx(), { token, password: NEW_PASSWORD });
    expect(guard.slowWork).toEqual([]);
    expect((await apiLogin(rt, { email: user.email, secret: NEW_PASSWORD }, uniqueIp())).kind).toBe('ok');
  });

  it("sets an admin's temporary password without hashing while the user row is locked", async () => {
    const staff = await createStaff(rt);
    const user = await createUser(rt);
    const guard = failHashingInsideTransactions(rt);
    await staff.asAdmin.admin.users.setPassword({ userId: user.id, password: NEW_PASSWORD });
    expect(guard.slowWork).toEqual([]);
    const login = await apiLogin(rt, { email: user.email, secret: NEW_PASSWORD }, uniqueIp());
    expect(login.kind).toBe('password_change_required');
  });

  it('creates a user (admin) with the hash made before the transaction', async () => {
    const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
    const caller = await callerFor(rt, admin.id);
    const email = uniqueEmail('hashed-first');
    const guard = failHashingInsideTransactions(rt);
    await caller.admin.users.create({ email, password: NEW_PASSWORD, roleLinks: [] });
    expect(guard.slowWork).toEqual([]);
    const login = await apiLogin(rt, { email, secret: NEW_PASSWORD }, uniqueIp());
    expect(login.kind).toBe('password_change_required');
  });

  it('bootstraps the first admin with the hash made before the transaction', async () => {
    const fresh = await createTestRuntime({ ADMIN_PASSWORD: NEW_PASSWORD });
    try {
      const guard = failHashingInsideTransactions(fresh);
      expect(await bootstrapAdmin(fresh)).toMatchObject({ generatedPassword: undefined });
      expect(guard.slowWork).toEqual([]);
      const login = await apiLogin(fresh, { email: 'admin@provena.local', secret: NEW_PASSWORD });
      expect(login.kind).toBe('password_change_required');
    } finally {
      await fresh.close();
    }
  });
});

describe('what changed while the new password was hashed is checked again in the transaction', () => {
  it('refuses a password change when the password was changed meanwhile, and keeps that change', async () => {
    const user = await createUser(rt);
    const actor = { ...(await signedIn(rt, user.id)), meta: testMeta({ ip: uniqueIp() }) };
    const other = await rt.hasher.hash('changed from another session');
    duringNextHash(() => rt.db.update(users).set({ passwordHash: other }).where(eq(users.id, user.id)));
    const error = await expectRefused(
      changePassword(actor, { oldPassword: user.password, password: NEW_PASSWORD }),
      'INVALID_CREDENTIALS',
    );
    expect(error.errors).toEqual([{ path: 'oldPassword', message: 'is no longer the password' }]);
    expect((await userById(rt, user.id)).passwordHash).toBe(other);
  });

  it('refuses a reset when the account was disabled meanwhile and leaves its password alone', async () => {
    const user = await createUser(rt);
    const token = await resetToken(user.email);
    const before = (await userById(rt, user.id)).passwordHash;
    duringNextHash(() => rt.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id)));
    await expectRefused(completePasswordReset(ctx(), { token, password: NEW_PASSWORD }), 'LINK_INVALID');
    expect((await userById(rt, user.id)).passwordHash).toBe(before);
  });

  it("refuses an admin's password that became the user's email meanwhile with PASSWORD_POLICY", async () => {
    const staff = await createStaff(rt);
    const user = await createUser(rt);
    const password = uniqueEmail('soon-my-address');
    duringNextHash(() => rt.db.update(users).set({ email: password }).where(eq(users.id, user.id)));
    await expectRefused(
      staff.asAdmin.admin.users.setPassword({ userId: user.id, password }),
      'PASSWORD_POLICY',
    );
    expect((await apiLogin(rt, { email: password, secret: user.password }, uniqueIp())).kind).toBe('ok');
  });
});
