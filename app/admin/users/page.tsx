import type { Metadata } from 'next';
import Link from 'next/link';
import { UserSearch } from '@/components/admin/users/user-search';
import { buttonClass } from '@/components/ui/button';
import { adminViewer } from '../admin-viewer';

export const metadata: Metadata = { title: 'Users' };

export default async function AdminUsersPage() {
  const { canWrite } = await adminViewer();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        {canWrite ? (
          <Link href="/admin/users/new" className={buttonClass('primary')}>
            New user
          </Link>
        ) : null}
      </div>
      <UserSearch canWrite={canWrite} />
    </div>
  );
}
