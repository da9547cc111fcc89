import 'server-only';
import { and, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  idempotencyKeys,
  jobs,
  locationImports,
  loginCodes,
  outbox,
  passwordResets,
  rateLimits,
  refreshTokens,
  sessions,
} from '@/db/schema';
import { DAY } from '@/server/core/clock';
import type { Runtime } from '@/server/core/runtime';
import { MAX_DELAY_MS, WINDOW_MS } from '@/server/modules/auth/rate-limit';

/** Rows per statement: each statement is its own short transaction, never one long one. */
export const SWEEP_BATCH = 500;
/** Statements per kind and run; what is left is taken by the next run. */
const MAX_BATCHES = 40;

/** Revoked sessions stay a week, so support can still see why someone was signed out. */
const REVOKED_SESSION_GRACE_MS = 7 * DAY;
/** Sent, failed or expired mail (already scrubbed) stays a month for delivery questions. */
const MAIL_RETENTION_MS = 30 * DAY;
const FINISHED_JOB_RETENTION_MS = 7 * DAY;
/**
 * A finished location import (its file already cleared) stays a week, so the person can still
 * download its errors; one never finished after a day lost its job, and its file goes with it.
 */
const LOCATION_IMPORT_RETENTION_MS = 7 * DAY;
const STALLED_LOCATION_IMPORT_MS = DAY;
/**
 * A counter row is dead only when both the limiter's window and its longest per-email delay have
 * passed, since the delay is measured from its last failure.
 */
const RATE_LIMIT_WINDOW_MS = WINDOW_MS;
const RATE_LIMIT_MAX_DELAY_MS = MAX_DELAY_MS;

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

/**
 * Deletes what can no longer be used: nothing here grows without bound. Refresh tokens go only
 * once expired: until then a spent one must stay, because presenting it again is how a stolen
 * token is detected (refresh-session.ts, TOKEN_REUSED); an expired one answers INVALID_TOKEN
 * whether its row exists or not. Sessions take their tokens with them (ON DELETE CASCADE).
 */
export async function sweepExpiredRows(rt: Runtime): Promise<Record<string, number>> {
  const now = rt.clock.now();
  const counts = {
    mailScrubbed: await scrubExpiredMail(rt, now),
    sessions: await deleteInBatches(
      rt,
      sessions,
      sessions.id,
      or(lte(sessions.expiresAt, now), lte(sessions.revokedAt, ago(now, REVOKED_SESSION_GRACE_MS)))!,
    ),
    refreshTokens: await deleteInBatches(
      rt,
      refreshTokens,
      refreshTokens.tokenHash,
      lte(refreshTokens.expiresAt, now),
    ),
    rateLimits: await deleteInBatches(
      rt,
      rateLimits,
      rateLimits.key,
      and(
        lte(rateLimits.lastAt, ago(now, RATE_LIMIT_MAX_DELAY_MS)),
        lte(rateLimits.windowStart, ago(now, RATE_LIMIT_WINDOW_MS)),
      )!,
    ),
    idempotencyKeys: await deleteInBatches(
      rt,
      idempotencyKeys,
      idempotencyKeys.scopeHash,
      lte(idempotencyKeys.expiresAt, now),
    ),
    loginCodes: await deleteInBatches(rt, loginCodes, loginCodes.userId, lte(loginCodes.expiresAt, now)),
    passwordResets: await deleteInBatches(
      rt,
      passwordResets,
      passwordResets.userId,
      lte(passwordResets.expiresAt, now),
    ),
    // Any status: a message not delivered within a month never will be (without SMTP it waits forever).
    mail: await deleteInBatches(rt, outbox, outbox.id, lte(outbox.createdAt, ago(now, MAIL_RETENTION_MS))),
    jobs: await deleteInBatches(
      rt,
      jobs,
      jobs.id,
      and(
        inArray(jobs.status, ['done', 'failed']),
        lte(jobs.finishedAt, ago(now, FINISHED_JOB_RETENTION_MS)),
      )!,
    ),
    locationImports: await deleteInBatches(
      rt,
      locationImports,
      locationImports.id,
      or(
        lte(locationImports.finishedAt, ago(now, LOCATION_IMPORT_RETENTION_MS)),
        and(
          isNull(locationImports.finishedAt),
          lte(locationImports.createdAt, ago(now, STALLED_LOCATION_IMPORT_MS)),
        ),
      )!,
    ),
  };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total > 0) rt.log.info({ swept: counts }, 'swept expired rows');
  return counts;
}

/**
 * A message whose code or link has expired loses its sealed content even if it was never sent, so
 * the table never keeps a secret beyond its life; a pending one becomes `expired` (never sent).
 */
async function scrubExpiredMail(rt: Runtime, now: Date): Promise<number> {
  return inBatches((limit) =>
    rt.db
      .update(outbox)
      .set({
        sealed: null,
        status: sql`case when ${outbox.status} = 'pending' then 'expired' else ${outbox.status} end`,
      })
      .where(
        inArray(
          outbox.id,
          rt.db
            .select({ id: outbox.id })
            .from(outbox)
            .where(and(isNotNull(outbox.sealed), lte(outbox.secretExpiresAt, now)))
            .limit(limit)
            .for('update', { skipLocked: true }),
        ),
      )
      .returning({ id: outbox.id }),
  );
}

/**
 * Deletes matching rows a batch at a time, skipping rows a request holds locked right now (they are
 * taken next run), so the sweep never waits on, or deadlocks with, live traffic.
 */
function deleteInBatches(rt: Runtime, table: PgTable, key: PgColumn, where: SQL): Promise<number> {
  return inBatches((limit) =>
    rt.db
      .delete(table)
      .where(
        inArray(
          key,
          rt.db.select({ key }).from(table).where(where).limit(limit).for('update', { skipLocked: true }),
        ),
      )
      .returning({ key }),
  );
}

async function inBatches(statement: (limit: number) => Promise<unknown[]>): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows = await statement(SWEEP_BATCH);
    total += rows.length;
    if (rows.length < SWEEP_BATCH) break;
  }
  return total;
}
