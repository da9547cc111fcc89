import type { ReactNode } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { ProfileSectionNav } from '@/components/profiles/profile-section-nav';
import { profileSections } from '@/components/profiles/profile-sections';
import { profileAccess } from './profile-access';

/**
 * One profile: its name, its organization and the sections the user may open. A missing or foreign
 * profile is refused here, so its not-found page is the one of the profiles segment above.
 */
export default async function ProfileLayout({
  params,
  children,
}: {
  params: Promise<{ id: string }>;
  children: ReactNode;
}) {
  const { id } = await params;
  const { profile, organization, can, flags } = await profileAccess(id);
  const sections = profileSections(profile._id, can, flags);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: '/profiles', label: 'All profiles' }} title={profile.name}>
        {organization?.name}
      </PageHeader>
      {sections.length > 1 ? <ProfileSectionNav sections={sections} /> : null}
      {children}
    </div>
  );
}
