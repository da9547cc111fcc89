import type { Metadata } from 'next';
import { ProfileDetail } from '@/components/admin/profiles/profile-detail';
import { adminViewer, notFoundOnMissing } from '../../admin-viewer';

export const metadata: Metadata = { title: 'Profile' };

export default async function AdminProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await adminViewer();
  const profile = await caller.admin.profiles.get({ _id: id }).catch(notFoundOnMissing);
  return <ProfileDetail key={profile._id} initial={profile} />;
}
