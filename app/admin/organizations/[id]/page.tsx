import type { Metadata } from 'next';
import { InviteMemberCard } from '@/components/admin/organizations/invite-member-card';
import { OrganizationDetail } from '@/components/admin/organizations/organization-detail';
import { adminViewer, notFoundOnMissing } from '../../admin-viewer';

export const metadata: Metadata = { title: 'Organization' };

export default async function AdminOrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await adminViewer();
  const organization = await caller.admin.organizations.get({ _id: id }).catch(notFoundOnMissing);
  return (
    <OrganizationDetail
      key={organization._id}
      initial={organization}
      invite={<InviteMemberCard organizationId={organization._id} />}
    />
  );
}
