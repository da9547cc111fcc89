import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LocationForm } from '@/components/locations/location-form';
import { profileAccess } from '../../profile-access';

export const metadata: Metadata = { title: 'New location' };

export default async function NewLocationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { profile, can } = await profileAccess(id);
  if (!can('locations.write')) notFound();
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">New location</h2>
      <LocationForm profileId={profile._id} />
    </div>
  );
}
