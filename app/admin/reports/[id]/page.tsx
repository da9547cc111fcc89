import type { Metadata } from 'next';
import { ReportDetail } from '@/components/admin/reports/report-detail';
import { adminViewer, notFoundOnMissing } from '../../admin-viewer';

export const metadata: Metadata = { title: 'Report' };

/** One report seen from the console: its record, Download, verify, Void. */
export default async function AdminReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await adminViewer();
  const report = await caller.admin.reports.get({ _id: id }).catch(notFoundOnMissing);
  return <ReportDetail key={report._id} initial={report} />;
}
