'use client';

import { useState } from 'react';
import { formatDateTime } from '@/components/format';
import { MemberActions } from '@/components/members/member-actions';
import { MemberRolesEditor } from '@/components/members/member-roles-editor';
import { roleList } from '@/components/organizations/roles';
import type { Member, MeProfile } from '@/components/organizations/types';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';

export type MemberRowProps = {
  organizationId: string;
  member: Member;
  isSelf: boolean;
  canInvite: boolean;
  canManage: boolean;
  myPermissions: string[];
  profiles: MeProfile[];
  /** a change was saved; the message, if any, is shown above the list */
  onChanged: (message?: string) => void;
  onLeft: () => void;
};

function StatusBadges({ member, isSelf }: { member: Member; isSelf: boolean }) {
  const expired =
    member.invitationExpiresAt !== null && new Date(member.invitationExpiresAt).getTime() < Date.now();
  return (
    <>
      {member.status === 'active' ? (
        <Badge tone="green">Active</Badge>
      ) : expired ? (
        <Badge tone="red">Invitation expired</Badge>
      ) : (
        <Badge tone="amber">Invited</Badge>
      )}
      {isSelf ? <Badge tone="blue">You</Badge> : null}
    </>
  );
}

/** One person: who they are, their status and roles, and what the viewer may do about them. */
export function MemberRow(props: MemberRowProps) {
  const { member, isSelf, profiles } = props;
  const [rolesOpen, setRolesOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = `${member.firstName} ${member.lastName}`.trim() || member.email;
  const profileName = (id: string) => profiles.find((p) => p._id === id)?.name ?? 'Another profile';
  const profileRoles = member.profileRoles.filter((p) => p.roleCodes.length > 0);

  return (
    <li className="space-y-3 py-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-foreground">
            {name}
            <StatusBadges member={member} isSelf={isSelf} />
          </p>
          <p className="text-sm text-muted-foreground">{member.email}</p>
          <p className="text-xs text-muted-foreground">
            {member.status === 'invited'
              ? `Invited ${formatDateTime(member.invitedAt)}${
                  member.invitationExpiresAt
                    ? ` · link valid until ${formatDateTime(member.invitationExpiresAt)}`
                    : ''
                }`
              : `Joined ${formatDateTime(member.joinedAt ?? member.invitedAt)}`}
          </p>
          <dl className="mt-1 space-y-0.5 text-xs text-muted-foreground">
            <div>
              <dt className="inline font-medium">Organization roles: </dt>
              <dd className="inline">{roleList(member.roles)}</dd>
            </div>
            {profileRoles.map((p) => (
              <div key={p.profileId}>
                <dt className="inline font-medium">{profileName(p.profileId)}: </dt>
                <dd className="inline">{roleList(p.roleCodes)}</dd>
              </div>
            ))}
          </dl>
        </div>
        <MemberActions
          {...props}
          memberName={name}
          rolesOpen={rolesOpen}
          onToggleRoles={() => setRolesOpen((open) => !open)}
          onError={setError}
        />
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {rolesOpen ? (
        <MemberRolesEditor
          organizationId={props.organizationId}
          member={member}
          myPermissions={props.myPermissions}
          profiles={profiles}
          onSaved={() => props.onChanged()}
        />
      ) : null}
    </li>
  );
}
