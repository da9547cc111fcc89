import 'server-only';
import { z } from 'zod';
import { message, uuidSchema } from '@/server/modules/auth/schemas';
import { basinSchema, locationStatusSchema, locationTypeSchema } from '@/server/modules/locations/schemas';

/** The locations inventory's data: everything printed comes from here (the service builds it). */

export const MAX_REPORT_LOCATIONS = 20_000;

const text = (max = 200) =>
  z
    .string(message('must be text'))
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });
const optionalText = (max = 200) =>
  z
    .string(message('must be text'))
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .optional();

export const reportLocationSchema = z.strictObject(
  {
    name: text(),
    code: optionalText(64),
    type: locationTypeSchema.optional(),
    basin: basinSchema.optional(),
    status: locationStatusSchema,
    latitude: z.number(message('must be a number')).min(-90).max(90).optional(),
    longitude: z.number(message('must be a number')).min(-180).max(180).optional(),
    country: optionalText(2),
    state: optionalText(100),
    city: optionalText(100),
    isDirectConnection: z.boolean(message('must be true or false')),
    preferredSuppliers: z.array(text(), message('must be a list of names')).max(50),
  },
  message('must be an object'),
);

export const locationsDataSchema = z.strictObject(
  {
    profileId: uuidSchema.describe('the profile: its users may download the report'),
    organizationName: text(),
    profileName: text(),
    generatedFor: optionalText(200).describe('who asked for it, printed under the title'),
    filters: optionalText(300).describe('the filters in words, e.g. "status active, basin Permian"'),
    locations: z
      .array(reportLocationSchema, message('must be a list of locations'))
      .max(MAX_REPORT_LOCATIONS, { error: `must list at most ${MAX_REPORT_LOCATIONS} locations` }),
  },
  message('must be an object'),
);

export type LocationsData = z.output<typeof locationsDataSchema>;
export type ReportLocation = LocationsData['locations'][number];
