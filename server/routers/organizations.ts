import { emptyInput, itemsOf } from '../auth/schemas';
import * as s from '../organizations/schemas';
import { listMyOrganizations } from '../services/organizations/list-my-organizations';
import { getProfile } from '../services/profiles/get-profile';
import { updateProfile } from '../services/profiles/update-profile';
import { router, userProcedure } from '../trpc';

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
