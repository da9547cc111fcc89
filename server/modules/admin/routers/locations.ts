import 'server-only';
import { restShapes } from '@/server/core/meta';
import { principalProcedure, router } from '@/server/core/trpc';
import * as s from '@/server/modules/locations/schemas';
import { createLocation } from '@/server/modules/locations/services/create-location';
import { getLocation, presentAdminLocation } from '@/server/modules/locations/services/get-location';
import { listLocationsAsAdmin } from '@/server/modules/locations/services/list-locations';
import { updateLocation } from '@/server/modules/locations/services/update-location';

const rest = restShapes('Admin');
/** #41 is open to an API key with the admin scope, like #38 (and no other admin row). */
const client = { auth: 'user_or_client' } as const;

/** #41: business locations across organizations, through the tenant procedures' own services. */
export const adminLocationsRouter = router({
  create: principalProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post('/admin/business-locations/create', 'Create a business location in any profile', {
        ...client,
        status: 201,
      }),
    })
    .input(s.locationCreateInput)
    .output(s.adminLocationOutput)
    .mutation(async ({ ctx, input }) =>
      presentAdminLocation(ctx.db, await createLocation(ctx, input, 'admin')),
    ),
  update: principalProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post('/admin/business-locations/update', 'Update any business location', client),
    })
    .input(s.locationUpdateInput)
    .output(s.adminLocationOutput)
    .mutation(async ({ ctx, input }) =>
      presentAdminLocation(ctx.db, await updateLocation(ctx, input, 'admin')),
    ),
  get: principalProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post('/admin/business-locations/get', 'Any business location', client),
    })
    .input(s.locationIdInput)
    .output(s.adminLocationOutput)
    .query(async ({ ctx, input }) => presentAdminLocation(ctx.db, await getLocation(ctx, input, 'admin'))),
  list: principalProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post(
        '/admin/business-locations/list',
        'Business locations across organizations (search name or code; organization, profile, status, type, basin)',
        client,
      ),
    })
    .input(s.adminLocationListInput)
    .output(s.adminLocationListOutput)
    .query(({ ctx, input }) => listLocationsAsAdmin(ctx, input)),
});
