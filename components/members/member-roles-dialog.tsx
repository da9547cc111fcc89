'use client';

import { useMutation } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { useSave } from '@/components/forms/use-save';
import {
  choiceOf,
  codesOf,
  organizationRoleOf,
  organizationRoleOptions,
  profileChoiceHints,
  profileRoleOptions,
} from '@/components/members/role-words';
import type { Member } from '@/components/organizations/types';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { RadioGroupField, SelectField } from '@/components/ui/form-field';
import { toastSaved } from '@/components/ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '@/components/ui/zod-form';
import { ORGANIZATION_ADMIN } from '@/server/core/access/catalog';
import { memberRolesFormSchema, NO_ROLE } from '@/server/modules/members/schemas';

type Values = z.input<typeof memberRolesFormSchema>;
export type RoleProfile = { _id: string; name: string; permissions: readonly string[] };

export const memberName = (m: Pick<Member, 'firstName' | 'lastName' | 'email'>) =>
  `${m.firstName} ${m.lastName}`.trim() || m.email;

function initialValues(member: Member, profiles: readonly RoleProfile[]): Values {
  return {
    organizationRole: organizationRoleOf(member.roles),
    allProfiles: choiceOf(member.roles.filter((c) => !c.startsWith('default.'))),
    profileRoles: Object.fromEntries(
      profiles.map((p) => [
        p._id,
        choiceOf(member.profileRoles.find((r) => r.profileId === p._id)?.roleCodes ?? []),
      ]),
    ),
  };
}

/** One person's roles: the organization role, then none or one role per profile; one Save for all of it. */
export function MemberRolesDialog({
  organizationId,
  member,
  held,
  profiles,
  open,
  onOpenChange,
  onSaved,
}: {
  organizationId: string;
  member: Member;
  /** the viewer's permissions in the organization */
  held: readonly string[];
  profiles: readonly RoleProfile[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Roles of {memberName(member)}</DialogTitle>
          <DialogDescription>
            {member.status === 'invited'
              ? 'They get these roles when they accept the invitation.'
              : 'What they can do in this organization.'}
          </DialogDescription>
        </DialogHeader>
        {open ? (
          <RolesForm
            organizationId={organizationId}
            member={member}
            held={held}
            profiles={profiles}
            onCancel={() => onOpenChange(false)}
            onSaved={() => {
              onOpenChange(false);
              onSaved();
            }}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function RolesForm({
  organizationId,
  member,
  held,
  profiles,
  onCancel,
  onSaved,
}: {
  organizationId: string;
  member: Member;
  held: readonly string[];
  profiles: readonly RoleProfile[];
  onCancel: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.members.setMemberRoles.mutationOptions());
  const form = useZodForm(memberRolesFormSchema, { defaultValues: initialValues(member, profiles) });
  const role = useWatch({ control: form.control, name: 'organizationRole' });
  const { onSubmit, networkError } = useSave(
    form,
    async (values) => {
      await save.mutateAsync({
        organizationId,
        userId: member._id,
        defaultRoleCodes: [values.organizationRole],
        roleCodes: codesOf(values.allProfiles),
        profileRoles: profiles.flatMap((p) => {
          const codes = codesOf(values.profileRoles[p._id] ?? NO_ROLE);
          return codes ? [{ profileId: p._id, roleCodes: codes }] : [];
        }),
      });
      toastSaved('Roles', memberName(member));
      onSaved();
    },
    { what: 'The roles' },
  );
  const current = (profileId: string) =>
    member.profileRoles.find((r) => r.profileId === profileId)?.roleCodes ?? [];

  return (
    <ZodForm form={form} onSubmit={onSubmit} aria-label={`Roles of ${memberName(member)}`}>
      <RadioGroupField<Values>
        name="organizationRole"
        label="Organization role"
        options={organizationRoleOptions(held)}
      />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-foreground">
          Profile roles <span className="font-normal text-muted-foreground">(optional)</span>
        </legend>
        {role === ORGANIZATION_ADMIN ? (
          <p className="text-caption text-muted-foreground">
            An administrator of the organization already edits every profile; roles here add nothing.
          </p>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField<Values>
            name="allProfiles"
            label="Every profile"
            description="Also the profiles created later."
            options={profileRoleOptions(
              held,
              member.roles.filter((c) => !c.startsWith('default.')),
            )}
          />
          {profiles.map((profile) => (
            <SelectField<Values>
              key={profile._id}
              name={`profileRoles.${profile._id}`}
              label={profile.name}
              options={profileRoleOptions(profile.permissions, current(profile._id))}
            />
          ))}
        </div>
        <ul className="space-y-0.5 text-caption text-muted-foreground">
          {profileChoiceHints.map(([name, hint]) => (
            <li key={name}>
              <span className="font-medium text-foreground">{name}</span> {hint}
            </li>
          ))}
        </ul>
      </fieldset>
      <FormRootError />
      {networkError}
      <DialogFooter>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <SubmitButton>Save roles</SubmitButton>
      </DialogFooter>
    </ZodForm>
  );
}
