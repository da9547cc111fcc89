import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { apiKeys, users } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { Permission } from '@/server/core/access/catalog';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { auditActor, recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { apiKeyRefInput } from '../schemas';
import { assertMayGrant } from './create-key';
import { hashClientKey, newClientKey } from './key-secrets';
import { presentKey, presentSecret } from './present-key';

type KeyRef = z.infer<typeof apiKeyRefInput>;
type KeyRow = typeof apiKeys.$inferSelect;

/**
 * The key, locked for the change, if it belongs to the profile named: a key of another profile
 * looks missing exactly like an unknown id.
 */
async function lockKey(ctx: UserContext, input: KeyRef) {
  const [key] = await ctx.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, input._id), eq(apiKeys.profileId, input.profileId)))
    .for('update');
  if (!key) throw new AppError('API_KEY_NOT_FOUND');
  return key;
}

async function creatorOf(ctx: UserContext, key: KeyRow) {
  const [creator] = await ctx.db
    .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(eq(users.id, key.createdBy));
  return creator ?? null;
}

const auditKey = (ctx: UserContext, key: KeyRow, action: 'key.revoked' | 'key.rotated') =>
  recordAuditEvent(ctx.db, ctx.meta, {
    action,
    ...auditActor(ctx.principal),
    organizationId: key.organizationId,
    targetType: 'api_key',
    targetId: key.id,
    data: { name: key.name, clientId: key.clientId, profileId: key.profileId },
  });

/**
 * Revokes a key: refused from the next request on. Revoking a revoked key is idempotent (the same
 * answer, no second event): a retry after a lost answer must not fail.
 */
async function revoke(ctx: UserContext, input: KeyRef) {
  const key = await lockKey(ctx, input);
  if (key.revokedAt) return presentKey(key, await creatorOf(ctx, key));
  const now = ctx.rt.clock.now();
  const [revoked] = await ctx.db
    .update(apiKeys)
    .set({ revokedAt: now, revokedBy: ctx.principal.userId, updatedAt: now })
    .where(eq(apiKeys.id, key.id))
    .returning();
  await auditKey(ctx, revoked!, 'key.revoked');
  return presentKey(revoked!, await creatorOf(ctx, revoked!));
}

/** #14 revoke: api_keys.write on the profile. */
export const revokeApiKey = (ctx: UserContext, input: KeyRef) =>
  transaction(ctx, async (ctx) => {
    await authorize(ctx, 'api_keys.write', { profileId: input.profileId });
    return revoke(ctx, input);
  });

/** The admin console's revoke of any profile's key (the router checked admin.write). */
export const revokeApiKeyAsAdmin = (ctx: UserContext, input: KeyRef) =>
  transaction(ctx, (ctx) => revoke(ctx, input));

/**
 * #14 rotate: a new client key, the old one dead at once; the client id, scopes and permissions
 * stay. The rotator sees the new secret, so they must be allowed to hold what the key can do: the
 * admin scope stays a platform admin's, and a key beyond the rotator's own permissions is refused.
 * A revoked key stays dead (409).
 */
export const rotateApiKey = (ctx: UserContext, input: KeyRef) =>
  transaction(ctx, async (ctx) => {
    const access = await authorize(ctx, 'api_keys.write', { profileId: input.profileId });
    const key = await lockKey(ctx, input);
    if (key.revokedAt)
      throw new AppError('API_KEY_REVOKED', 'A revoked key cannot be rotated; create a new one.');
    assertMayGrant(ctx, key.scopes);
    const beyond = key.permissions.filter((p) => !access.permissions.has(p as Permission));
    if (beyond.length)
      throw new AppError('FORBIDDEN', `This key can do more than you: ${beyond.join(', ')}.`);
    const clientKey = newClientKey();
    const now = ctx.rt.clock.now();
    const [rotated] = await ctx.db
      .update(apiKeys)
      .set({ keyHash: hashClientKey(clientKey), rotatedAt: now, updatedAt: now })
      .where(eq(apiKeys.id, key.id))
      .returning();
    await auditKey(ctx, rotated!, 'key.rotated');
    return presentSecret(rotated!, clientKey);
  });
