import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProfileApiKeys } from '@/components/api-keys/profile-api-keys';
import { allPermissions } from '@/server/core/access/catalog';
import { profileAccess } from '../profile-access';

export const metadata: Metadata = { title: 'API keys' };

/** A profile's API keys, for those holding api_keys.read there (the section is not linked otherwise). */
export default async function ProfileApiKeysPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { profile, can } = await profileAccess(id);
  if (!can('api_keys.read')) notFound();
  return <ProfileApiKeys profileId={profile._id} permissions={allPermissions.filter(can)} />;
}
