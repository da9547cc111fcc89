'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../trpc/client';
import { readError, sentence, waitText } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Form } from '../ui/form';
import { AuthenticatorCodeInput, CurrentPasswordInput } from './secret-inputs';

type Errors = { password?: string; tfaCode?: string; form?: string };

/**
 * Turns a disabled authenticator back on: a current code from the app, and the password (the
 * server asks for it, so a session left open cannot quietly switch a second factor back on).
 */
export function TfaReactivate({
  onActivated,
  onCancel,
}: {
  onActivated: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const activate = useMutation(trpc.auth.tfa.activate.mutationOptions());
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tfaCode = code.replace(/\s/g, '');
    const missing: Errors = {};
    if (!password) missing.password = 'Enter your password.';
    if (!/^\d{6}$/.test(tfaCode)) missing.tfaCode = 'Enter the 6-digit code your app shows.';
    setErrors(missing);
    if (missing.password || missing.tfaCode) return;
    try {
      const result = await activate.mutateAsync({ tfaCode, password });
      onActivated(result.recoveryCodes);
    } catch (error) {
      const e = readError(error);
      if (e.code === 'RATE_LIMITED')
        return setErrors({
          form: `Too many failed attempts. Try again in ${waitText(e.retryAfterSeconds ?? 60)}.`,
        });
      if (e.code === 'TFA_INVALID') return setErrors({ tfaCode: 'This code is wrong or was already used.' });
      const message = sentence('The password', e.fields.password);
      setErrors(message ? { password: message } : { form: e.message });
    }
  }

  return (
    <Form onSubmit={submit} className="max-w-sm space-y-3 rounded-md border border-border bg-muted p-4">
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <CurrentPasswordInput
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        autoFocus
      />
      <AuthenticatorCodeInput value={code} onChange={(e) => setCode(e.target.value)} error={errors.tfaCode} />
      <div className="flex gap-2">
        <Button type="submit" pending={activate.isPending}>
          Turn back on
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
