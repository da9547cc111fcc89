import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LocationsView } from '@/components/locations/locations-view';
import { profileAccess } from '../profile-access';

export const metadata: Metadata = { title: 'Locations' };

export default async function ProfileLocationsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { profile, can } = await profileAccess(id);
  if (!can('locations.read')) notFound();
  return <LocationsView profileId={profile._id} canWrite={can('locations.write')} />;
}
