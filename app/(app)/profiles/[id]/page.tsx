import type { Metadata } from 'next';
import { ProfileDetails } from '@/components/organizations/profiles/profile-details';
import { profileAccess } from './profile-access';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { profile, can } = await profileAccess(id);
  return <ProfileDetails key={profile._id} initial={profile} canWrite={can('profiles.write')} />;
}
