'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { requestSignIn } from '@/components/auth/request-sign-in';
import { describeSignInError } from '@/components/auth/sign-in-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';

/**
 * After joining: an account with two-factor sign-in still needs its code; any other refusal
 * leaves the person a member who signs in the usual way.
 */
export function InvitationSignInStep({
  email,
  organizationName,
  password,
  signInError,
}: {
  email: string;
  organizationName: string;
  password: string;
  signInError: string;
}) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const needsTfa = signInError.startsWith('TFA_REQUIRED');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!code.trim()) return setError('Enter a code.');
    setPending(true);
    const problem = await requestSignIn({ email, secret: password, tfaCode: code.trim() });
    if (problem === null) return window.location.assign('/');
    setPending(false);
    setError(describeSignInError(problem, 'password').message);
  }

  if (!needsTfa) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title={`You joined ${organizationName}`}>
          {describeSignInError(signInError, 'password').message}
        </Alert>
        <Link href="/sign-in" className="block text-sm font-medium text-link hover:underline">
          Go to sign in
        </Link>
      </div>
    );
  }

  return (
    <Form onSubmit={submit} className="space-y-4" aria-label="Two-factor authentication">
      <Alert tone="success" title={`You joined ${organizationName}`}>
        One more step to sign in as <strong>{email}</strong>.
      </Alert>
      <Input
        label="Authentication code"
        name="tfaCode"
        autoComplete="one-time-code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error}
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        className="font-mono tracking-widest"
        autoFocus
      />
      <Button type="submit" className="w-full" pending={pending}>
        Verify and continue
      </Button>
    </Form>
  );
}
