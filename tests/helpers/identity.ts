import { and, desc, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { expect } from 'vitest';
import { auditEvents, outbox } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import type { Runtime } from '@/server/core/runtime';
import { runDueJobs } from '@/server/jobs/run-due-jobs';
import { activateTfaMethod } from '@/server/modules/auth/services/activate-tfa-method';
import { createTfaMethod } from '@/server/modules/auth/services/create-tfa-method';
import { type LoginInput, login } from '@/server/modules/auth/services/login';
import { openEmail } from '@/server/modules/mail/seal';
import { contextOf, signedIn, type TestRuntime, testMeta } from './runtime';

/** Shared by the identity service tests: mail, TOTP, audit and login shortcuts. */

const STEP_MS = 30_000;

let ipCounter = 0;
/** A fresh client IP per test, so rate-limit counters of one test never reach another. */
export const uniqueIp = () => `198.51.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

let requestCounter = 0;
export const uniqueRequestId = () => `req-${Date.now().toString(36)}-${requestCounter++}`;

export const apiLogin = (rt: TestRuntime, input: LoginInput, ip = '203.0.113.7') =>
  login(contextOf(rt, testMeta({ ip })), input, 'api');

/** Logs in with the API and returns the token pair, failing the test unless the login is complete. */
export async function apiTokens(rt: TestRuntime, input: LoginInput, ip?: string) {
  const result = await apiLogin(rt, input, ip);
  if (result.kind !== 'ok' || !result.tokens) throw new Error(`expected a full login, got ${result.kind}`);
  return { ...result.tokens, sessionId: result.sessionId };
}

type OutboxRow = typeof outbox.$inferSelect;

/**
 * An outbox row with its sealed subject and body opened, the one way tests read mail. A scrubbed
 * row (sent, failed or expired) has empty subject and text.
 */
export function openOutboxRow(rt: Runtime, row: OutboxRow) {
  const content = row.sealed ? openEmail(rt.keys, { ...row, sealed: row.sealed }) : undefined;
  return { ...row, subject: content?.subject ?? '', text: content?.text ?? '', html: content?.html ?? null };
}

/**
 * The mail to this address, newest first, as it stands once the background work that writes mail
 * (the jobs behind initiate and reset) has run.
 */
export async function emailsTo(rt: TestRuntime, to: string, kind?: string) {
  await runDueJobs(rt);
  const rows = await rt.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.to, to), kind ? eq(outbox.kind, kind) : undefined))
    .orderBy(desc(outbox.createdAt), desc(outbox.id));
  return rows.map((row) => openOutboxRow(rt, row));
}

/** The newest email of this kind to this address; fails the test when there is none. */
export async function latestEmail(rt: TestRuntime, to: string, kind: string) {
  const [row] = await emailsTo(rt, to, kind);
  expect(row, `no ${kind} email to ${to}`).toBeDefined();
  return row!;
}

export function loginCodeIn(text: string): string {
  const match = /\b(\d{8})\b/.exec(text);
  if (!match) throw new Error(`no 8-digit code in: ${text}`);
  return match[1]!;
}

export async function auditRows(rt: TestRuntime, where: { requestId?: string; subjectUserId?: string }) {
  return rt.db
    .select()
    .from(auditEvents)
    .where(
      and(
        where.requestId ? eq(auditEvents.requestId, where.requestId) : undefined,
        where.subjectUserId ? eq(auditEvents.subjectUserId, where.subjectUserId) : undefined,
      ),
    )
    .orderBy(auditEvents.at, auditEvents.id);
}

/** Moves the manual clock to 10 seconds into the next 30-second TOTP step, so a new code is due. */
export function nextTotpStep(rt: TestRuntime) {
  const now = rt.clock.now().getTime();
  rt.clock.advance(STEP_MS - (now % STEP_MS) + 10_000);
}

export const totpAt = (rt: TestRuntime, secret: string, offsetMs = 0) =>
  generate({ secret, epoch: Math.floor((rt.clock.now().getTime() + offsetMs) / 1000) });

/** Creates and activates a TOTP method for the user; the clock then stands in a fresh step. */
export async function enableTotp(
  rt: TestRuntime,
  user: { id: string; password: string },
  actor?: UserContext,
) {
  const ctx = actor ?? (await signedIn(rt, user.id));
  const created = await createTfaMethod(ctx, { password: user.password, type: 'totp' });
  nextTotpStep(rt);
  const activated = await activateTfaMethod(ctx, { tfaCode: await totpAt(rt, created.secret) });
  nextTotpStep(rt);
  return { ctx, secret: created.secret, methodId: created._id, recoveryCodes: activated.recoveryCodes };
}

/** Any six digits except the given code. */
export const wrongTotp = (code: string) => (code === '123456' ? '654321' : '123456');
