import type { Metadata } from 'next';
import { AdminReportSearch } from '@/components/admin/reports/report-search';
import { ReportsHeader } from '@/components/admin/reports/reports-nav';
import { adminViewer } from '../admin-viewer';

export const metadata: Metadata = { title: 'Reports' };

export default async function AdminReportsPage() {
  const { canWrite } = await adminViewer();
  return (
    <div className="space-y-6">
      <ReportsHeader
        title="Reports"
        description="Retirement statements and locations inventories of every organization’s profiles."
        current="list"
        canWrite={canWrite}
      />
      <AdminReportSearch />
    </div>
  );
}
