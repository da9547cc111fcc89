import 'server-only';
import { restShapes } from '@/server/core/meta';
import { principalProcedure, router, userProcedure } from '@/server/core/trpc';
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

const rest = restShapes('Admin');

export const adminOrganizationsRouter = router({
  create: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post('/admin/organizations/create', 'Create an organization', { status: 201 }),
    })
    .input(s.adminOrganizationCreateInput)
    .output(organizationOutput)
    .mutation(({ ctx, input }) => createOrganization(ctx, input)),
  update: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post('/admin/organizations/update', 'Update or archive an organization ("" clears a field)'),
    })
    .input(s.adminOrganizationUpdateInput)
    .output(organizationOutput)
    .mutation(({ ctx, input }) => updateOrganization(ctx, input)),
  list: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post('/admin/organizations/list', 'List organizations (search by name, status)'),
    })
    .input(s.adminOrganizationListInput)
    .output(s.adminOrganizationListOutput)
    .query(({ ctx, input }) => listOrganizations(ctx, input)),
  get: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post('/admin/organizations/get', 'An organization with its profiles and members'),
    })
    .input(s.adminOrganizationGetInput)
    .output(s.adminOrganizationDetailOutput)
    .query(({ ctx, input }) => getOrganization(ctx, input)),
});

export const adminProfilesRouter = router({
  /** #38 also for an admin API key: the REST adapter authenticates it (see rest/register-routes.ts). */
  create: principalProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post(
        '/admin/organization-profiles/create',
        'Create an organization profile (a platform admin, or an API key with the admin scope)',
        { status: 201, auth: 'user_or_client' },
      ),
    })
    .input(s.adminProfileCreateInput)
    .output(s.adminProfileOutput)
    .mutation(({ ctx, input }) => createProfile(ctx, input)),
  update: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post(
        '/admin/organization-profiles/update',
        'Update a profile: participant tags with measurers and verifiers',
      ),
    })
    .input(s.adminProfileUpdateInput)
    .output(s.adminProfileOutput)
    .mutation(({ ctx, input }) => updateProfileAsAdmin(ctx, input)),
  search: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post('/admin/organization-profiles/search', 'Profiles holding every listed participant tag'),
    })
    .input(s.adminProfileSearchInput)
    .output(s.adminProfileSearchOutput)
    .query(({ ctx, input }) => searchProfiles(ctx, input)),
  get: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post('/admin/organization-profiles/get', 'An organization profile'),
    })
    .input(s.adminProfileGetInput)
    .output(s.adminProfileOutput)
    .query(({ ctx, input }) => getProfileForAdmin(ctx, input)),
});
