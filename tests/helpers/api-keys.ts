import type { z } from 'zod';
import type { UserContext } from '@/server/core/context';
import type { Runtime } from '@/server/core/runtime';
import type { ApiKeyScope } from '@/server/modules/api-keys/catalog';
import type { apiKeyCreateInput } from '@/server/modules/api-keys/schemas';
import { createApiKey } from '@/server/modules/api-keys/services/create-key';
import { signedIn } from './runtime';

/** The headers a REST call sends to act with this key. */
export const keyHeaders = (key: { clientId: string; clientKey: string }) => ({
  'client-id': key.clientId,
  'client-key': key.clientKey,
});

/**
 * A real API key of `profileId`, made through the create service (#13) by `creator` (a user id,
 * signed in here, or a user context): scopes as given, else the creator's non-admin scopes.
 * The creator must hold api_keys.write on the profile (or be a platform admin).
 */
export async function issueTestKey(
  rt: Runtime,
  creator: string | UserContext,
  profileId: string,
  options: { scopes?: ApiKeyScope[]; name?: string; expiresAt?: string } = {},
) {
  const ctx = typeof creator === 'string' ? await signedIn(rt, creator) : creator;
  const input: z.infer<typeof apiKeyCreateInput> = { profileId, ...options };
  const created = await createApiKey(ctx, input);
  return { clientId: created.clientId, clientKey: created.clientKey, keyId: created._id, created };
}
