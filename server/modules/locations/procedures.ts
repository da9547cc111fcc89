import 'server-only';
import { restShapes } from '@/server/core/meta';
import { principalProcedure } from '@/server/core/trpc';
import * as s from './schemas';
import { createLocation } from './services/create-location';
import { getLocation } from './services/get-location';
import { listLocations } from './services/list-locations';
import { locationPoints } from './services/location-points';
import { presentLocation } from './services/present-location';
import { setLocationStatus } from './services/set-location-status';
import { updateLocation } from './services/update-location';

const rest = restShapes('Business locations');
const client = { auth: 'user_or_client' } as const;

/**
 * create, update, get, list, bulk status and map points of business locations (REST #21-#24): a
 * user by role on the profile, an API key by scope on its own profile.
 */
export const locationProcedures = {
  create: principalProcedure
    .meta({
      permission: 'locations.write',
      rest: rest.post('/business-locations/create', 'Create a business location', { ...client, status: 201 }),
    })
    .input(s.locationCreateInput)
    .output(s.locationOutput)
    .mutation(async ({ ctx, input }) => presentLocation(await createLocation(ctx, input))),
  update: principalProcedure
    .meta({
      permission: 'locations.write',
      rest: rest.post(
        '/business-locations/update',
        'Update a business location (absent fields stay; address and coordinates are replaced whole)',
        client,
      ),
    })
    .input(s.locationUpdateInput)
    .output(s.locationOutput)
    .mutation(async ({ ctx, input }) => presentLocation(await updateLocation(ctx, input))),
  get: principalProcedure
    .meta({
      permission: 'locations.read',
      rest: rest.post('/business-locations/get', 'Return details for a business location', client),
    })
    .input(s.locationIdInput)
    .output(s.locationOutput)
    .query(async ({ ctx, input }) => presentLocation(await getLocation(ctx, input))),
  list: principalProcedure
    .meta({
      permission: 'locations.read',
      rest: rest.post(
        '/business-locations/list',
        'List business locations for a given profile (filters, cursor pages; sort, offset and total for tables)',
        client,
      ),
    })
    .input(s.locationListInput)
    .output(s.locationListOutput)
    .query(({ ctx, input }) => listLocations(ctx, input)),
  setStatus: principalProcedure
    .meta({
      permission: 'locations.write',
      rest: rest.post(
        '/business-locations/status',
        "Set the status of several of a profile's locations (bulk archive); other ids are not touched",
        client,
      ),
    })
    .input(s.locationBulkStatusInput)
    .output(s.locationBulkStatusOutput)
    .mutation(({ ctx, input }) => setLocationStatus(ctx, input)),
  points: principalProcedure
    .meta({
      permission: 'locations.read',
      rest: rest.post(
        '/business-locations/points',
        'Every located location of the filtered set, light, for the map',
        client,
      ),
    })
    .input(s.locationPointsInput)
    .output(s.locationPointsOutput)
    .query(({ ctx, input }) => locationPoints(ctx, input)),
};
