'use client';

import { useMemo } from 'react';
import { memberName, type RoleProfile } from '@/components/members/member-roles-dialog';
import { organizationRolesText } from '@/components/members/role-words';
import { roleName } from '@/components/organizations/roles';
import type { Member } from '@/components/organizations/types';
import { StateBadge } from '@/components/state-badge';
import { Time } from '@/components/time';
import { Badge } from '@/components/ui/badge';
import { createDataTableColumns } from '@/components/ui/data-table';

/**
 * The Members table's columns: name (with "You"), email, status in its one word, the organization
 * role and any profile roles by name, and when they were invited (relative; left out on phones).
 */
export function useMemberColumns(selfId: string, profiles: readonly RoleProfile[]) {
  return useMemo(() => {
    const profileName = (id: string) => profiles.find((p) => p._id === id)?.name ?? 'Another profile';
    const col = createDataTableColumns<Member>();
    return col.columns([
      col.accessor((m) => memberName(m), {
        id: 'name',
        header: 'Name',
        enableSorting: true,
        meta: { primary: true },
        cell: (info) => (
          <span className="inline-flex flex-wrap items-center gap-2">
            {info.getValue()}
            {info.row.original._id === selfId ? <Badge tone="blue">You</Badge> : null}
          </span>
        ),
      }),
      col.accessor('email', { header: 'Email', enableSorting: true, meta: { className: 'break-all' } }),
      col.accessor('status', {
        header: 'Status',
        enableSorting: true,
        cell: (info) => <StateBadge kind="membership" state={info.getValue()} />,
      }),
      col.accessor('roles', {
        header: 'Roles',
        cell: (info) => {
          const m = info.row.original;
          const onProfiles = m.profileRoles.filter((p) => p.roleCodes.length > 0);
          return (
            <span className="block space-y-0.5">
              <span className="block">{organizationRolesText(m.roles)}</span>
              {onProfiles.map((p) => (
                <span key={p.profileId} className="block text-caption text-muted-foreground">
                  {profileName(p.profileId)}: {p.roleCodes.map(roleName).join(', ')}
                </span>
              ))}
            </span>
          );
        },
      }),
      col.accessor('invitedAt', {
        header: 'Invited',
        enableSorting: true,
        cell: (info) => <Time iso={info.getValue()} relative />,
        meta: { className: 'whitespace-nowrap text-muted-foreground', hideWhenStacked: true },
      }),
    ]);
  }, [selfId, profiles]);
}
