'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../trpc/client';
import { readError, sentence, waitText } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Form } from '../ui/form';
import { Input } from '../ui/input';
import { checkEmail } from './check-email';

/** Asks for a reset link. The answer is the same whether the email has an account or not. */
export function ForgotPasswordForm({ devMailbox }: { devMailbox: boolean }) {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ email?: string; form?: string }>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = checkEmail(email);
    if (problem) return setErrors({ email: problem });
    setErrors({});
    try {
      await request.mutateAsync({ email: email.trim() });
      setSentTo(email.trim());
    } catch (error) {
      const e = readError(error);
      setErrors(
        e.code === 'RATE_LIMITED'
          ? { form: `Too many requests. Try again in ${waitText(e.retryAfterSeconds ?? 60)}.` }
          : { email: sentence('The email', e.fields.email), form: e.fields.email ? undefined : e.message },
      );
    }
  }

  if (sentTo) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Check your email">
          If an account exists for <strong>{sentTo}</strong>, we sent it a link to choose a new password. The
          link works once, for one hour.
          {devMailbox ? (
            <>
              {' '}
              Running locally? Open the{' '}
              <a href="/dev/mailbox" className="font-medium underline">
                dev mailbox
              </a>
              .
            </>
          ) : null}
        </Alert>
        <Link href="/sign-in" className="block text-sm font-medium text-link hover:underline">
          Back to sign in
        </Link>
      </div>
    );
  }

  return (
    <Form onSubmit={submit} className="space-y-5">
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <Input
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
        autoFocus
      />
      <Button type="submit" className="w-full" pending={request.isPending}>
        Email me a reset link
      </Button>
      <Link href="/sign-in" className="block text-center text-sm font-medium text-link hover:underline">
        Back to sign in
      </Link>
    </Form>
  );
}
