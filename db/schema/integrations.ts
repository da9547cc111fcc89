import { boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, id, timestamps } from './columns';
import { users } from './identity';
import { organizationProfiles, organizations } from './organizations';

/**
 * API keys of a profile. `clientId` is public (prefixed); the client key is stored only as its
 * SHA-256 (256 random bits make a slow hash pointless). `permissions` is what the key may do: its
 * scopes' permissions intersected with those its creator held on the profile when it was made.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    profileId: uuid()
      .notNull()
      .references(() => organizationProfiles.id),
    name: text().notNull().default(''),
    clientId: text().notNull(),
    /** SHA-256 (hex) of the client key */
    keyHash: text().notNull(),
    /** the scope catalog's names, as granted (server/modules/api-keys/catalog.ts) */
    scopes: jsonb().$type<string[]>().notNull(),
    /** the permissions those scopes grant, limited to the creator's at creation */
    permissions: jsonb().$type<string[]>().notNull(),
    expiresAt: at(),
    /** written at most once a minute */
    lastUsedAt: at(),
    rotatedAt: at(),
    revokedAt: at(),
    revokedBy: uuid(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('api_keys_client_id_key').on(t.clientId),
    index('api_keys_profile_idx').on(t.profileId, t.id),
  ],
);

/** A profile's feature flags: a row per flag that is set; no row means the flag is unset. */
export const profileFlags = pgTable(
  'profile_flags',
  {
    profileId: uuid()
      .notNull()
      .references(() => organizationProfiles.id),
    flag: text().notNull(),
    value: boolean().notNull(),
    updatedBy: uuid(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.flag] })],
);
