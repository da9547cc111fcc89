import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, id, timestamps } from './columns';
import { type Address, organizationProfiles, organizations } from './organizations';

/**
 * Where gas is bought, produced, processed, moved or stored. Names are unique within a profile
 * (case-insensitive), and so is the optional `code` (a partner system's id or a facility code;
 * certificate serials will use it). Latitude and longitude are both set or both null.
 */
export const businessLocations = pgTable(
  'business_locations',
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    profileId: uuid()
      .notNull()
      .references(() => organizationProfiles.id),
    name: text().notNull(),
    code: text(),
    type: text(),
    basin: text(),
    isDirectConnection: boolean().notNull().default(false),
    preferredSuppliers: jsonb().$type<string[]>().notNull().default([]),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    address: jsonb().$type<Address>(),
    status: text({ enum: ['active', 'inactive', 'archive'] })
      .notNull()
      .default('active'),
    /** the principal that created it: a user, or an API key (then createdBy is the key's creator) */
    createdBy: uuid(),
    createdByKeyId: uuid(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('business_locations_name_key').on(t.profileId, sql`lower(${t.name})`),
    uniqueIndex('business_locations_code_key').on(t.profileId, t.code).where(sql`${t.code} is not null`),
    // the list: a profile's locations keyset-paged on id, optionally by status
    index('business_locations_profile_idx').on(t.profileId, t.id),
    index('business_locations_profile_status_idx').on(t.profileId, t.status, t.id),
    // admin search across organizations and the name filter `lower(name) like '%x%'`
    index('business_locations_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    index('business_locations_org_idx').on(t.organizationId, t.id),
    check('business_locations_coordinates_check', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
  ],
);

/**
 * A CSV import of locations into one profile, run as a job: the file is kept only until the job
 * ends; `errors` holds every bad row ({line, path, message}) when validation failed.
 */
export const locationImports = pgTable(
  'location_imports',
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    profileId: uuid()
      .notNull()
      .references(() => organizationProfiles.id),
    status: text({ enum: ['pending', 'validating', 'importing', 'done', 'failed'] })
      .notNull()
      .default('pending'),
    /** the uploaded CSV, cleared when the job ends */
    source: text(),
    totalRows: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    imported: integer().notNull().default(0),
    errors: jsonb().$type<{ line: number; path: string; message: string }[]>().notNull().default([]),
    createdBy: uuid(),
    createdByKeyId: uuid(),
    finishedAt: at(),
    ...timestamps,
  },
  (t) => [
    index('location_imports_profile_idx').on(t.profileId, t.id),
    index('location_imports_finished_idx').on(t.finishedAt),
  ],
);
