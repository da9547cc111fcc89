import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OrganizationCreateForm } from '@/components/admin/organizations/organization-create-form';
import { PageHeader } from '@/components/layout/page-header';
import { adminViewer } from '../../admin-viewer';

export const metadata: Metadata = { title: 'New organization' };

export default async function NewOrganizationPage() {
  const { canWrite } = await adminViewer();
  if (!canWrite) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: '/admin/organizations', label: 'All organizations' }}
        title="New organization"
      />
      <OrganizationCreateForm />
    </div>
  );
}
