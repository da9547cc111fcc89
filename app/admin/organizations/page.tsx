import type { Metadata } from 'next';
import Link from 'next/link';
import { OrganizationList } from '@/components/admin/organizations/organization-list';
import { buttonClass } from '@/components/ui/button';
import { adminViewer } from '../admin-viewer';

export const metadata: Metadata = { title: 'Organizations' };

export default async function AdminOrganizationsPage() {
  const { canWrite } = await adminViewer();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Organizations</h1>
        {canWrite ? (
          <Link href="/admin/organizations/new" className={buttonClass('primary')}>
            New organization
          </Link>
        ) : null}
      </div>
      <OrganizationList canWrite={canWrite} />
    </div>
  );
}
