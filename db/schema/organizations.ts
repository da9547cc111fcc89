import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, id, timestamps } from './columns';
import { users } from './identity';

export type Address = {
  country: string;
  state?: string;
  city?: string;
  line1?: string;
  line2?: string;
  postalCode?: string;
};

export type ParticipantTagEntry = {
  tag: string;
  measurers: { identifier: string; standardTypes: string[] }[];
  verifiers: { identifier: string }[];
};

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    name: text().notNull(),
    taxId: text().notNull().default(''),
    duns: text().notNull().default(''),
    /** null when no address is on file (`address: {}` clears it) */
    address: jsonb().$type<Address>(),
    /** an archived organization grants nothing to its members */
    status: text({ enum: ['active', 'archive'] })
      .notNull()
      .default('active'),
    createdBy: uuid(),
    ...timestamps,
  },
  (t) => [
    index('organizations_name_idx').on(sql`lower(${t.name})`, t.id),
    // the name search `lower(name) like '%x%'` (server/core/query/search.ts containsText)
    index('organizations_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

export const organizationProfiles = pgTable(
  'organization_profiles',
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    taxId: text().notNull().default(''),
    duns: text().notNull().default(''),
    participantTypes: jsonb().$type<string[]>().notNull().default([]),
    participantTags: jsonb().$type<ParticipantTagEntry[]>().notNull().default([]),
    status: text({ enum: ['active', 'archive'] })
      .notNull()
      .default('active'),
    ...timestamps,
  },
  (t) => [
    index('organization_profiles_org_idx').on(t.organizationId, t.id),
    // "profiles holding every listed tag" is a jsonb containment query (@>)
    index('organization_profiles_tags_idx').using('gin', t.participantTags),
    // the name search `lower(name) like '%x%'` (server/core/query/search.ts containsText)
    index('organization_profiles_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

/** A person's place in an organization: invited until they accept, then active. */
export const organizationMembers = pgTable(
  'organization_members',
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text({ enum: ['invited', 'active'] }).notNull(),
    invitedBy: uuid(),
    joinedAt: at(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    index('organization_members_user_idx').on(t.userId),
  ],
);

/** One live invitation per member: a resend replaces the token, so the old link dies. */
export const invitations = pgTable(
  'invitations',
  {
    organizationId: uuid().notNull(),
    userId: uuid().notNull(),
    /** SHA-256 of the emailed token; the token itself is never stored */
    tokenHash: text().notNull(),
    expiresAt: at().notNull(),
    /**
     * The names the inviter typed: shown to the organization until the person accepts, so an
     * invitation never reveals the names an existing account holds (null on older rows)
     */
    firstName: text(),
    lastName: text(),
    createdBy: uuid(),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    foreignKey({
      columns: [t.organizationId, t.userId],
      foreignColumns: [organizationMembers.organizationId, organizationMembers.userId],
    }).onDelete('cascade'),
  ],
);
