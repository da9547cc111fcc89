import 'server-only';
import { restShapes } from '@/server/core/meta';
import { principalProcedure, router, userProcedure } from '@/server/core/trpc';
import * as s from '@/server/modules/organizations/schemas';
import { getProfile } from './services/get-profile';
import { updateProfile } from './services/update-profile';

const rest = restShapes('Organizations');

export const profilesRouter = router({
  /** Also for an API key of that profile with profiles:read (a partner reads whom it acts for). */
  get: principalProcedure
    .meta({
      permission: 'profiles.read',
      rest: rest.post(
        '/organization-profiles/get',
        'Return an organization profile with its participant tags, measurers and verifiers',
        { auth: 'user_or_client' },
      ),
    })
    .input(s.profileIdInput)
    .output(s.profileOutput)
    .query(({ ctx, input }) => getProfile(ctx, input)),
  update: userProcedure
    .meta({
      permission: 'profiles.write',
      rest: rest.post(
        '/organization-profiles/update',
        'Update an organization profile (name, tax id, DUNS, participant tags)',
      ),
    })
    .input(s.profileUpdateInput)
    .output(s.profileOutput)
    .mutation(({ ctx, input }) => updateProfile(ctx, input)),
});
