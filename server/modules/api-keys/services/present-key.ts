import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiKeys, users } from '@/db/schema';

type KeyRow = typeof apiKeys.$inferSelect;
type Creator = { id: string; email: string; firstName: string; lastName: string } | null;

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** A key as the lists show it: never its hash, never its secret. */
export const presentKey = (key: KeyRow, creator: Creator) => ({
  _id: key.id,
  clientId: key.clientId,
  profileId: key.profileId,
  name: key.name,
  scopes: key.scopes,
  permissions: key.permissions,
  expiresAt: iso(key.expiresAt),
  lastUsedAt: iso(key.lastUsedAt),
  rotatedAt: iso(key.rotatedAt),
  revokedAt: iso(key.revokedAt),
  createdAt: key.createdAt.toISOString(),
  createdBy: creator && {
    _id: creator.id,
    email: creator.email,
    firstName: creator.firstName,
    lastName: creator.lastName,
  },
});

/** The answer of create and rotate, the one place the client key is ever given out. */
export const presentSecret = (key: KeyRow, clientKey: string) => ({
  _id: key.id,
  clientId: key.clientId,
  clientKey,
  profileId: key.profileId,
  name: key.name,
  scopes: key.scopes,
  expiresAt: iso(key.expiresAt),
  createdAt: key.createdAt.toISOString(),
});

/** Every key of one profile with its creator, newest first: the tenant's list and the admin console's. */
export async function keysOfProfile(db: Db, profileId: string) {
  const rows = await db
    .select({
      key: apiKeys,
      creator: { id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName },
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.profileId, profileId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return { items: rows.map((row) => presentKey(row.key, row.creator)) };
}
