'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { useSave } from '@/components/forms/use-save';
import { alreadyInvitedUserId, describeMemberError } from '@/components/members/member-errors';
import type { RoleProfile } from '@/components/members/member-roles-dialog';
import {
  codesOf,
  organizationRoleOptions,
  profileChoiceHints,
  profileRoleOptions,
} from '@/components/members/role-words';
import { useTRPC } from '@/components/trpc/client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { RadioGroupField, SelectField, TextField } from '@/components/ui/form-field';
import { toastSaved } from '@/components/ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '@/components/ui/zod-form';
import { ORGANIZATION_ADMIN, ORGANIZATION_MEMBER } from '@/server/core/access/catalog';
import { inviteFormSchema, NO_ROLE } from '@/server/modules/members/schemas';

type Values = z.input<typeof inviteFormSchema>;

const emptyValues = (profiles: readonly RoleProfile[]): Values => ({
  email: '',
  firstName: '',
  lastName: '',
  organizationRole: ORGANIZATION_MEMBER,
  allProfiles: NO_ROLE,
  profileRoles: Object.fromEntries(profiles.map((p) => [p._id, NO_ROLE])),
});

/**
 * Who to invite and with which role: the organization role (Member unless chosen otherwise) and,
 * optionally, a role per profile, all granted with the invitation in one call. Someone already
 * invited gets "already invited" and a Resend button right here.
 */
export function InviteMemberForm({
  organizationId,
  held,
  profiles,
  onInvited,
  label = 'Invite someone',
}: {
  organizationId: string;
  held: readonly string[];
  profiles: readonly RoleProfile[];
  onInvited: () => void;
  label?: string;
}) {
  const trpc = useTRPC();
  const invite = useMutation(trpc.members.invite.mutationOptions());
  const resend = useMutation(trpc.members.resendInvitation.mutationOptions());
  const form = useZodForm(inviteFormSchema, { defaultValues: emptyValues(profiles) });
  const role = useWatch({ control: form.control, name: 'organizationRole' });
  const [again, setAgain] = useState<{ userId: string; email: string } | null>(null);
  const [resendError, setResendError] = useState<string | null>(null);

  const { onSubmit, networkError } = useSave(
    form,
    async (values) => {
      setAgain(null);
      setResendError(null);
      const profileRoles = profiles.flatMap((p) => {
        const codes = codesOf(values.profileRoles[p._id] ?? NO_ROLE) ?? [];
        return codes.length ? [{ profileId: p._id, roleCodes: codes }] : [];
      });
      try {
        const member = await invite.mutateAsync({
          organizationId,
          email: values.email,
          firstName: values.firstName,
          lastName: values.lastName,
          defaultRoleCodes: [values.organizationRole],
          roleCodes: codesOf(values.allProfiles) ?? [],
          profileRoles,
        });
        toastSaved('Invitation', `Emailed to ${member.email}. The link works for 7 days.`, 'sent');
        form.reset(emptyValues(profiles));
        onInvited();
      } catch (error) {
        const userId = alreadyInvitedUserId(error);
        if (!userId) throw error;
        setAgain({ userId, email: values.email });
      }
    },
    { what: 'The invitation' },
  );

  async function resendNow() {
    if (!again) return;
    setResendError(null);
    try {
      await resend.mutateAsync({ organizationId, userId: again.userId });
      toastSaved('Invitation', `A new link was emailed to ${again.email}.`, 'resent');
      setAgain(null);
      form.reset(emptyValues(profiles));
      onInvited();
    } catch (error) {
      setResendError(describeMemberError(error));
    }
  }

  return (
    <ZodForm form={form} onSubmit={onSubmit} aria-label={label} className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField<Values>
          name="email"
          label="Email"
          type="email"
          autoComplete="off"
          maxLength={inviteFormSchema.shape.email.maxLength ?? undefined}
        />
        <TextField<Values>
          name="firstName"
          label="First name"
          autoComplete="off"
          maxLength={inviteFormSchema.shape.firstName.maxLength ?? undefined}
        />
        <TextField<Values>
          name="lastName"
          label="Last name"
          autoComplete="off"
          maxLength={inviteFormSchema.shape.lastName.maxLength ?? undefined}
        />
      </div>
      <RadioGroupField<Values>
        name="organizationRole"
        label="Organization role"
        options={organizationRoleOptions(held)}
      />
      {profiles.length > 0 && role !== ORGANIZATION_ADMIN ? (
        <details className="rounded-md border border-border p-3">
          <summary className="cursor-pointer text-sm font-medium text-foreground">
            Profile roles <span className="font-normal text-muted-foreground">(optional)</span>
          </summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            {profiles.map((profile) => (
              <SelectField<Values>
                key={profile._id}
                name={`profileRoles.${profile._id}`}
                label={profile.name}
                options={profileRoleOptions(profile.permissions)}
              />
            ))}
          </div>
          <ul className="mt-3 space-y-0.5 text-caption text-muted-foreground">
            {profileChoiceHints.map(([name, hint]) => (
              <li key={name}>
                <span className="font-medium text-foreground">{name}</span> {hint}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {again ? (
        <Alert tone="warning">
          <span className="block">
            {again.email} is already invited. Resend the invitation to email them a new link (the old one
            stops working).
          </span>
          {resendError ? <span className="mt-1 block">{resendError}</span> : null}
          <span className="mt-2 flex flex-wrap gap-2">
            <Button size="sm" pending={resend.isPending} onClick={() => void resendNow()}>
              Resend invitation
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setAgain(null)}>
              Dismiss
            </Button>
          </span>
        </Alert>
      ) : null}
      <FormRootError />
      {networkError}
      <SubmitButton>Send invitation</SubmitButton>
    </ZodForm>
  );
}
