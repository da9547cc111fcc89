'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../../trpc/client';
import { Time } from '../time';
import type { AdminOrganization } from '../types';
import { OrganizationMembersCard, OrganizationProfilesCard } from './organization-cards';
import { OrganizationEditForm, OrganizationStatusCard } from './organization-edit-form';
import { OrganizationStatusBadge } from './organization-list';

/** One organization for platform staff: the server rendered `initial`; changes refetch it. */
export function OrganizationDetail({ initial }: { initial: AdminOrganization }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.admin.organizations.get.queryOptions({ _id: initial._id });
  const { data: organization = initial } = useQuery({ ...options, initialData: initial });
  const refresh = () => queryClient.invalidateQueries({ queryKey: options.queryKey });

  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/organizations" className="text-sm font-medium text-emerald-800 hover:underline">
          ← All organizations
        </Link>
        <h1 className="mt-2 flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          {organization.name} <OrganizationStatusBadge status={organization.status} />
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Created <Time iso={organization.createdAt} /> · updated <Time iso={organization.updatedAt} />
          {' · '}
          <Link
            href={`/admin/audit?organizationId=${organization._id}`}
            className="text-emerald-800 hover:underline"
          >
            Audit events
          </Link>
        </p>
      </div>
      {/* keyed by updatedAt: a saved change resets the form to what the server now holds */}
      <OrganizationEditForm key={organization.updatedAt} organization={organization} onSaved={refresh} />
      <OrganizationStatusCard organization={organization} onChanged={refresh} />
      <OrganizationProfilesCard organization={organization} onChanged={refresh} />
      <OrganizationMembersCard organization={organization} />
    </div>
  );
}
