import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const appEnvs = ['development', 'test', 'preproduction', 'production'] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().default('.data'),
  APP_URL: z.url().optional(),
  APP_ENV: z.enum(appEnvs).default('development'),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('Provena <no-reply@provena.local>'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  /** requests one API key may make a minute (server/modules/api-keys/services/key-rate-limit.ts) */
  API_KEY_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
});

export type AppEnv = (typeof appEnvs)[number];

export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  appUrl: string;
  appEnv: AppEnv;
  authSecret: string;
  trustProxy: number;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  redisUrl: string | undefined;
  logLevel: string;
  /** requests one API key may make a minute */
  apiKeyRateLimit: number;
  /** argon2 cost is lowered only when NODE_ENV=test; see server/auth/passwords.ts */
  fastHashing: boolean;
}>;

export class ConfigError extends Error {}

/** Parses an environment into a frozen config. Pure except for the local secret file under dataDir. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Setting ${issue.path.join('.')} is invalid: ${issue.message}.`);
  }
  const e = parsed.data;
  if (e.APP_ENV === 'production' && !e.AUTH_SECRET) {
    throw new ConfigError(
      'Setting AUTH_SECRET is required when APP_ENV=production (at least 32 random characters).',
    );
  }
  if (e.APP_ENV === 'production' && !e.DATABASE_URL) {
    throw new ConfigError('Setting DATABASE_URL is required when APP_ENV=production.');
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    appEnv: e.APP_ENV,
    authSecret: e.AUTH_SECRET ?? localSecret(dataDir),
    trustProxy: e.TRUST_PROXY,
    adminEmail: e.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.ADMIN_PASSWORD,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    apiKeyRateLimit: e.API_KEY_RATE_LIMIT,
    fastHashing: e.NODE_ENV === 'test',
  });
}

/** A local run has no AUTH_SECRET: generate one on first start and keep it beside the data. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** next-auth reads its URL and secret from the environment; config is the one place that writes them. */
export function exportNextAuthEnv(config: Config, nextAuthSecret: string): void {
  process.env.NEXTAUTH_URL = config.appUrl;
  process.env.NEXTAUTH_SECRET = nextAuthSecret;
}
