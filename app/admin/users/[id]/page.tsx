import type { Metadata } from 'next';
import { UserDetail } from '@/components/admin/users/user-detail';
import { adminViewer, notFoundOnMissing } from '../../admin-viewer';

export const metadata: Metadata = { title: 'User' };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await adminViewer();
  const user = await caller.admin.users.get({ userId: id }).catch(notFoundOnMissing);
  return <UserDetail key={user._id} initial={user} />;
}
