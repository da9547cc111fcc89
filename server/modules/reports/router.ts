import 'server-only';
import { z } from 'zod';
import type { FileAnswer } from '@/server/core/meta';
import { restShapes } from '@/server/core/meta';
import { principalProcedure, publicProcedure, router } from '@/server/core/trpc';
import * as s from './schemas';
import { getReport } from './services/get-report';
import { listReports } from './services/list-reports';
import { renderLocationsReport } from './services/render-locations-report';
import { reportPdf } from './services/report-pdf';
import { verifyReport } from './services/verify-report';

const rest = restShapes('Reports');
const client = { auth: 'user_or_client' } as const;

/** A FileAnswer (server/core/meta.ts): the REST adapter sends `body` with its type. */
const pdfAnswer = z.custom<FileAnswer>();

/**
 * A profile's reports (the dashboard's reports page, and API keys with reports:read): list, get,
 * the PDF, the `locations` report; and the public verification of a statement's hash.
 */
export const reportsRouter = router({
  list: principalProcedure
    .meta({
      permission: 'reports.read',
      rest: rest.post(
        '/reports/list',
        "A profile's reports, newest first (search, template; sort, offset, total)",
        client,
      ),
    })
    .input(s.reportListInput)
    .output(s.reportListOutput)
    .query(({ ctx, input }) => listReports(ctx, input)),
  get: principalProcedure
    .meta({ permission: 'reports.read', rest: rest.post('/reports/get', 'One report', client) })
    .input(s.reportIdInput)
    .output(s.reportOutput)
    .query(({ ctx, input }) => getReport(ctx, input)),
  renderLocations: principalProcedure
    .meta({
      permission: 'reports.write',
      rest: rest.post(
        '/reports/locations/render',
        "Render the inventory of a profile's business locations (the list's filters) as a PDF report",
        { ...client, status: 201 },
      ),
    })
    .input(s.reportRenderLocationsInput)
    .output(s.reportOutput)
    .mutation(({ ctx, input }) => renderLocationsReport(ctx, input)),
  pdf: principalProcedure
    .meta({
      permission: 'reports.read',
      rest: rest.get(
        '/reports/{id}/pdf',
        "Download a report's PDF (409 REPORT_NOT_READY until it is rendered)",
        {
          ...client,
          produces: 'application/pdf',
        },
      ),
    })
    .input(s.reportPdfInput)
    .output(pdfAnswer)
    .query(({ ctx, input }) => reportPdf(ctx, input)),
  verify: publicProcedure
    .meta({
      permission: 'public',
      rest: rest.get(
        '/verify/{hash}',
        'Whether a statement with this verification hash was issued and is not void',
        {
          auth: 'public',
        },
      ),
    })
    .input(s.reportVerifyInput)
    .output(s.reportVerifyOutput)
    .query(({ ctx, input }) => verifyReport(ctx, input)),
});
