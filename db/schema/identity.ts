import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, id, timestamps } from './columns';

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text().notNull(),
    firstName: text().notNull().default(''),
    lastName: text().notNull().default(''),
    passwordHash: text(),
    passwordChangeRequired: boolean().notNull().default(false),
    status: text({ enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    lastLoginAt: at(),
    passwordChangedAt: at(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    // the admin search `lower(email) like '%x%'` (server/core/query/search.ts containsText)
    index('users_email_trgm_idx').using('gin', sql`lower(${t.email}) gin_trgm_ops`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** restricted sessions may only change the password (login with passwordChangeRequired) */
    restricted: boolean().notNull().default(false),
    channel: text({ enum: ['api', 'browser'] }).notNull(),
    userAgent: text(),
    ip: text(),
    createdAt: at().notNull().defaultNow(),
    lastSeenAt: at().notNull().defaultNow(),
    /** when the secret (and TFA) were last proven: gates "fresh sign-in" operations */
    authenticatedAt: at().notNull().defaultNow(),
    expiresAt: at().notNull(),
    revokedAt: at(),
    revokedReason: text(),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    index('sessions_expires_idx').on(t.expiresAt),
    index('sessions_revoked_idx').on(t.revokedAt).where(sql`${t.revokedAt} is not null`),
  ],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    /** SHA-256 of the opaque token; the token itself is never stored */
    tokenHash: text().primaryKey(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    createdAt: at().notNull().defaultNow(),
    expiresAt: at().notNull(),
    spentAt: at(),
  },
  (t) => [
    index('refresh_tokens_session_idx').on(t.sessionId),
    index('refresh_tokens_expires_idx').on(t.expiresAt),
  ],
);

export const tfaMethods = pgTable(
  'tfa_methods',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text({ enum: ['totp'] }).notNull(),
    status: text({ enum: ['pending', 'active', 'disabled'] }).notNull(),
    /** AES-256-GCM ciphertext of the base32 secret, key derived from AUTH_SECRET */
    secretEnc: text().notNull(),
    /** last accepted TOTP time step: a code at or before it is a replay */
    lastUsedStep: bigint({ mode: 'number' }),
    activatedAt: at(),
    ...timestamps,
  },
  (t) => [index('tfa_methods_user_idx').on(t.userId)],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: at(),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_key').on(t.userId, t.codeHash)],
);

export const loginCodes = pgTable(
  'login_codes',
  {
    /** one live code per user: a newer request replaces the row */
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHmac: text().notNull(),
    expiresAt: at().notNull(),
    failedAttempts: integer().notNull().default(0),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [index('login_codes_expires_idx').on(t.expiresAt)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    /** one live reset per user: a newer request replaces the row */
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    expiresAt: at().notNull(),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [index('password_resets_expires_idx').on(t.expiresAt)],
);

/**
 * Who holds which role where. `platform` links have no entity; organization and profile links
 * name theirs. Organizations arrive with their own issue; the platform admin needs this table now.
 */
export const roleLinks = pgTable(
  'role_links',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleCode: text().notNull(),
    entityType: text({ enum: ['platform', 'organization', 'organization_profile'] }).notNull(),
    entityId: uuid(),
    createdAt: at().notNull().defaultNow(),
    createdBy: uuid(),
  },
  (t) => [
    uniqueIndex('role_links_unique_key').on(
      t.userId,
      t.roleCode,
      t.entityType,
      sql`coalesce(${t.entityId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('role_links_entity_idx').on(t.entityType, t.entityId),
  ],
);
