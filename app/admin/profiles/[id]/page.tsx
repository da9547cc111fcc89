import type { Metadata } from 'next';
import { ProfileDetail } from '@/components/admin/profiles/profile-detail';
import { FeatureFlagsCard } from '@/components/flags/feature-flags-card';
import { adminViewer, notFoundOnMissing } from '../../admin-viewer';

export const metadata: Metadata = { title: 'Profile' };

export default async function AdminProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller, canWrite } = await adminViewer();
  const [profile, flags] = await Promise.all([
    caller.admin.profiles.get({ _id: id }).catch(notFoundOnMissing),
    caller.flags.get({ profileId: id }).catch(notFoundOnMissing),
  ]);
  return (
    <div className="space-y-6">
      <ProfileDetail key={profile._id} initial={profile} />
      <FeatureFlagsCard profileId={profile._id} initial={flags.flags} canWrite={canWrite} />
    </div>
  );
}
