import type { Metadata } from 'next';
import { ReportsHeader } from '@/components/admin/reports/reports-nav';
import { TemplateList } from '@/components/admin/reports/template-list';
import { adminViewer } from '../../admin-viewer';

export const metadata: Metadata = { title: 'Report templates' };

export default async function AdminReportTemplatesPage() {
  const { caller, canWrite } = await adminViewer();
  const { items } = await caller.admin.reports.templates();
  return (
    <div className="space-y-6">
      <ReportsHeader
        title="Report templates"
        description="Each template turns validated data into a PDF; its JSON Schema says what the data must hold."
        current="templates"
        canWrite={canWrite}
      />
      <TemplateList templates={items} canWrite={canWrite} />
    </div>
  );
}
