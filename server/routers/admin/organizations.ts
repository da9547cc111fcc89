import * as s from '../../admin/schemas';
import { organizationOutput } from '../../organizations/schemas';
import { createOrganization } from '../../services/organizations/create-organization';
import { getOrganization } from '../../services/organizations/get-organization';
import { listOrganizations } from '../../services/organizations/list-organizations';
import { updateOrganization } from '../../services/organizations/update-organization';
import { createProfile } from '../../services/profiles/create-profile';
import { getProfileForAdmin } from '../../services/profiles/get-profile';
import { searchProfiles } from '../../services/profiles/search-profiles';
import { updateProfileAsAdmin } from '../../services/profiles/update-profile';
import { adminProcedure, router } from '../../trpc';

export const adminOrganizationsRouter = router({
  create: adminProcedure('write')
    .input(s.adminOrganizationCreateInput)
    .output(organizationOutput)
    .mutation(({ ctx, input }) => createOrganization(ctx, input)),
  update: adminProcedure('write')
    .input(s.adminOrganizationUpdateInput)
    .output(organizationOutput)
    .mutation(({ ctx, input }) => updateOrganization(ctx, input)),
  list: adminProcedure('read')
    .input(s.adminOrganizationListInput)
    .output(s.adminOrganizationListOutput)
    .query(({ ctx, input }) => listOrganizations(ctx, input)),
  get: adminProcedure('read')
    .input(s.adminOrganizationGetInput)
    .output(s.adminOrganizationDetailOutput)
    .query(({ ctx, input }) => getOrganization(ctx, input)),
});

export const adminProfilesRouter = router({
  /** #38 also for an admin API key: the REST adapter authenticates it (see rest/register-routes.ts). */
  create: adminProcedure('write')
    .input(s.adminProfileCreateInput)
    .output(s.adminProfileOutput)
    .mutation(({ ctx, input }) => createProfile(ctx, input)),
  update: adminProcedure('write')
    .input(s.adminProfileUpdateInput)
    .output(s.adminProfileOutput)
    .mutation(({ ctx, input }) => updateProfileAsAdmin(ctx, input)),
  search: adminProcedure('read')
    .input(s.adminProfileSearchInput)
    .output(s.adminProfileSearchOutput)
    .query(({ ctx, input }) => searchProfiles(ctx, input)),
  get: adminProcedure('read')
    .input(s.adminProfileGetInput)
    .output(s.adminProfileOutput)
    .query(({ ctx, input }) => getProfileForAdmin(ctx, input)),
});
