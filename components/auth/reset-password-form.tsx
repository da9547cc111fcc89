'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../trpc/client';
import { readError, sentence, waitText } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Form } from '../ui/form';
import { useForgetUrlToken } from '../use-forget-url-token';
import { NewPasswordFields } from './new-password-fields';

/** Sets a new password with the emailed token; every session ends, so the user signs in again. */
export function ResetPasswordForm({ token }: { token: string }) {
  useForgetUrlToken();
  const trpc = useTRPC();
  const complete = useMutation(trpc.auth.completePasswordReset.mutationOptions());
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string; form?: string }>({});
  const [done, setDone] = useState(false);
  const [linkDead, setLinkDead] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password) return setErrors({ password: 'Choose a new password.' });
    if (confirm !== password) return setErrors({ confirm: 'The two passwords differ.' });
    setErrors({});
    try {
      await complete.mutateAsync({ token, password });
      setDone(true);
    } catch (error) {
      const e = readError(error);
      if (e.code === 'LINK_INVALID') return setLinkDead(true);
      if (e.code === 'RATE_LIMITED')
        return setErrors({ form: `Too many attempts. Try again in ${waitText(e.retryAfterSeconds ?? 60)}.` });
      setErrors(
        e.fields.password ? { password: sentence('The password', e.fields.password) } : { form: e.message },
      );
    }
  }

  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Your password is changed">
          Every session of your account was signed out. Sign in with your new password.
        </Alert>
        <Link href="/sign-in" className="block text-sm font-medium text-link hover:underline">
          Go to sign in
        </Link>
      </div>
    );
  }
  if (linkDead || !token) {
    return (
      <div className="space-y-4">
        <Alert tone="error" title="This link does not work">
          A reset link works once, for one hour, and only the newest one counts.
        </Alert>
        <Link href="/forgot-password" className="block text-sm font-medium text-link hover:underline">
          Ask for a new link
        </Link>
      </div>
    );
  }

  return (
    <Form onSubmit={submit} className="space-y-4">
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <NewPasswordFields
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        errors={errors}
        autoFocus
      />
      <Button type="submit" className="w-full" pending={complete.isPending}>
        Set new password
      </Button>
    </Form>
  );
}
