import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, id } from './columns';

export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    /** template name, so the dev mailbox and tests can find a message by purpose */
    kind: text().notNull(),
    status: text({ enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: at().notNull().defaultNow(),
    createdAt: at().notNull().defaultNow(),
    sentAt: at(),
  },
  (t) => [index('outbox_pending_idx').on(t.status, t.nextAttemptAt)],
);

/** Append-only: nothing updates or deletes these rows. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    at: at().notNull().defaultNow(),
    action: text().notNull(),
    actorUserId: uuid(),
    subjectUserId: uuid(),
    organizationId: uuid(),
    targetType: text(),
    targetId: text(),
    ip: text(),
    requestId: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actorUserId, t.at),
    index('audit_events_subject_idx').on(t.subjectUserId, t.at),
    index('audit_events_org_idx').on(t.organizationId, t.at),
  ],
);

export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  count: integer().notNull(),
  windowStart: at().notNull(),
  lastAt: at().notNull(),
});

export const idempotencyKeys = pgTable('idempotency_keys', {
  /** SHA-256 of (credential, method, path, key) */
  scopeHash: text().primaryKey(),
  bodyHash: text().notNull(),
  state: text({ enum: ['running', 'done'] }).notNull(),
  status: integer(),
  body: jsonb(),
  createdAt: at().notNull().defaultNow(),
  /** while `running`, the claim's lease (a crashed request's claim lapses); once `done`, the answer's TTL */
  expiresAt: at().notNull(),
});
