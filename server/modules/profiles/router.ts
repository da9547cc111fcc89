import 'server-only';
import { router, userProcedure } from '@/server/core/trpc';
import * as s from '@/server/modules/organizations/schemas';
import { getProfile } from './services/get-profile';
import { updateProfile } from './services/update-profile';

export const profilesRouter = router({
  get: userProcedure
    .meta({
      permission: 'profiles.read',
      rest: {
        method: 'POST',
        path: '/organization-profiles/get',
        status: 200,
        auth: 'user',
        summary: 'Return an organization profile with its participant tags, measurers and verifiers',
        tag: 'Organizations',
      },
    })
    .input(s.profileIdInput)
    .output(s.profileOutput)
    .query(({ ctx, input }) => getProfile(ctx, input)),
  update: userProcedure
    .meta({
      permission: 'profiles.write',
      rest: {
        method: 'POST',
        path: '/organization-profiles/update',
        status: 200,
        auth: 'user',
        summary: 'Update an organization profile (name, tax id, DUNS, participant tags)',
        tag: 'Organizations',
      },
    })
    .input(s.profileUpdateInput)
    .output(s.profileOutput)
    .mutation(({ ctx, input }) => updateProfile(ctx, input)),
});
