import 'server-only';
import { restShapes } from '@/server/core/meta';
import { principalProcedure, router, userProcedure } from '@/server/core/trpc';
import { profileIdInput } from '@/server/modules/organizations/schemas';
import * as s from './schemas';
import { getFlags } from './services/get-flags';
import { setFlags } from './services/set-flags';

const rest = restShapes('Feature flags');

export const flagsRouter = router({
  /** Users only (contract #15): a partner system reads flags with flags:read, it never sets them. */
  set: userProcedure
    .meta({
      permission: 'flags.write',
      rest: rest.post(
        '/organization-profiles/flags',
        'Set or remove feature flags on an organization profile (value null removes)',
      ),
    })
    .input(s.setFlagsInput)
    .output(s.profileFlagsOutput)
    .mutation(({ ctx, input }) => setFlags(ctx, input)),
  get: principalProcedure
    .meta({
      permission: 'flags.read',
      rest: rest.post(
        '/organization-profiles/flags/get',
        'Return the feature flags set on an organization profile',
        {
          auth: 'user_or_client',
        },
      ),
    })
    .input(profileIdInput)
    .output(s.profileFlagsOutput)
    .query(({ ctx, input }) => getFlags(ctx, input)),
});
