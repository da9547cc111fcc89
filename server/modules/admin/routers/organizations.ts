import 'server-only';
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

export const adminOrganizationsRouter = router({
  create: userProcedure
    .meta({
      permission: 'admin.write',
      rest: {
        method: 'POST',
        path: '/admin/organizations/create',
        status: 201,
        auth: 'user',
        summary: 'Create an organization',
        tag: 'Admin',
      },
    })
    .input(s.adminOrganizationCreateInput)
    .output(organizationOutput)
    .mutation(({ ctx, input }) => createOrganization(ctx, input)),
  update: userProcedure
    .meta({
      permission: 'admin.write',
      rest: {
        method: 'POST',
        path: '/admin/organizations/update',
        status: 200,
        auth: 'user',
        summary: 'Update or archive an organization ("" clears a field)',
        tag: 'Admin',
      },
    })
    .input(s.adminOrganizationUpdateInput)
    .output(organizationOutput)
    .mutation(({ ctx, input }) => updateOrganization(ctx, input)),
  list: userProcedure
    .meta({
      permission: 'admin.read',
      rest: {
        method: 'POST',
        path: '/admin/organizations/list',
        status: 200,
        auth: 'user',
        summary: 'List organizations (search by name, status)',
        tag: 'Admin',
      },
    })
    .input(s.adminOrganizationListInput)
    .output(s.adminOrganizationListOutput)
    .query(({ ctx, input }) => listOrganizations(ctx, input)),
  get: userProcedure
    .meta({
      permission: 'admin.read',
      rest: {
        method: 'POST',
        path: '/admin/organizations/get',
        status: 200,
        auth: 'user',
        summary: 'An organization with its profiles and members',
        tag: 'Admin',
      },
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
      rest: {
        method: 'POST',
        path: '/admin/organization-profiles/create',
        status: 201,
        auth: 'user_or_client',
        summary: 'Create an organization profile (a platform admin, or an API key with the admin scope)',
        tag: 'Admin',
      },
    })
    .input(s.adminProfileCreateInput)
    .output(s.adminProfileOutput)
    .mutation(({ ctx, input }) => createProfile(ctx, input)),
  update: userProcedure
    .meta({
      permission: 'admin.write',
      rest: {
        method: 'POST',
        path: '/admin/organization-profiles/update',
        status: 200,
        auth: 'user',
        summary: 'Update a profile: participant tags with measurers and verifiers',
        tag: 'Admin',
      },
    })
    .input(s.adminProfileUpdateInput)
    .output(s.adminProfileOutput)
    .mutation(({ ctx, input }) => updateProfileAsAdmin(ctx, input)),
  search: userProcedure
    .meta({
      permission: 'admin.read',
      rest: {
        method: 'POST',
        path: '/admin/organization-profiles/search',
        status: 200,
        auth: 'user',
        summary: 'Profiles holding every listed participant tag',
        tag: 'Admin',
      },
    })
    .input(s.adminProfileSearchInput)
    .output(s.adminProfileSearchOutput)
    .query(({ ctx, input }) => searchProfiles(ctx, input)),
  get: userProcedure
    .meta({
      permission: 'admin.read',
      rest: {
        method: 'POST',
        path: '/admin/organization-profiles/get',
        status: 200,
        auth: 'user',
        summary: 'An organization profile',
        tag: 'Admin',
      },
    })
    .input(s.adminProfileGetInput)
    .output(s.adminProfileOutput)
    .query(({ ctx, input }) => getProfileForAdmin(ctx, input)),
});
