'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { NewPasswordFields } from '@/components/auth/new-password-fields';
import { requestSignIn } from '@/components/auth/request-sign-in';
import { InvitationSignInStep } from '@/components/members/invitations/invitation-sign-in-step';
import { setActiveOrganizationCookie } from '@/components/organizations/active-organization-cookie';
import { useTRPC } from '@/components/trpc/client';
import { readError, sentence, waitText } from '@/components/trpc/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';

type Errors = { password?: string; confirm?: string; form?: string };
type Joined = { email: string; organizationName: string; signInError: string };

/**
 * Joins with a new password (or, for an existing account, the current one), then signs in with
 * that same password, so the dashboard opens on the organization just joined.
 */
export function AcceptInvitationForm(props: {
  token: string;
  email: string;
  organizationName: string;
  needsPassword: boolean;
}) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.members.invitations.accept.mutationOptions());
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [joined, setJoined] = useState<Joined | null>(null);
  const [signingIn, setSigningIn] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password)
      return setErrors({ password: props.needsPassword ? 'Choose a password.' : 'Enter your password.' });
    if (props.needsPassword && confirm !== password)
      return setErrors({ confirm: 'The two passwords differ.' });
    setErrors({});
    try {
      const result = await accept.mutateAsync({ token: props.token, password });
      // Set before signing in, so the first page after sign-in already shows this organization.
      setActiveOrganizationCookie(result.organizationId);
      setSigningIn(true);
      const signInError = await requestSignIn({ email: result.email, secret: password, tfaCode: '' });
      // A full load starts the signed-in app with no state left from the signed-out page.
      if (signInError === null) return window.location.assign('/');
      setJoined({ email: result.email, organizationName: result.organizationName, signInError });
    } catch (error) {
      const e = readError(error);
      if (e.code === 'INVALID_CREDENTIALS') return setErrors({ password: 'This password is wrong.' });
      if (e.code === 'RATE_LIMITED')
        return setErrors({ form: `Too many attempts. Try again in ${waitText(e.retryAfterSeconds ?? 60)}.` });
      if (e.code === 'LINK_INVALID')
        return setErrors({ form: 'This invitation stopped working. Ask for a new invitation.' });
      setErrors(
        e.fields.password ? { password: sentence('The password', e.fields.password) } : { form: e.message },
      );
    }
  }

  if (joined) return <InvitationSignInStep {...joined} password={password} />;

  return (
    <Form onSubmit={submit} className="space-y-4" aria-label="Accept the invitation">
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <Input label="Email" type="email" name="email" autoComplete="username" value={props.email} readOnly />
      {props.needsPassword ? (
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          errors={errors}
          autoFocus
        />
      ) : (
        <Input
          label="Your current password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          hint={
            <>
              You already have a Provena account; confirm it is you.{' '}
              <Link href="/forgot-password" className="font-medium text-link hover:underline">
                Forgot your password?
              </Link>
            </>
          }
          autoFocus
        />
      )}
      <Button type="submit" className="w-full" pending={accept.isPending || signingIn}>
        Join {props.organizationName}
      </Button>
    </Form>
  );
}
