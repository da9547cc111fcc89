import 'server-only';
import type { z } from 'zod';
import { apiKeys } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { Permission } from '@/server/core/access/catalog';
import { isPlatformAdmin } from '@/server/core/access/platform';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { auditActor, recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { ADMIN_SCOPE, type ApiKeyScope, apiKeyScopeNames, apiKeyScopes, scopePermissions } from '../catalog';
import { type apiKeyCreateInput, DEFAULT_API_KEY_NAME } from '../schemas';
import { hashClientKey, newClientId, newClientKey } from './key-secrets';
import { presentSecret } from './present-key';

/** The non-admin scopes whose every permission the creator holds: a key made without `scopes`. */
const heldScopes = (held: ReadonlySet<Permission>) =>
  apiKeyScopeNames.filter(
    (scope) => scope !== ADMIN_SCOPE && apiKeyScopes[scope].permissions.every((p) => held.has(p)),
  );

/**
 * The `admin` scope is the platform's to give: anyone else asking for it is refused (never
 * silently dropped, so the caller knows the key cannot do what was asked).
 */
export function assertMayGrant(ctx: UserContext, scopes: readonly string[]) {
  if (scopes.includes(ADMIN_SCOPE) && !isPlatformAdmin(ctx.principal.platformRoles))
    throw new AppError('API_KEY_ADMIN_SCOPE_FORBIDDEN');
}

/**
 * #13: a key of one profile (api_keys.write there; a platform admin on any profile). It stores
 * its scopes' permissions limited to the creator's on the profile now, and only the client key's
 * hash: the key itself is in this answer and nowhere else.
 */
export async function createApiKey(ctx: UserContext, input: z.infer<typeof apiKeyCreateInput>) {
  return transaction(ctx, async (ctx) => {
    const access = await authorize(ctx, 'api_keys.write', { profileId: input.profileId });
    const scopes: ApiKeyScope[] = input.scopes ? [...new Set(input.scopes)] : heldScopes(access.permissions);
    assertMayGrant(ctx, scopes);
    const now = ctx.rt.clock.now();
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt <= now)
      throw new AppError('API_KEY_EXPIRY_IN_PAST', undefined, {
        errors: [{ path: 'expiresAt', message: 'must be in the future' }],
      });
    const permissions = [...scopePermissions(scopes)].filter((p) => access.permissions.has(p));
    const clientKey = newClientKey();
    const [key] = await ctx.db
      .insert(apiKeys)
      .values({
        organizationId: access.organizationId!,
        profileId: input.profileId,
        name: input.name || DEFAULT_API_KEY_NAME,
        clientId: newClientId(),
        keyHash: hashClientKey(clientKey),
        scopes,
        permissions,
        expiresAt,
        createdBy: ctx.principal.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: 'key.created',
      ...auditActor(ctx.principal),
      organizationId: key!.organizationId,
      targetType: 'api_key',
      targetId: key!.id,
      data: { name: key!.name, clientId: key!.clientId, profileId: key!.profileId, scopes },
    });
    return presentSecret(key!, clientKey);
  });
}
