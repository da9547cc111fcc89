import type { Metadata } from 'next';
import Link from 'next/link';
import { LocationDetails } from '@/components/locations/location-details';
import { StateBadge } from '@/components/state-badge';
import { adminViewer, notFoundOnMissing } from '../../admin-viewer';

export const metadata: Metadata = { title: 'Location' };

/** One location seen from the console: its details and the way to its profile and organization. */
export default async function AdminLocationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await adminViewer();
  const location = await caller.admin.locations.get({ _id: id }).catch(notFoundOnMissing);
  const names = location as { organizationName?: string; profileName?: string };
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/admin/locations" className="focus-ring rounded-sm text-sm text-link hover:underline">
          ← All locations
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight break-all">{location.name}</h1>
          <StateBadge kind="location" state={location.status} />
        </div>
        <p className="text-sm text-muted-foreground">
          <Link
            href={`/admin/profiles/${location.profileId}`}
            className="focus-ring rounded-sm text-link hover:underline"
          >
            {names.profileName ?? 'Its profile'}
          </Link>
          {' · '}
          <Link
            href={`/admin/organizations/${location.organizationId}`}
            className="focus-ring rounded-sm text-link hover:underline"
          >
            {names.organizationName ?? 'Its organization'}
          </Link>
        </p>
      </div>
      <LocationDetails location={location} />
    </div>
  );
}
