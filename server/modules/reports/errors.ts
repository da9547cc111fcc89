import type { ErrorTable } from '@/server/core/errors';

/**
 * The reports module's error codes (server/core/errors.ts assembles the one catalog). A report of
 * another tenant is REPORT_NOT_FOUND exactly like a missing one.
 */
export const reportsErrors = {
  REPORT_NOT_FOUND: { status: 404, title: 'Report not found' },
  TEMPLATE_NOT_FOUND: { status: 404, title: 'No such report template' },
  REPORT_PROFILE_NOT_FOUND: { status: 422, title: "The data's profileId names no profile" },
  REPORT_NOT_READY: { status: 409, title: 'The report is not rendered yet' },
  REPORT_ALREADY_VOID: { status: 409, title: 'The report is already void' },
  SERIALS_ALREADY_RETIRED: {
    status: 409,
    title: 'Some of these serial numbers are retired on another statement that is not void',
  },
  REPORT_TOO_LARGE_TO_PREVIEW: { status: 413, title: 'Too much data to preview' },
} as const satisfies ErrorTable;
