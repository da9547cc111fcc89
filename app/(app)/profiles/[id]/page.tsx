import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { ProfileDetails } from '@/components/organizations/profiles/profile-details';
import { currentMe } from '../../current-me';

export const metadata: Metadata = { title: 'Profile' };

/** A malformed or foreign id is refused like a missing one (400/404): both are "not found" here. */
const isMissing = (error: unknown) =>
  ['NOT_FOUND', 'BAD_REQUEST'].includes((error as { code?: string } | null)?.code ?? '');

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await currentMe();
  const [profile, organizations] = await Promise.all([
    caller.profiles.get({ profileId: id }).catch((error: unknown) => {
      if (isMissing(error)) notFound();
      throw error;
    }),
    caller.organizations.list(),
  ]);
  const organization = organizations.items.find((o) => o._id === profile.organizationId);
  // Write access comes from the user's roles in the profile's own organization, whichever is active.
  const permissions = organization?.profiles.find((p) => p._id === profile._id)?.permissions ?? [];
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: '/profiles', label: 'All profiles' }} title={profile.name}>
        {organization?.name}
      </PageHeader>
      <ProfileDetails key={profile._id} initial={profile} canWrite={permissions.includes('profiles.write')} />
    </div>
  );
}
