import { z } from 'zod';
import { pageInput, pageOf, sortInput } from '@/server/core/pagination';
import { isoDate, message, uuidSchema } from '@/server/modules/auth/schemas';
import { basinSchema, locationStatusSchema, locationTypeSchema } from '@/server/modules/locations/schemas';

/**
 * Inputs and outputs of reports (REST #44 and the reports pages); one definition each, read by the
 * procedures and the screens. A template's own `data` schema lives in its folder
 * (templates/<name>/schema.ts); here `data` is any object, checked against the template's schema
 * by the service (400 VALIDATION_FAILED with paths `data.…`).
 */

export const reportStatuses = ['pending', 'rendering', 'ready', 'failed'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportStatusSchema = z.enum(reportStatuses, {
  error: `must be one of: ${reportStatuses.join(', ')}`,
});

export const reportLimits = { search: 200, templateName: 64, voidReason: 500 } as const;

/** A SHA-256 in lower-case hex: the verification hash of a statement. */
export const reportHashSchema = z
  .string(message('must be text'))
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, { error: 'must be 64 hexadecimal characters (a SHA-256)' });

const templateNameSchema = z
  .string(message('must be text'))
  .trim()
  .min(1, { error: 'must name a template' })
  .max(reportLimits.templateName)
  .describe('a template name (GET /admin/reports/templates lists them)');

const actorOutput = z.object({ _id: z.string(), name: z.string() }).nullable();

/** One report: its record, never its bytes (downloadUrl serves them). */
export const reportOutput = z.object({
  _id: z.string(),
  template: z.string(),
  templateVersion: z.number().int(),
  title: z.string(),
  statementNumber: z.string().describe('RS-2026-000001 (retirement), LI-2026-000001 (locations)'),
  status: reportStatusSchema,
  voided: z.boolean(),
  voidedAt: isoDate.nullable(),
  voidReason: z.string().nullable(),
  voidedBy: actorOutput,
  profileId: z.string().nullable(),
  profileName: z.string().nullable(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  issuedAt: isoDate,
  verificationHash: z
    .string()
    .describe('SHA-256 hex of the RFC 8785 JSON of {template, version, statementNumber, issuedAt, data}'),
  pdfSha256: z.string().nullable().describe("the PDF file's own SHA-256 (once ready)"),
  byteSize: z.number().int().nullable(),
  pageCount: z.number().int().nullable(),
  downloadUrl: z.string().describe('REST path of the PDF: /api/v1/reports/{id}/pdf'),
  createdAt: isoDate,
  createdBy: actorOutput.describe('the user, or the API key (its name) that asked for it'),
  error: z.string().nullable().describe('why the render failed, in one sentence (status failed)'),
});
export type ReportRecord = z.infer<typeof reportOutput>;

export const reportSortFields = ['createdAt', 'statementNumber', 'title', 'template', 'status'] as const;

const offsetSchema = z
  .number(message('must be a number'))
  .int()
  .min(0)
  .max(10_000)
  .optional()
  .describe('0..10000 rows to skip (page-numbered tables); prefer cursor to walk a list');

const listExtras = {
  sort: sortInput(reportSortFields, 'newest first'),
  offset: offsetSchema,
  withTotal: z.boolean(message('must be true or false')).optional().describe('also return total'),
  ...pageInput,
};

const searchSchema = z
  .string(message('must be text'))
  .trim()
  .max(reportLimits.search)
  .optional()
  .describe('part of the statement number or title, any case; or the start of the verification hash');

/** The reports of one profile (the dashboard's reports page). */
export const reportListInput = z.strictObject({
  profileId: uuidSchema,
  search: searchSchema,
  template: templateNameSchema.optional(),
  ...listExtras,
});

export const reportListOutput = pageOf(reportOutput).extend({
  total: z.number().int().optional().describe('rows matching the filters (with withTotal)'),
});

export const reportIdInput = z.strictObject({ _id: uuidSchema });

/** The REST download: `GET /reports/{id}/pdf`. */
export const reportPdfInput = z.strictObject({ id: uuidSchema });

/** The `locations` report of a profile, under the list's filters. */
export const reportRenderLocationsInput = z.strictObject({
  profileId: uuidSchema,
  status: locationStatusSchema.optional(),
  type: locationTypeSchema.optional(),
  basin: basinSchema.optional(),
});

/** Public: whether a statement with this hash was issued and is not void; nothing more. */
export const reportVerifyInput = z.strictObject({
  hash: z.string(message('must be text')).max(200).describe('a verification hash (64 hex characters)'),
});
export const reportVerifyOutput = z.object({ hash: z.string(), valid: z.boolean() });

/** #44: `data` is checked against the template's schema. */
export const reportRenderInput = z.strictObject({
  template: templateNameSchema,
  data: z
    .record(z.string(), z.unknown(), message('must be an object'))
    .describe("the template's data (its JSON Schema: GET /admin/reports/templates)"),
});

export const reportPreviewOutput = z.object({
  contentType: z.literal('application/pdf'),
  base64: z.string().describe('the PDF, base64'),
  pageCount: z.number().int(),
});

export const reportTemplateOutput = z.object({
  name: z.string(),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  jsonSchema: z.record(z.string(), z.unknown()).describe("the JSON Schema of the template's data"),
  example: z.record(z.string(), z.unknown()).describe('valid data for the template'),
});
export type ReportTemplateInfo = z.infer<typeof reportTemplateOutput>;
export const reportTemplatesOutput = z.object({ items: z.array(reportTemplateOutput) });

/** The admin console's list: across organizations, every filter optional. */
export const adminReportListInput = z.strictObject({
  search: searchSchema.describe(
    'part of the statement number, title, profile or organization name, any case; or the start of the verification hash',
  ),
  template: templateNameSchema.optional(),
  status: reportStatusSchema.optional(),
  voided: z.boolean(message('must be true or false')).optional(),
  profileId: uuidSchema.optional(),
  ...listExtras,
});

export const reportVoidInput = z.strictObject({
  _id: uuidSchema,
  reason: z
    .string(message('must be text'))
    .trim()
    .min(1, { error: 'must say why' })
    .max(reportLimits.voidReason, { error: `must be at most ${reportLimits.voidReason} characters` }),
});

/** The browser's download route (server/http/report-files.ts), with the session cookie. */
export const reportFilePath = (id: string) => `/api/files/reports/${id}/pdf`;
export const reportRestPdfPath = (id: string) => `/api/v1/reports/${id}/pdf`;
