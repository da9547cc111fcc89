import 'server-only';
import type { z } from 'zod';
import { defineTemplate } from '../../template';
import { LOCATIONS_TITLE, renderLocations } from './render';
import { type LocationsData, locationsDataSchema } from './schema';

/** Locations above which a render runs as a job. */
export const LOCATIONS_JOB_THRESHOLD = 500;
export const LOCATIONS_PREVIEW_LIMIT = 500;

const example = {
  profileId: '01890a5d-ac96-774b-bcce-b302099a8057',
  organizationName: 'Northwind Utilities',
  profileName: 'Northwind Gas Supply',
  filters: 'status active',
  locations: [
    {
      name: 'Waha Hub Interconnect',
      code: 'WAHA-01',
      type: 'transportation',
      basin: 'Permian',
      status: 'active',
      latitude: 31.2,
      longitude: -103.2,
      country: 'US',
      state: 'TX',
      city: 'Pecos',
      isDirectConnection: true,
      preferredSuppliers: ['Permian Clean Energy'],
    },
    {
      name: 'Leidy Storage',
      type: 'storage',
      basin: 'Appalachian',
      status: 'active',
      latitude: 41.35,
      longitude: -77.8,
      country: 'US',
      state: 'PA',
      isDirectConnection: false,
      preferredSuppliers: [],
    },
  ],
} satisfies z.input<typeof locationsDataSchema>;

export const locationsTemplate = defineTemplate({
  name: 'locations',
  version: 1,
  title: LOCATIONS_TITLE,
  description:
    "Inventory of a profile's business locations: counts by type, status and basin, a US map colored by type, and every location in a table.",
  numberPrefix: 'LI',
  schema: locationsDataSchema,
  example,
  profileIdOf: (data: LocationsData) => data.profileId,
  titleOf: (data: LocationsData) => `Locations of ${data.profileName}`,
  isLarge: (data: LocationsData) => data.locations.length > LOCATIONS_JOB_THRESHOLD,
  previewTooLarge: (data: LocationsData) =>
    data.locations.length > LOCATIONS_PREVIEW_LIMIT
      ? `A preview shows at most ${LOCATIONS_PREVIEW_LIMIT} locations; this data has ${data.locations.length}.`
      : undefined,
  render: renderLocations,
});
