import { z } from 'zod';
import { countedPageOf, pageInput, pageOf, sortInput } from '@/server/core/pagination';
import { isoDate, message, uuidSchema } from '@/server/modules/auth/schemas';
import {
  addressOrEmptySchema,
  addressSchema,
  fieldLimits,
  nameSchema,
} from '@/server/modules/organizations/schemas';
import {
  basinNames,
  canonicalBasin,
  locationStatuses,
  locationTypeNames,
  MAX_PREFERRED_SUPPLIERS,
} from './catalog';

/**
 * Inputs and outputs of business locations (REST #21-#24, #41, #49); one definition each, read by
 * the procedures, the forms and the CSV import (a CSV row is validated as a create input).
 */

export const locationLimits = { code: 64, supplier: 200, search: 200 } as const;

const text = () => z.string(message('must be text'));

export const locationTypeSchema = z.enum(locationTypeNames, {
  error: `must be one of: ${locationTypeNames.join(', ')}`,
});
export const locationStatusSchema = z.enum(locationStatuses, {
  error: `must be one of: ${locationStatuses.join(', ')}`,
});

/** Any case or another name of a catalog basin; the canonical name is what is stored. */
export const basinSchema = text()
  .transform((value, ctx) => {
    const basin = canonicalBasin(value);
    if (basin) return basin;
    ctx.addIssue({
      code: 'custom',
      message: `must be a North American basin such as ${basinNames.slice(0, 4).join(', ')}`,
    });
    return z.NEVER;
  })
  .describe(`one of: ${basinNames.join(', ')} (any case, or another common name)`);

/** A partner system's id or a facility code, unique within the profile; `""` clears it on update. */
export const locationCodeSchema = text()
  .trim()
  .max(locationLimits.code)
  .regex(/^$|^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, {
    error: 'must be letters, digits, dots, dashes, underscores, colons or slashes',
  });

