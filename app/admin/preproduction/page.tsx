import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PreproductionReset } from '@/components/admin/preproduction/preproduction-reset';
import { PageHeader } from '@/components/layout/page-header';
import { adminViewer } from '../admin-viewer';

export const metadata: Metadata = { title: 'Preproduction' };

/** Platform admins only: support cannot reset, so the page is not theirs either. */
export default async function PreproductionPage() {
  const { caller, canWrite } = await adminViewer();
  if (!canWrite) notFound();
  const status = await caller.admin.preproduction.status();
  return (
    <div className="space-y-6">
      <PageHeader title="Preproduction">
        Refresh a preproduction copy of the platform: a known temporary password for every account and no
        secret from production left.
      </PageHeader>
      <PreproductionReset status={status} />
    </div>
  );
}
