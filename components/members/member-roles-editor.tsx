'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeMemberError } from '@/components/members/member-errors';
import { ProfileRolesForm } from '@/components/members/profile-roles-form';
import { RoleChoice } from '@/components/members/role-choice';
import {
  canGrant,
  DEFAULT_ROLE_CODES,
  ORGANIZATION_ROLE_CODES,
  roleHints,
  roleName,
} from '@/components/organizations/roles';
import type { Member, MeProfile } from '@/components/organizations/types';
import { useTRPC } from '@/components/trpc/client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { isDefaultRole, type RoleCode } from '@/server/core/access/catalog';

/** Organization-level roles (they reach every profile), then each profile's own roles. */
export function MemberRolesEditor({
  organizationId,
  member,
  myPermissions,
  profiles,
  onSaved,
}: {
  organizationId: string;
  member: Member;
  myPermissions: string[];
  profiles: MeProfile[];
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.members.setRoles.mutationOptions());
  const name = `${member.firstName} ${member.lastName}`.trim() || member.email;
  const [access, setAccess] = useState(member.roles.find(isDefaultRole) ?? '');
  const [codes, setCodes] = useState(member.roles.filter((r) => !isDefaultRole(r)));
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    try {
      await save.mutateAsync({
        organizationId,
        userId: member._id,
        defaultRoleCodes: access ? [access as RoleCode] : [],
        roleCodes: codes as RoleCode[],
      });
      setMessage({ tone: 'success', text: 'Organization roles saved.' });
      onSaved();
    } catch (error) {
      setMessage({ tone: 'error', text: describeMemberError(error) });
    }
  }

  return (
    <div className="space-y-5 rounded-md border border-border bg-muted p-4">
      <form onSubmit={submit} aria-label={`Organization roles of ${name}`} className="space-y-4">
        <h3 className="text-sm font-semibold text-foreground">Organization roles</h3>
        <div className="grid gap-4 sm:grid-cols-2">
          <fieldset className="space-y-2">
            <legend className="mb-1 text-xs font-medium text-muted-foreground">
              Access to the organization
            </legend>
            {DEFAULT_ROLE_CODES.map((code) => (
              <Checkbox
                key={code}
                type="radio"
                name={`access-${member._id}`}
                label={roleName(code)}
                hint={roleHints[code]}
                checked={access === code}
                disabled={access !== code && !canGrant(code, myPermissions)}
                onChange={() => setAccess(code)}
              />
            ))}
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="mb-1 text-xs font-medium text-muted-foreground">On every profile</legend>
            {ORGANIZATION_ROLE_CODES.map((code) => (
              <RoleChoice
                key={code}
                code={code}
                held={myPermissions}
                codes={codes}
                onChange={setCodes}
                hint={roleHints[code]}
              />
            ))}
          </fieldset>
        </div>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <Button type="submit" variant="secondary" pending={save.isPending}>
          Save organization roles
        </Button>
      </form>
      {profiles.length ? (
        <div className="space-y-4 border-t border-border pt-4">
          <h3 className="text-sm font-semibold text-foreground">Profile roles</h3>
          {profiles.map((profile) => (
            <ProfileRolesForm
              key={profile._id}
              member={member}
              memberName={name}
              profile={profile}
              onSaved={onSaved}
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}
