import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, id } from './columns';

/**
 * Mail waiting for (or done with) delivery. Only what operations need is in clear; the subject and
 * body are sealed (AES-256-GCM, key derived from AUTH_SECRET, see server/email/seal.ts)
 * and set to null once sent, failed, or past `secretExpiresAt`, so no live code or link stays here.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    to: text().notNull(),
    /** iv.tag.ciphertext of {subject, text, html}; null once scrubbed */
    sealed: text(),
    /** template name, so the dev mailbox and tests can find a message by purpose */
    kind: text().notNull(),
    status: text({ enum: ['pending', 'sent', 'failed', 'expired'] })
      .notNull()
      .default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: at().notNull().defaultNow(),
    /** when the code or link the message carries stops working; null for notices */
    secretExpiresAt: at(),
    createdAt: at().notNull().defaultNow(),
    sentAt: at(),
  },
  (t) => [
    index('outbox_pending_idx').on(t.status, t.nextAttemptAt),
    index('outbox_secret_expires_idx').on(t.secretExpiresAt).where(sql`${t.sealed} is not null`),
    index('outbox_created_idx').on(t.createdAt),
  ],
);

/**
 * Background work (server/jobs). `uniqueKey` keeps one row for a recurring job however many
 * instances schedule it; `lockedUntil` is the lease of a claim, so a job whose runner died is
 * claimed again once it passes.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: text({ enum: ['pending', 'running', 'done', 'failed'] })
      .notNull()
      .default('pending'),
    runAt: at().notNull(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    lockedUntil: at(),
    uniqueKey: text(),
    createdAt: at().notNull(),
    finishedAt: at(),
  },
  (t) => [
    index('jobs_due_idx').on(t.runAt).where(sql`${t.status} = 'pending'`),
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`${t.status} = 'running'`),
    index('jobs_finished_idx').on(t.finishedAt).where(sql`${t.status} in ('done', 'failed')`),
    uniqueIndex('jobs_unique_key').on(t.uniqueKey),
  ],
);

/** Append-only: nothing updates or deletes these rows. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    at: at().notNull().defaultNow(),
    action: text().notNull(),
    actorUserId: uuid(),
    /** the API key that acted (actorUserId is then its creator) */
    actorKeyId: uuid(),
    subjectUserId: uuid(),
    organizationId: uuid(),
    targetType: text(),
    targetId: text(),
    ip: text(),
    requestId: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** The actor held a platform role when acting: tenants see the event as by "Provena staff". */
    actorStaff: boolean().notNull().default(false),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actorUserId, t.at),
    index('audit_events_subject_idx').on(t.subjectUserId, t.at),
    index('audit_events_org_idx').on(t.organizationId, t.at),
    // the staff log without an organization or user filter, newest (or oldest) first, keyset-paged on (at, id)
    index('audit_events_at_idx').on(t.at, t.id),
  ],
);

export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text().primaryKey(),
    count: integer().notNull(),
    windowStart: at().notNull(),
    lastAt: at().notNull(),
  },
  (t) => [index('rate_limits_last_at_idx').on(t.lastAt)],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** SHA-256 of (credential, method, path, key) */
    scopeHash: text().primaryKey(),
    bodyHash: text().notNull(),
    state: text({ enum: ['running', 'done'] }).notNull(),
    status: integer(),
    body: jsonb(),
    createdAt: at().notNull().defaultNow(),
    /** while `running`, the claim's lease (a crashed request's claim lapses); once `done`, the answer's TTL */
    expiresAt: at().notNull(),
  },
  (t) => [index('idempotency_keys_expires_idx').on(t.expiresAt)],
);

/**
 * Settings of the whole deployment that live in the database (so every instance reads the same):
 * a row per key, no row means the default. `mail.delivery` = `"outbox"` holds all mail in the outbox
 * (server/modules/mail/services/mail-delivery.ts), set by the preproduction reset.
 */
export const platformSettings = pgTable('platform_settings', {
  key: text().primaryKey(),
  value: jsonb().$type<unknown>().notNull(),
  updatedBy: uuid(),
  updatedAt: at().notNull().defaultNow(),
});
