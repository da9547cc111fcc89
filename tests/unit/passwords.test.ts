import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/server/core/config';
import { AppError } from '@/server/core/errors';
import {
  createPasswordHasher,
  MIN_PASSWORD_LENGTH,
  passwordPolicyProblems,
  productionHashOptions,
} from '@/server/modules/auth/passwords';
import { assertPasswordPolicy } from '@/server/modules/auth/services/set-password';

/** `$argon2id$v=19$m=19456,t=2,p=1$salt$hash` into its parts (node-argon2 may order m, t, p differently). */
function argon2Parameters(hash: string) {
  const [, type, version, params] = hash.split('$');
  if (!type?.startsWith('argon2') || !version || !params) throw new Error(`not an argon2 hash: ${hash}`);
  const values = Object.fromEntries(params.split(',').map((kv) => kv.split('=')));
  return { type, version: version, m: Number(values.m), t: Number(values.t), p: Number(values.p) };
}

describe('password policy', () => {
  it('refuses passwords shorter than 12 characters and accepts 12', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordPolicyProblems('Tr0ub4dor&3')).toEqual(['must be at least 12 characters']);
    expect(passwordPolicyProblems('Tr0ub4dor&3x')).toEqual([]);
  });

  it('refuses a password from the common-password list, whatever its case', () => {
    expect(passwordPolicyProblems('qwerty123456')).toContain('is one of the most common passwords');
    expect(passwordPolicyProblems('QWERTY123456')).toContain('is one of the most common passwords');
  });

  it('refuses the email as the password', () => {
    expect(passwordPolicyProblems('Ann.Lee@Example.com', { email: 'ann.lee@example.com' })).toEqual([
      'must not be your email',
    ]);
  });

  it('refuses passwords over 256 characters', () => {
    expect(passwordPolicyProblems('x'.repeat(257))).toEqual(['must be at most 256 characters']);
    expect(passwordPolicyProblems('x'.repeat(256))).toEqual([]);
  });

  it('lists every reason at once and reports each on the password field', () => {
    let error: unknown;
    try {
      assertPasswordPolicy('password', { email: 'password' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const app = error as AppError;
    expect(app.code).toBe('PASSWORD_POLICY');
    expect(app.status).toBe(400);
    expect(app.errors).toEqual([
      { path: 'password', message: 'must be at least 12 characters' },
      { path: 'password', message: 'is one of the most common passwords' },
      { path: 'password', message: 'must not be your email' },
    ]);
  });
});

describe('password hashing', () => {
  it('hashes with argon2id m=19456,t=2,p=1 in production (fastHashing false)', async () => {
    const hasher = createPasswordHasher({ fastHashing: false });
    const hash = await hasher.hash('correct horse battery staple');
    expect(argon2Parameters(hash)).toEqual({ type: 'argon2id', version: 'v=19', m: 19456, t: 2, p: 1 });
    expect(await hasher.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(hash, 'correct horse battery stapl')).toBe(false);
  });

  it('gets fastHashing false from loadConfig without NODE_ENV=test, so the runtime uses the production parameters', () => {
    const config = loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'provena-pw-')) });
    expect(config.fastHashing).toBe(false);
    expect(createPasswordHasher(config).options).toBe(productionHashOptions);
  });

  it('uses lowered parameters only under fastHashing, and still argon2id', async () => {
    const hash = await createPasswordHasher({ fastHashing: true }).hash('correct horse battery staple');
    const params = argon2Parameters(hash);
    expect(params.type).toBe('argon2id');
    expect(params.m).toBeLessThan(19456);
  });

  it('verifies a hash made with other parameters, and answers false for a malformed hash', async () => {
    const fast = createPasswordHasher({ fastHashing: true });
    const slow = createPasswordHasher({ fastHashing: false });
    expect(await slow.verify(await fast.hash('a long enough password'), 'a long enough password')).toBe(true);
    expect(await fast.verify('not-a-hash', 'a long enough password')).toBe(false);
  });

  it('salts every hash', async () => {
    const hasher = createPasswordHasher({ fastHashing: true });
    expect(await hasher.hash('same password twice')).not.toBe(await hasher.hash('same password twice'));
  });
});
