import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LocationDetails } from '@/components/locations/location-details';
import { LocationForm } from '@/components/locations/location-form';
import { StateBadge } from '@/components/state-badge';
import { profileAccess } from '../../profile-access';

export const metadata: Metadata = { title: 'Location' };

/** A malformed or foreign id is refused like a missing one (400/404): both are "not found" here. */
const isMissing = (error: unknown) =>
  ['NOT_FOUND', 'BAD_REQUEST'].includes((error as { code?: string } | null)?.code ?? '');

/** One location of the profile: its form with locations.write, its details without. */
export default async function LocationPage({
  params,
}: {
  params: Promise<{ id: string; locationId: string }>;
}) {
  const { id, locationId } = await params;
  const { caller, profile, can } = await profileAccess(id);
  if (!can('locations.read')) notFound();
  const location = await caller.locations.get({ _id: locationId }).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  // another profile's location opened under this one looks missing, like a foreign one
  if (location.profileId !== profile._id) notFound();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Link
          href={`/profiles/${profile._id}/locations`}
          className="focus-ring rounded-sm text-sm text-link hover:underline"
        >
          ← Locations
        </Link>
        <h2 className="text-lg font-semibold break-all">{location.name}</h2>
        <StateBadge kind="location" state={location.status} />
      </div>
      {can('locations.write') ? (
        <LocationForm key={location.updatedAt} profileId={profile._id} location={location} />
      ) : (
        <LocationDetails location={location} />
      )}
    </div>
  );
}
