'use client';

import Link from 'next/link';
import { useState } from 'react';
import { StateBadge } from '../../state-badge';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { useCanWrite } from '../access';
import { ProfileCreateForm } from '../profiles/profile-create-form';
import { ProfileRow } from '../profiles/profile-row';
import { roleLabel, useRoleCatalog } from '../roles';
import { cell, Table } from '../table';
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
        canWrite && !adding ? (
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
      {organization.profiles.length === 0 ? (
        <p className="text-sm text-muted-foreground">No profiles yet.</p>
      ) : (
        <Table
          caption={`Profiles of ${organization.name}`}
          headers={['Name', 'Tax id', 'DUNS', 'Participant tags', 'Status']}
        >
          {organization.profiles.map((profile) => (
            <ProfileRow key={profile._id} profile={profile}>
              <td className={cell}>{profile.taxId || '—'}</td>
              <td className={`${cell} tabular-nums`}>{profile.duns || '—'}</td>
            </ProfileRow>
          ))}
        </Table>
      )}
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

export function OrganizationMembersCard({ organization }: { organization: AdminOrganization }) {
  const catalog = useRoleCatalog();
  return (
    <Card
      title="Members"
      description="People who belong to the organization or are invited, with their organization roles."
    >
      {organization.members.length === 0 ? (
        <p className="text-sm text-muted-foreground">No members.</p>
      ) : (
        <Table caption={`Members of ${organization.name}`} headers={['Email', 'Name', 'Status', 'Roles']}>
          {organization.members.map((member) => (
            <tr key={member._id}>
              <td className={cell}>
                <Link href={`/admin/users/${member._id}`} className="font-medium text-link hover:underline">
                  {member.email}
                </Link>
              </td>
              <td className={cell}>{`${member.firstName} ${member.lastName}`.trim() || '—'}</td>
              <td className={cell}>
                <StateBadge kind="membership" state={member.status} />
              </td>
              <td className={cell}>
                {member.roles.length
                  ? member.roles.map((code) => roleLabel(catalog.data, code)).join(', ')
                  : '—'}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
