import type { Metadata } from 'next';
import { AdminLocationSearch } from '@/components/admin/locations/location-search';
import { adminViewer } from '../admin-viewer';

export const metadata: Metadata = { title: 'Locations' };

export default async function AdminLocationsPage() {
  await adminViewer();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Locations</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Business locations of every organization’s profiles.
        </p>
      </div>
      <AdminLocationSearch />
    </div>
  );
}
