import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
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
      <div>
        <Link href="/profiles" className="text-sm font-medium text-emerald-800 hover:underline">
          ← All profiles
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{profile.name}</h1>
        {organization ? <p className="mt-1 text-sm text-slate-600">{organization.name}</p> : null}
      </div>
      <ProfileDetails key={profile._id} initial={profile} canWrite={permissions.includes('profiles.write')} />
    </div>
  );
}
