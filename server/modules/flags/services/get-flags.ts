import 'server-only';
import type { z } from 'zod';
import { authorize } from '@/server/core/access/authorize';
import type { PrincipalContext } from '@/server/core/context';
import type { profileIdInput } from '@/server/modules/organizations/schemas';
import { loadFlags } from './load-flags';

/** A profile's flags, for a member with flags.read, a platform reader, or a key with flags:read. */
export async function getFlags(ctx: PrincipalContext, input: z.infer<typeof profileIdInput>) {
  await authorize(ctx, 'flags.read', { profileId: input.profileId });
  return { profileId: input.profileId, flags: await loadFlags(ctx.db, input.profileId) };
}
