'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { PageHeader } from '../../layout/page-header';
import { StateBadge } from '../../state-badge';
import { Time } from '../../time';
import { useTRPC } from '../../trpc/client';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import type { AdminUser } from '../types';
import { RoleLinksCard } from './role-links-card';
import { SecurityCard } from './security-card';
import { UserDetailsForm } from './user-details-form';

/** One user for platform staff: the server rendered `initial`; changes refetch it. */
export function UserDetail({ initial }: { initial: AdminUser }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.admin.users.get.queryOptions({ userId: initial._id });
  const { data: user = initial } = useQuery({ ...options, initialData: initial });
  const refresh = () => queryClient.invalidateQueries({ queryKey: options.queryKey });
  const name = `${user.firstName} ${user.lastName}`.trim();

  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: '/admin/users', label: 'All users' }}
        title={
          <>
            {name || user.email}
            <StateBadge kind="user" state={user.status} />
            {user.passwordChangeRequired ? <Badge tone="amber">Password change required</Badge> : null}
          </>
        }
      >
        {name ? `${user.email} · ` : ''}created <Time iso={user.createdAt} /> · last sign-in{' '}
        {user.lastLoginAt ? <Time iso={user.lastLoginAt} /> : 'never'}
        {' · '}
        <Link href={`/admin/audit?userId=${user._id}`} className="text-link hover:underline">
          Audit events
        </Link>
      </PageHeader>
      {/* keyed by updatedAt: a saved change resets the form to what the server now holds */}
      <UserDetailsForm key={user.updatedAt} user={user} onSaved={refresh} />
      <RoleLinksCard user={user} onChanged={refresh} />
      <MembershipsCard memberships={user.memberships} />
      <SecurityCard user={user} onChanged={refresh} />
    </div>
  );
}

function MembershipsCard({ memberships }: { memberships: AdminUser['memberships'] }) {
  return (
    <Card title="Memberships" description="Organizations the user belongs to or is invited to.">
      {memberships.length === 0 ? (
        <p className="text-sm text-muted-foreground">No memberships.</p>
      ) : (
        <ul className="divide-y divide-border">
          {memberships.map((m) => (
            <li key={m.organizationId} className="flex items-center justify-between gap-3 py-2.5 text-sm">
              <Link href={`/admin/organizations/${m.organizationId}`} className="text-link hover:underline">
                {m.name}
              </Link>
              <StateBadge kind="membership" state={m.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
