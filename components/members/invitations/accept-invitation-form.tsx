'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { z } from 'zod';
import { authSave } from '@/components/auth/auth-save';
import { InteractiveFields } from '@/components/auth/interactive-fields';
import { NewPasswordFields } from '@/components/auth/new-password-fields';
import { requestSignIn } from '@/components/auth/request-sign-in';
import { useSave } from '@/components/forms/use-save';
import { InvitationSignInStep } from '@/components/members/invitations/invitation-sign-in-step';
import { setActiveOrganizationCookie } from '@/components/organizations/active-organization-cookie';
import { useTRPC } from '@/components/trpc/client';
import type { ReadError } from '@/components/trpc/errors';
import { TextField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '@/components/ui/zod-form';
import { currentPasswordForm, newPasswordForm } from '@/server/modules/auth/schemas';

type Joined = { email: string; organizationName: string; signInError: string };
type Props = { token: string; email: string; organizationName: string; needsPassword: boolean };

/**
 * Joins with a new password (or, for an existing account, the current one), then signs in with
 * that same password, so the dashboard opens on the organization just joined. The password rules
 * are the auth module's (acceptInvitationInput takes the same password as a reset or a change).
 */
export function AcceptInvitationForm(props: Props) {
  const [joined, setJoined] = useState<(Joined & { password: string }) | null>(null);
  if (joined) return <InvitationSignInStep {...joined} />;
  return props.needsPassword ? (
    <NewAccountForm {...props} onJoined={setJoined} />
  ) : (
    <ExistingAccountForm {...props} onJoined={setJoined} />
  );
}

type FormProps = Props & { onJoined: (joined: Joined & { password: string }) => void };

/** The acceptance and the sign-in after it, shared by both forms. */
function useJoin(props: FormProps) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.members.invitations.accept.mutationOptions());
  return async (password: string) => {
    const result = await accept.mutateAsync({ token: props.token, password });
    // Set before signing in, so the first page after sign-in already shows this organization.
    setActiveOrganizationCookie(result.organizationId);
    const signInError = await requestSignIn({ email: result.email, secret: password, tfaCode: '' });
    // A full load starts the signed-in app with no state left from the signed-out page.
    if (signInError === null) {
      window.location.assign('/');
      return new Promise<never>(() => {});
    }
    props.onJoined({ email: result.email, organizationName: result.organizationName, signInError, password });
  };
}

const invitationRefusal = (e: ReadError) =>
  e.code === 'LINK_INVALID'
    ? { message: 'This invitation stopped working. Ask for a new invitation.' }
    : undefined;

function EmailRow({ email }: { email: string }) {
  return <Input label="Email" type="email" name="email" autoComplete="username" value={email} readOnly />;
}

function NewAccountForm(props: FormProps) {
  type Values = z.input<typeof newPasswordForm>;
  const join = useJoin(props);
  const form = useZodForm(newPasswordForm, { defaultValues: { password: '', confirm: '' } });
  const { onSubmit, networkError } = useSave(
    form,
    authSave(form, ({ password }: z.output<typeof newPasswordForm>) => join(password), invitationRefusal),
    { what: 'Joining' },
  );
  return (
    <ZodForm form={form} onSubmit={onSubmit} aria-label="Accept the invitation">
      <InteractiveFields<Values> focus="password">
        <FormRootError />
        <EmailRow email={props.email} />
        <NewPasswordFields<Values> label="Password" />
        {networkError}
        <SubmitButton className="w-full">Join {props.organizationName}</SubmitButton>
      </InteractiveFields>
    </ZodForm>
  );
}

function ExistingAccountForm(props: FormProps) {
  type Values = z.input<typeof currentPasswordForm>;
  const join = useJoin(props);
  const form = useZodForm(currentPasswordForm, { defaultValues: { password: '' } });
  const { onSubmit, networkError } = useSave(
    form,
    authSave(
      form,
      ({ password }: z.output<typeof currentPasswordForm>) => join(password),
      (e) =>
        e.code === 'INVALID_CREDENTIALS'
          ? { field: 'password', message: 'This password is wrong.' }
          : invitationRefusal(e),
    ),
    { what: 'Joining' },
  );
  return (
    <ZodForm form={form} onSubmit={onSubmit} aria-label="Accept the invitation">
      <InteractiveFields<Values> focus="password">
        <FormRootError />
        <EmailRow email={props.email} />
        <TextField<Values>
          name="password"
          label="Your current password"
          type="password"
          autoComplete="current-password"
          description="You already have a Provena account; confirm it is you."
        />
        <p className="-mt-3 text-body">
          <Link href="/forgot-password" className="font-medium text-link hover:underline">
            Forgot your password?
          </Link>
        </p>
        {networkError}
        <SubmitButton className="w-full">Join {props.organizationName}</SubmitButton>
      </InteractiveFields>
    </ZodForm>
  );
}
