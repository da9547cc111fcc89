import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NewUser } from '@/components/admin/users/new-user';
import { PageHeader } from '@/components/layout/page-header';
import { adminViewer } from '../../admin-viewer';

export const metadata: Metadata = { title: 'New user' };

export default async function NewUserPage() {
  const { canWrite } = await adminViewer();
  if (!canWrite) notFound();
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: '/admin/users', label: 'All users' }} title="New user" />
      <NewUser />
    </div>
  );
}
