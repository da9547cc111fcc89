'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeMemberError } from '@/components/members/member-errors';
import { RoleChoice } from '@/components/members/role-choice';
import { PROFILE_ROLE_CODES } from '@/components/organizations/roles';
import type { Member, MeProfile } from '@/components/organizations/types';
import { useTRPC } from '@/components/trpc/client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { RoleCode } from '@/server/core/access/catalog';

/** The roles one member holds on one profile; saving replaces them. */
export function ProfileRolesForm({
  member,
  memberName,
  profile,
  onSaved,
}: {
  member: Member;
  memberName: string;
  profile: MeProfile;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.members.setProfileRoles.mutationOptions());
  const [codes, setCodes] = useState(
    member.profileRoles.find((p) => p.profileId === profile._id)?.roleCodes ?? [],
  );
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    try {
      await save.mutateAsync({ profileId: profile._id, userId: member._id, roleCodes: codes as RoleCode[] });
      setMessage({ tone: 'success', text: `Roles on ${profile.name} saved.` });
      onSaved();
    } catch (error) {
      setMessage({ tone: 'error', text: describeMemberError(error) });
    }
  }

  return (
    <form onSubmit={submit} aria-label={`Roles of ${memberName} on ${profile.name}`} className="space-y-3">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-foreground">{profile.name}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {PROFILE_ROLE_CODES.map((code) => (
            <RoleChoice key={code} code={code} held={profile.permissions} codes={codes} onChange={setCodes} />
          ))}
        </div>
      </fieldset>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Button type="submit" variant="secondary" pending={save.isPending}>
        Save roles on {profile.name}
      </Button>
    </form>
  );
}
