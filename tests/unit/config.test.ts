import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@/server/core/config';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'provena-config-'));
const SECRET = 'a-production-secret-that-is-long-enough-42';

/** A config error must stop the start with one sentence that names the variable. */
function configError(env: Record<string, string | undefined>): string {
  try {
    loadConfig({ DATA_DIR: tempDir(), ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/\.$/);
    return message;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig: bad settings', () => {
  it('stops on a PORT that is not a number, naming PORT', () => {
    expect(configError({ PORT: 'abc' })).toMatch(/^Setting PORT is invalid: /);
  });

  it('stops on a PORT out of range', () => {
    expect(configError({ PORT: '70000' })).toMatch(/^Setting PORT is invalid/);
  });

  it('stops on an unknown APP_ENV, naming APP_ENV', () => {
    expect(configError({ APP_ENV: 'staging' })).toMatch(/^Setting APP_ENV is invalid/);
  });

  it('requires AUTH_SECRET when APP_ENV=production', () => {
    const message = configError({ APP_ENV: 'production', DATABASE_URL: 'postgres://db/provena' });
    expect(message).toMatch(/^Setting AUTH_SECRET is required when APP_ENV=production/);
  });

  it('requires DATABASE_URL when APP_ENV=production', () => {
    expect(configError({ APP_ENV: 'production', AUTH_SECRET: SECRET })).toBe(
      'Setting DATABASE_URL is required when APP_ENV=production.',
    );
  });

  it('refuses a short AUTH_SECRET', () => {
    expect(configError({ AUTH_SECRET: 'short' })).toBe(
      'Setting AUTH_SECRET is invalid: must be at least 32 characters.',
    );
  });

  it('refuses a DATABASE_URL that is not a postgres URL', () => {
    expect(configError({ DATABASE_URL: 'mysql://db/provena' })).toBe(
      'Setting DATABASE_URL is invalid: must be a postgres:// URL.',
    );
  });

  it('refuses SMTP_URL, REDIS_URL, ADMIN_EMAIL and TRUST_PROXY values of the wrong shape', () => {
    expect(configError({ SMTP_URL: 'http://mail' })).toMatch(/^Setting SMTP_URL is invalid/);
    expect(configError({ REDIS_URL: 'localhost:6379' })).toMatch(/^Setting REDIS_URL is invalid/);
    expect(configError({ ADMIN_EMAIL: 'not-an-email' })).toMatch(/^Setting ADMIN_EMAIL is invalid/);
    expect(configError({ TRUST_PROXY: 'yes' })).toMatch(/^Setting TRUST_PROXY is invalid/);
  });

  it('refuses an ADMIN_PASSWORD shorter than 12 characters', () => {
    expect(configError({ ADMIN_PASSWORD: 'short' })).toMatch(/^Setting ADMIN_PASSWORD is invalid/);
  });
});

describe('loadConfig: good settings', () => {
  it('starts production with its secret and database, with real password hashing', () => {
    const config = loadConfig({
      APP_ENV: 'production',
      AUTH_SECRET: SECRET,
      DATABASE_URL: 'postgres://db/provena',
      DATA_DIR: tempDir(),
      PORT: '8080',
      APP_URL: 'https://provena.example/',
      ADMIN_EMAIL: 'Root@Example.com',
    });
    expect(config).toMatchObject({
      appEnv: 'production',
      authSecret: SECRET,
      port: 8080,
      appUrl: 'https://provena.example',
      adminEmail: 'root@example.com',
      fastHashing: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads empty values as unset and falls back to the defaults', () => {
    const config = loadConfig({ PORT: '', APP_ENV: '', DATA_DIR: tempDir(), AUTH_SECRET: SECRET });
    expect(config.port).toBe(3000);
    expect(config.appEnv).toBe('development');
    expect(config.appUrl).toBe('http://localhost:3000');
  });

  it('lowers the argon2 cost only when NODE_ENV=test', () => {
    const base = { DATA_DIR: tempDir(), AUTH_SECRET: SECRET };
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).fastHashing).toBe(true);
    expect(loadConfig(base).fastHashing).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).fastHashing).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).fastHashing).toBe(false);
  });
});

describe('loadConfig: local secret', () => {
  it('generates AUTH_SECRET into DATA_DIR on the first local run and reuses it afterwards', () => {
    const dataDir = path.join(tempDir(), 'nested', '.data');
    const file = path.join(dataDir, 'auth-secret');
    expect(existsSync(file)).toBe(false);

    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.authSecret);
    // the secret file is readable by its owner only
    expect(statSync(file).mode & 0o077).toBe(0);

    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.authSecret).toBe(first.authSecret);
  });

  it('gives each data folder its own generated secret', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).authSecret).not.toBe(
      loadConfig({ DATA_DIR: tempDir() }).authSecret,
    );
  });

  it('prefers a set AUTH_SECRET and writes no secret file', () => {
    const dataDir = tempDir();
    expect(loadConfig({ DATA_DIR: dataDir, AUTH_SECRET: SECRET }).authSecret).toBe(SECRET);
    expect(existsSync(path.join(dataDir, 'auth-secret'))).toBe(false);
  });
});