/** 0-50 names without `;`, trimmed, blanks dropped, duplicates (case-insensitive) dropped keeping the first. */
export const preferredSuppliersSchema = z
  .array(
    text()
      .trim()
      .max(locationLimits.supplier)
      // `;` separates the names in the CSV format (contract #49): a name holding one would come back as two
      .refine((name) => !name.includes(';'), {
        error: 'must not contain ";" (it separates suppliers in CSV files)',
      }),
    message('must be a list of names'),
  )
  .max(MAX_PREFERRED_SUPPLIERS * 4)
  .transform((names) => {
    const seen = new Set<string>();
    return names.filter((name) => {
      const key = name.toLowerCase();
      if (name === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  })
  .refine((names) => names.length <= MAX_PREFERRED_SUPPLIERS, {
    error: `must name at most ${MAX_PREFERRED_SUPPLIERS} suppliers`,
  });

/** A number in [-limit, limit]; out of range says so (the type's message would say "must be a number"). */
const degrees = (limit: number) =>
  z
    .number(message('must be a number'))
    .min(-limit, { error: `must be between -${limit} and ${limit}` })
    .max(limit, { error: `must be between -${limit} and ${limit}` });

export const coordinatesSchema = z.strictObject({ latitude: degrees(90), longitude: degrees(180) });

const locationFields = {
  name: nameSchema,
  code: locationCodeSchema.optional(),
  type: locationTypeSchema.optional(),
  basin: basinSchema.optional(),
  isDirectConnection: z.boolean(message('must be true or false')).optional(),
  preferredSuppliers: preferredSuppliersSchema.optional(),
  coordinates: coordinatesSchema.optional(),
};

/** #21 (and one CSV row): status is active unless given. */
export const locationCreateInput = z.strictObject({
  profileId: uuidSchema,
  ...locationFields,
  address: addressSchema,
  status: locationStatusSchema.optional(),
});

/**
 * #22: absent fields stay; `""` clears code; `type`/`basin`/`coordinates` take `null` to clear;
 * `address` is replaced whole (`{}` clears it). profileId never changes.
 */
export const locationUpdateInput = z.strictObject({
  _id: uuidSchema,
  name: nameSchema.optional(),
  code: locationCodeSchema.optional(),
  type: locationTypeSchema.nullable().optional(),
  basin: basinSchema.nullable().optional(),
  isDirectConnection: z.boolean(message('must be true or false')).optional(),
  preferredSuppliers: preferredSuppliersSchema.optional(),
  coordinates: coordinatesSchema.nullable().optional(),
  address: addressOrEmptySchema.optional(),
  status: locationStatusSchema.optional(),
});

export const locationIdInput = z.strictObject({ _id: uuidSchema });

/** The filters of the list and of the export (#24, #49). */
export const locationFilterFields = {
  profileId: uuidSchema,
  status: locationStatusSchema.optional(),
  type: locationTypeSchema.optional(),
  basin: basinSchema.optional(),
  q: text().trim().max(locationLimits.search).optional().describe('part of the name or code, any case'),
};

export const locationSortFields = ['name', 'type', 'basin', 'status', 'createdAt', 'updatedAt'] as const;

/**
 * Rows skipped before the page, for the dashboard's page-numbered table when it is sorted (a
 * profile holds up to a hundred thousand locations, hence a bound above the shared offsetInput's).
 */
export const locationOffsetInput = z
  .number(message('must be a number'))
  .int()
  .min(0)
  .max(100_000)
  .optional()
  .describe('0..100000 rows to skip (page-numbered tables); prefer cursor to walk a list');

/** The table's page and total: `withTotal` adds one count query to the page's one query. */
const listExtras = {
  sort: sortInput(locationSortFields, 'oldest first'),
  offset: locationOffsetInput,
  withTotal: z.boolean(message('must be true or false')).optional().describe('also return total'),
  ...pageInput,
};

/** #24: keyset pages on id (stable under inserts); `sort`, `offset` and `withTotal` serve the dashboard table. */
export const locationListInput = z.strictObject({
  ...locationFilterFields,
  ...listExtras,
});

export const locationExportInput = z.strictObject(locationFilterFields);

/** Several of a profile's locations at once (the table's bulk archive). */
export const locationBulkStatusInput = z.strictObject({
  profileId: uuidSchema,
  ids: z.array(uuidSchema).min(1).max(500),
  status: locationStatusSchema,
});

/** The bulk status change answers how many of the profile's own locations it changed. */
export const locationBulkStatusOutput = z.object({ updated: z.number().int() });

/** The map: every located location of the filtered set, light (no address, no suppliers). */
export const locationPointsInput = z.strictObject(locationFilterFields);
export const MAX_LOCATION_POINTS = 20_000;

const addressOutput = z.object({
  country: z.string(),
  state: z.string().optional(),
  city: z.string().optional(),
  line1: z.string().optional(),
  line2: z.string().optional(),
  postalCode: z.string().optional(),
});

export const locationOutput = z.object({
  _id: z.string(),
  organizationId: z.string(),
  profileId: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  type: z.string().nullable(),
  basin: z.string().nullable(),
  isDirectConnection: z.boolean(),
  preferredSuppliers: z.array(z.string()),
  coordinates: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  address: addressOutput.nullable(),
  status: locationStatusSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
});

export type LocationOutput = z.infer<typeof locationOutput>;

export const locationPageOutput = pageOf(locationOutput);
export const locationCountedPageOutput = countedPageOf(locationOutput);
/** #24's answer: `total` only when `withTotal` was asked. */
export const locationListOutput = pageOf(locationOutput).extend({
  total: z.number().int().optional().describe('rows matching the filters (with withTotal)'),
});

export const locationPointOutput = z.object({
  _id: z.string(),
  name: z.string(),
  type: z.string().nullable(),
  status: locationStatusSchema,
  latitude: z.number(),
  longitude: z.number(),
});
export const locationPointsOutput = z.object({
  items: z.array(locationPointOutput),
  truncated: z.boolean().describe(`true when more than ${MAX_LOCATION_POINTS} located locations match`),
});
export type LocationPoint = z.infer<typeof locationPointOutput>;

/**
 * #41 admin list: across organizations, every filter optional; `q` is part of the name or code.
 * Create, update and get take #21-#23's bodies (locationCreateInput, locationUpdateInput, locationIdInput).
 */
export const adminLocationListInput = z.strictObject({
  organizationId: uuidSchema.optional(),
  profileId: uuidSchema.optional(),
  status: locationFilterFields.status,
  type: locationFilterFields.type,
  basin: locationFilterFields.basin,
  q: locationFilterFields.q,
  ...listExtras,
});
export const adminLocationOutput = locationOutput.extend({
  organizationName: z.string(),
  profileName: z.string(),
});
export type AdminLocationOutput = z.infer<typeof adminLocationOutput>;
export const adminLocationListOutput = pageOf(adminLocationOutput).extend({
  total: z.number().int().optional().describe('rows matching the filters (with withTotal)'),
});

/** The location CSV (REST.md "Location CSV"): these columns in this order, then the optional ones. */
export const locationCsvColumns = [
  'name',
  'type',
  'basin',
  'isDirectConnection',
  'preferredSuppliers',
  'latitude',
  'longitude',
  'country',
  'state',
  'city',
  'line1',
  'postalCode',
  'status',
] as const;
/** Accepted on import and written on export after the contract's columns, so nothing is lost. */
export const locationCsvOptionalColumns = ['code', 'line2'] as const;
export const MAX_CSV_ROWS = 20_000;
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

export { fieldLimits };
