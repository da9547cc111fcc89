import type { ReactNode } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { type ProfileSection, ProfileSectionNav } from '@/components/profiles/profile-section-nav';
import { profileAccess } from './profile-access';

/** One profile: its name, its organization and the sections the user may open. */
export default async function ProfileLayout({
  params,
  children,
}: {
  params: Promise<{ id: string }>;
  children: ReactNode;
}) {
  const { id } = await params;
  const { profile, organization, can } = await profileAccess(id);
  const base = `/profiles/${profile._id}`;
  const sections: ProfileSection[] = [
    { label: 'Overview', href: base, exact: true },
    ...(can('locations.read') ? [{ label: 'Locations', href: `${base}/locations` }] : []),
    ...(can('api_keys.read') ? [{ label: 'API keys', href: `${base}/api-keys` }] : []),
  ];
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: '/profiles', label: 'All profiles' }} title={profile.name}>
        {organization?.name}
      </PageHeader>
      <ProfileSectionNav sections={sections} />
      {children}
    </div>
  );
}
