import type { Metadata } from 'next';
import { FeatureFlagsCard } from '@/components/flags/feature-flags-card';
import { ProfileDetails } from '@/components/organizations/profiles/profile-details';
import { profileAccess } from './profile-access';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { profile, flags, can } = await profileAccess(id);
  return (
    <div className="space-y-6">
      <ProfileDetails key={profile._id} initial={profile} canWrite={can('profiles.write')} />
      {can('flags.read') ? (
        <FeatureFlagsCard profileId={profile._id} initial={flags} canWrite={can('flags.write')} />
      ) : null}
    </div>
  );
}
