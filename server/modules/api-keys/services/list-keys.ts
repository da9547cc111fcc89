import 'server-only';
import type { z } from 'zod';
import { authorize } from '@/server/core/access/authorize';
import type { UserContext } from '@/server/core/context';
import type { apiKeyListInput } from '../schemas';
import { keysOfProfile } from './present-key';

/** #14: a profile's keys (api_keys.read there), revoked ones included, never a secret or hash. */
export async function listApiKeys(ctx: UserContext, input: z.infer<typeof apiKeyListInput>) {
  await authorize(ctx, 'api_keys.read', { profileId: input.profileId });
  return keysOfProfile(ctx.db, input.profileId);
}

/** The admin console's list of any profile's keys (the router checked admin.read). */
export const listApiKeysForAdmin = (ctx: UserContext, input: z.infer<typeof apiKeyListInput>) =>
  keysOfProfile(ctx.db, input.profileId);
