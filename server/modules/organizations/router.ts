import { router, userProcedure } from '@/server/core/trpc';
import { emptyInput, itemsOf } from '@/server/modules/auth/schemas';
import { getProfile } from '@/server/modules/profiles/services/get-profile';
import { updateProfile } from '@/server/modules/profiles/services/update-profile';
import * as s from './schemas';
import { listMyOrganizations } from './services/list-my-organizations';

export const organizationsRouter = router({
  list: userProcedure
    .input(emptyInput.optional())
    .output(itemsOf(s.myOrganizationOutput))
    .query(({ ctx }) => listMyOrganizations(ctx)),
});

export const profilesRouter = router({
  get: userProcedure
    .input(s.profileIdInput)
    .output(s.profileOutput)
    .query(({ ctx, input }) => getProfile(ctx, input)),
  update: userProcedure
    .input(s.profileUpdateInput)
    .output(s.profileOutput)
    .mutation(({ ctx, input }) => updateProfile(ctx, input)),
});
