'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../trpc/client';
import { readError, sentence, waitText } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Form } from '../ui/form';
import { Input } from '../ui/input';
import { AuthenticatorCodeInput, CurrentPasswordInput } from './secret-inputs';

type Created = { secret: string; qrCode: string; otpauthUrl: string };

/** Password, then scan the QR code (or type the key), then confirm with a first code. */
export function TfaSetup({
  onActivated,
  onCancel,
}: {
  onActivated: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.auth.tfa.create.mutationOptions());
  const activate = useMutation(trpc.auth.tfa.activate.mutationOptions());
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const [errors, setErrors] = useState<{ password?: string; tfaCode?: string; form?: string }>({});

  const fail = (error: unknown, field: 'password' | 'tfaCode') => {
    const e = readError(error);
    if (e.code === 'RATE_LIMITED')
      return setErrors({
        form: `Too many failed attempts. Try again in ${waitText(e.retryAfterSeconds ?? 60)}.`,
      });
    if (e.code === 'TFA_INVALID') return setErrors({ tfaCode: 'This code is wrong or was already used.' });
    const message = sentence(field === 'password' ? 'The password' : 'The code', e.fields[field]);
    setErrors(message ? { [field]: message } : { form: e.message });
  };

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password) return setErrors({ password: 'Enter your password.' });
    setErrors({});
    try {
      setCreated(await create.mutateAsync({ password, type: 'totp' }));
      setPassword('');
    } catch (error) {
      fail(error, 'password');
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tfaCode = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(tfaCode)) return setErrors({ tfaCode: 'Enter the 6-digit code your app shows.' });
    setErrors({});
    try {
      const result = await activate.mutateAsync({ tfaCode });
      onActivated(result.recoveryCodes);
    } catch (error) {
      fail(error, 'tfaCode');
    }
  }

  if (!created) {
    return (
      <Form onSubmit={start} className="max-w-sm space-y-4">
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <CurrentPasswordInput
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          hint="We ask again before changing how you sign in."
          autoFocus
        />
        <div className="flex gap-3">
          <Button type="submit" pending={create.isPending}>
            Continue
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </Form>
    );
  }

  return (
    <Form onSubmit={confirm} className="space-y-5">
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className="grid gap-6 sm:grid-cols-[auto_1fr]">
        {/* biome-ignore lint/performance/noImgElement: a data: URL made by the server; nothing to optimize */}
        <img
          src={created.qrCode}
          alt="QR code to scan with your authenticator app"
          width={200}
          height={200}
          className="rounded-md border border-border"
        />
        <div className="space-y-4 text-sm">
          <ol className="list-decimal space-y-2 pl-5 text-foreground">
            <li>Open an authenticator app (for example 1Password, Google Authenticator or Aegis).</li>
            <li>Scan the QR code, or enter the setup key below by hand.</li>
            <li>Type the 6-digit code the app shows to confirm.</li>
          </ol>
          <Input
            label="Setup key"
            name="secret"
            value={created.secret}
            readOnly
            onFocus={(e) => e.target.select()}
            className="font-mono"
          />
        </div>
      </div>
      <div className="max-w-sm space-y-4">
        <AuthenticatorCodeInput
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.tfaCode}
          autoFocus
        />
        <div className="flex gap-3">
          <Button type="submit" pending={activate.isPending}>
            Turn on two-factor sign-in
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </div>
    </Form>
  );
}
