import type { Metadata } from 'next';
import { ProfileSearch } from '@/components/admin/profiles/profile-search';
import { adminViewer } from '../admin-viewer';

export const metadata: Metadata = { title: 'Profiles' };

export default async function AdminProfilesPage() {
  await adminViewer();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Profiles</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          New profiles are added from their organization’s page.
        </p>
      </div>
      <ProfileSearch />
    </div>
  );
}
