import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProfileReports } from '@/components/reports/profile-reports';
import { profileAccess } from '../profile-access';

export const metadata: Metadata = { title: 'Reports' };

/** A profile's reports, for those holding reports.read there (the section is not linked otherwise). */
export default async function ProfileReportsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { profile, can } = await profileAccess(id);
  if (!can('reports.read')) notFound();
  return <ProfileReports profileId={profile._id} canWrite={can('reports.write')} />;
}
