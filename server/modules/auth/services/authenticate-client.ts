import 'server-only';
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { apiKeys, organizationProfiles, organizations, users } from '@/db/schema';
import type { Permission } from '@/server/core/access/catalog';
import { MINUTE } from '@/server/core/clock';
import type { ApiKeyPrincipal } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type { Runtime } from '@/server/core/runtime';
import { reserveKeyRequest } from '@/server/modules/api-keys/services/key-rate-limit';
import { clientKeyMatches } from '@/server/modules/api-keys/services/key-secrets';

/** lastUsedAt is written at most this often: a busy key must not write on every request. */
export const LAST_USED_RESOLUTION_MS = MINUTE;

/**
 * `client-id` + `client-key` on routes whose auth is `user_or_client`. Every refusal (unknown id,
 * wrong key, revoked, expired, its profile or organization archived) is the same 401 with no
 * hint, and an unknown id still hashes and compares, so neither the answer nor its timing tells
 * which. A known key then counts against its rate limit (429) and records its use.
 */
export async function authenticateClient(
  rt: Runtime,
  clientId: string,
  clientKey: string | undefined,
): Promise<ApiKeyPrincipal> {
  const [row] = await rt.db
    .select({
      key: apiKeys,
      profileStatus: organizationProfiles.status,
      organizationStatus: organizations.status,
      creatorStatus: users.status,
    })
    .from(apiKeys)
    .innerJoin(organizationProfiles, eq(organizationProfiles.id, apiKeys.profileId))
    .innerJoin(organizations, eq(organizations.id, apiKeys.organizationId))
    .innerJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.clientId, clientId))
    .limit(1);
  const matches = clientKeyMatches(clientKey ?? '', row?.key.keyHash);
  const now = rt.clock.now();
  if (
    !row ||
    !matches ||
    row.key.revokedAt !== null ||
    (row.key.expiresAt !== null && row.key.expiresAt <= now) ||
    row.profileStatus !== 'active' ||
    row.organizationStatus !== 'active'
  )
    throw new AppError('INVALID_CLIENT_CREDENTIALS');
  const { key } = row;
  await reserveKeyRequest(rt, key.id);
  if (!key.lastUsedAt || key.lastUsedAt.getTime() <= now.getTime() - LAST_USED_RESOLUTION_MS) {
    // Conditional, so concurrent first requests of a minute write once between them.
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await rt.db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, stale))));
  }
  return {
    kind: 'apiKey',
    keyId: key.id,
    clientId: key.clientId,
    organizationId: key.organizationId,
    profileId: key.profileId,
    scopes: key.permissions as Permission[],
    createdBy: key.createdBy,
    creatorActive: row.creatorStatus === 'active',
  };
}
