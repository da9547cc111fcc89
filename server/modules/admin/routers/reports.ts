import 'server-only';
import { restShapes } from '@/server/core/meta';
import { router, userProcedure } from '@/server/core/trpc';
import * as s from '@/server/modules/reports/schemas';
import { getReport } from '@/server/modules/reports/services/get-report';
import { listReportsAsAdmin } from '@/server/modules/reports/services/list-reports';
import { listTemplates } from '@/server/modules/reports/services/list-templates';
import { previewReport } from '@/server/modules/reports/services/preview-report';
import { renderReport } from '@/server/modules/reports/services/render-report';
import { voidReport } from '@/server/modules/reports/services/void-report';

const rest = restShapes('Admin');

/** #44 and the console's report management: signed-in platform staff only (no API key). */
export const adminReportsRouter = router({
  templates: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.get(
        '/admin/reports/templates',
        'The report templates, each with the JSON Schema of its data',
      ),
    })
    .output(s.reportTemplatesOutput)
    .query(() => listTemplates()),
  render: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post(
        '/admin/reports/render',
        'Render a report from a template and its data (400 lists every field problem), store it and return its record',
        { status: 201 },
      ),
    })
    .input(s.reportRenderInput)
    .output(s.reportOutput)
    .mutation(({ ctx, input }) => renderReport(ctx, input)),
  /** tRPC only: the render form's live preview; nothing is stored, numbered or audited. */
  preview: userProcedure
    .meta({ permission: 'admin.write' })
    .input(s.reportRenderInput)
    .output(s.reportPreviewOutput)
    .mutation(({ ctx, input }) => previewReport(ctx, input)),
  list: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post(
        '/admin/reports/list',
        'Reports across organizations (search number, title, profile or organization, hash prefix; template, status, voided)',
      ),
    })
    .input(s.adminReportListInput)
    .output(s.reportListOutput)
    .query(({ ctx, input }) => listReportsAsAdmin(ctx, input)),
  get: userProcedure
    .meta({ permission: 'admin.read', rest: rest.post('/admin/reports/get', 'Any report') })
    .input(s.reportIdInput)
    .output(s.reportOutput)
    .query(({ ctx, input }) => getReport(ctx, input, 'admin')),
  void: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post(
        '/admin/reports/void',
        'Void a report: it stays, marked void with the reason; its hash no longer verifies',
      ),
    })
    .input(s.reportVoidInput)
    .output(s.reportOutput)
    .mutation(({ ctx, input }) => voidReport(ctx, input)),
});
