import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OrganizationCreateForm } from '@/components/admin/organizations/organization-create-form';
import { adminViewer } from '../../admin-viewer';

export const metadata: Metadata = { title: 'New organization' };

export default async function NewOrganizationPage() {
  const { canWrite } = await adminViewer();
  if (!canWrite) notFound();
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/organizations" className="text-sm font-medium text-emerald-800 hover:underline">
          ← All organizations
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">New organization</h1>
      </div>
      <OrganizationCreateForm />
    </div>
  );
}
