import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RenderReportForm } from '@/components/admin/reports/render-form';
import { ReportsHeader } from '@/components/admin/reports/reports-nav';
import { adminViewer } from '../../admin-viewer';

export const metadata: Metadata = { title: 'Render a report' };

/** #44 from the console: platform admins only (support reads, and renders nothing). */
export default async function AdminRenderReportPage({
  searchParams,
}: {
  searchParams: Promise<{ template?: string }>;
}) {
  const { caller, canWrite } = await adminViewer();
  if (!canWrite) notFound();
  const [{ template }, { items }] = await Promise.all([searchParams, caller.admin.reports.templates()]);
  return (
    <div className="space-y-6">
      <ReportsHeader
        title="Render a report"
        description="Choose a template, give its data, check the preview, then issue it: the platform numbers it, stores the PDF and its hash."
        current="new"
        canWrite={canWrite}
      />
      <RenderReportForm templates={items} initialTemplate={template} />
    </div>
  );
}
