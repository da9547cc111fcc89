import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { UserCreateForm } from '@/components/admin/users/user-create-form';
import { adminViewer } from '../../admin-viewer';

export const metadata: Metadata = { title: 'New user' };

export default async function NewUserPage() {
  const { canWrite } = await adminViewer();
  if (!canWrite) notFound();
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/users" className="text-sm font-medium text-emerald-800 hover:underline">
          ← All users
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">New user</h1>
      </div>
      <UserCreateForm />
    </div>
  );
}
