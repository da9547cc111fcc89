import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, id, timestamps } from './columns';
import { organizationProfiles, organizations } from './organizations';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | Buffer }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value)),
});

/** An int8range written and read as PostgreSQL's text form `[first,last]` (normalised to `[first,last+1)`). */
const int8range = customType<{ data: string; driverData: string }>({ dataType: () => 'int8range' });

/**
 * A rendered (or rendering) report. `data` is the template's parsed, validated data: the PDF and
 * the verification hash are functions of (template, templateVersion, statementNumber, issuedAt,
 * data). The PDF's bytes live in report_files, so lists never load them. Statement numbers are
 * unique (RS-2026-000001); a voided report stays, marked void.
 */
export const reports = pgTable(
  'reports',
  {
    id: id(),
    template: text().notNull(),
    templateVersion: integer().notNull(),
    title: text().notNull(),
    statementNumber: text().notNull(),
    status: text({ enum: ['pending', 'rendering', 'ready', 'failed'] })
      .notNull()
      .default('pending'),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    organizationId: uuid().references(() => organizations.id),
    profileId: uuid().references(() => organizationProfiles.id),
    issuedAt: at().notNull(),
    verificationHash: text().notNull(),
    pdfSha256: text(),
    byteSize: integer(),
    pageCount: integer(),
    error: text(),
    voidedAt: at(),
    voidReason: text(),
    voidedBy: uuid(),
    /** the principal that asked for it: a user, or an API key (then createdBy is the key's creator) */
    createdBy: uuid(),
    createdByKeyId: uuid(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('reports_statement_number_key').on(t.statementNumber),
    uniqueIndex('reports_verification_hash_key').on(t.verificationHash),
    index('reports_profile_idx').on(t.profileId, t.id),
    index('reports_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
  ],
);

/** A report's PDF, once rendered. */
export const reportFiles = pgTable('report_files', {
  reportId: uuid()
    .primaryKey()
    .references(() => reports.id),
  bytes: bytea().notNull(),
});

/**
 * The serial ranges a retirement statement retires, per batch. An exclusion constraint (added in
 * the migration: `EXCLUDE USING gist (batch WITH =, units WITH &&) WHERE (live)`, btree_gist) keeps
 * two live ranges of one batch from overlapping; voiding or a failed render sets live = false.
 */
export const reportSerialRanges = pgTable(
  'report_serial_ranges',
  {
    id: id(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id),
    batch: text().notNull(),
    units: int8range().notNull(),
    live: boolean().notNull().default(true),
  },
  (t) => [index('report_serial_ranges_report_idx').on(t.reportId)],
);

/** The last statement number given per prefix and year: RS-2026-000041 is (RS, 2026, 41). */
export const reportNumbers = pgTable(
  'report_numbers',
  {
    prefix: text().notNull(),
    year: integer().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);
