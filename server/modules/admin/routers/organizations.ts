import { adminProcedure, router } from '@/server/core/trpc';
import { organizationOutput } from '@/server/modules/organizations/schemas';
import { createOrganization } from '@/server/modules/organizations/services/create-organization';
import { getOrganization } from '@/server/modules/organizations/services/get-organization';
import { listOrganizations } from '@/server/modules/organizations/services/list-organizations';
import { updateOrganization } from '@/server/modules/organizations/services/update-organization';
import { createProfile } from '@/server/modules/profiles/services/create-profile';
import { getProfileForAdmin } from '@/server/modules/profiles/services/get-profile';
import { searchProfiles } from '@/server/modules/profiles/services/search-profiles';
import { updateProfileAsAdmin } from '@/server/modules/profiles/services/update-profile';
import * as s from '../schemas';

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
