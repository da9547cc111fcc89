'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { PageHeader } from '../../layout/page-header';
import { StateBadge } from '../../state-badge';
import { Time } from '../../time';
import { useTRPC } from '../../trpc/client';
import type { AdminOrganization } from '../types';
import { OrganizationMembersCard, OrganizationProfilesCard } from './organization-cards';
import { OrganizationEditForm, OrganizationStatusCard } from './organization-edit-form';

/** One organization for platform staff: the server rendered `initial`; changes refetch it. */
export function OrganizationDetail({ initial }: { initial: AdminOrganization }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.admin.organizations.get.queryOptions({ _id: initial._id });
  const { data: organization = initial } = useQuery({ ...options, initialData: initial });
  const refresh = () => queryClient.invalidateQueries({ queryKey: options.queryKey });

  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: '/admin/organizations', label: 'All organizations' }}
        title={
          <>
            {organization.name} <StateBadge kind="organization" state={organization.status} />
          </>
        }
      >
        Created <Time iso={organization.createdAt} /> · updated <Time iso={organization.updatedAt} />
        {' · '}
        <Link href={`/admin/audit?organizationId=${organization._id}`} className="text-link hover:underline">
          Audit events
        </Link>
      </PageHeader>
      {/* keyed by updatedAt: a saved change resets the form to what the server now holds */}
      <OrganizationEditForm key={organization.updatedAt} organization={organization} onSaved={refresh} />
      <OrganizationStatusCard organization={organization} onChanged={refresh} />
      <OrganizationProfilesCard organization={organization} onChanged={refresh} />
      <OrganizationMembersCard organization={organization} />
    </div>
  );
}
