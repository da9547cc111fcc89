'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ParticipantTagBadges } from '../../profiles/participant-tag-badges';
import { StateBadge } from '../../state-badge';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { createDataTableColumns, DataTable, useLocalRows } from '../../ui/data-table';
import { useCanWrite } from '../access';
import { ProfileCreateForm } from '../profiles/profile-create-form';
import { roleLabel, useRoleCatalog } from '../roles';
import type { AdminOrganization } from '../types';

/** The organization's profiles, each linking to its page; admins add new ones here. */
export function OrganizationProfilesCard({
  organization,
  onChanged,
}: {
  organization: AdminOrganization;
  onChanged: () => void;
}) {
  const canWrite = useCanWrite();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ _id: string; name: string } | null>(null);
  return (
    <Card
      title="Profiles"
      actions={
        // an empty list offers it in its empty state, once
        canWrite && !adding && organization.profiles.length > 0 ? (
          <Button
            variant="secondary"
            onClick={() => {
              setAdding(true);
              setCreated(null);
            }}
          >
            New profile
          </Button>
        ) : null
      }
    >
      {created ? (
        <div className="mb-4">
          <Alert tone="success">
            Profile{' '}
            <Link href={`/admin/profiles/${created._id}`} className="font-medium underline">
              {created.name}
            </Link>{' '}
            created.
          </Alert>
        </div>
      ) : null}
      <OrganizationProfilesTable
        organization={organization}
        onNew={
          canWrite && !adding
            ? () => {
                setAdding(true);
                setCreated(null);
              }
            : undefined
        }
      />
      {adding ? (
        <div className="mt-6 border-t border-border pt-5">
          <ProfileCreateForm
            organizationId={organization._id}
            onCancel={() => setAdding(false)}
            onCreated={(profile) => {
              setAdding(false);
              setCreated(profile);
              onChanged();
            }}
          />
        </div>
      ) : null}
    </Card>
  );
}

type Profile = AdminOrganization['profiles'][number];
type Member = AdminOrganization['members'][number];

const profileColumn = createDataTableColumns<Profile>();
const profileColumns = profileColumn.columns([
  profileColumn.accessor('name', { header: 'Name', enableSorting: true, meta: { primary: true } }),
  profileColumn.accessor('taxId', { header: 'Tax id', cell: (info) => info.getValue() || '—' }),
  profileColumn.accessor('duns', {
    header: 'DUNS',
    cell: (info) => info.getValue() || '—',
    meta: { className: 'tabular-nums' },
  }),
  profileColumn.accessor('participantTags', {
    header: 'Participant tags',
    cell: (info) => <ParticipantTagBadges tags={info.getValue()} empty="None" />,
  }),
  profileColumn.accessor('status', {
    header: 'Status',
    enableSorting: true,
    cell: (info) => <StateBadge kind="organization" state={info.getValue()} />,
  }),
]);
const profileSort = { name: (p: Profile) => p.name, status: (p: Profile) => p.status };

function OrganizationProfilesTable({
  organization,
  onNew,
}: {
  organization: AdminOrganization;
  onNew?: () => void;
}) {
  const table = useLocalRows(organization.profiles, {
    sortValues: profileSort,
    initialSort: { id: 'name', desc: false },
  });
  return (
    <DataTable
      {...table}
      caption={`Profiles of ${organization.name}`}
      noun="profiles"
      columns={profileColumns}
      getRowId={(profile) => profile._id}
      rowHref={(profile) => `/admin/profiles/${profile._id}`}
      empty={{
        title: 'No profiles yet',
        description: 'A profile is a business unit of the organization: a producer, a buyer, a pipeline.',
        action: onNew ? <Button onClick={onNew}>New profile</Button> : undefined,
      }}
    />
  );
}

const memberSort = {
  email: (m: Member) => m.email,
  name: (m: Member) => `${m.firstName} ${m.lastName}`.trim(),
  status: (m: Member) => m.status,
};

export function OrganizationMembersCard({ organization }: { organization: AdminOrganization }) {
  const catalog = useRoleCatalog();
  const table = useLocalRows(organization.members, {
    sortValues: memberSort,
    initialSort: { id: 'email', desc: false },
  });
  const column = createDataTableColumns<Member>();
  const columns = column.columns([
    column.accessor('email', { header: 'Email', enableSorting: true, meta: { primary: true } }),
    column.display({
      id: 'name',
      header: 'Name',
      enableSorting: true,
      cell: (info) => `${info.row.original.firstName} ${info.row.original.lastName}`.trim() || '—',
    }),
    column.accessor('status', {
      header: 'Status',
      enableSorting: true,
      cell: (info) => <StateBadge kind="membership" state={info.getValue()} />,
    }),
    column.accessor('roles', {
      header: 'Roles',
      cell: (info) =>
        info.getValue().length
          ? info
              .getValue()
              .map((code) => roleLabel(catalog.data, code))
              .join(', ')
          : '—',
    }),
  ]);
  return (
    <Card
      title="Members"
      description="People who belong to the organization or are invited, with their organization roles."
    >
      <DataTable
        {...table}
        caption={`Members of ${organization.name}`}
        noun="members"
        columns={columns}
        getRowId={(member) => member._id}
        rowHref={(member) => `/admin/users/${member._id}`}
        empty={{
          title: 'No members yet',
          description: 'Invite someone below: they join when they accept the invitation.',
        }}
      />
    </Card>
  );
}
