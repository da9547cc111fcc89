'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { useSave } from '@/components/forms/use-save';
import { currentPasswordForm, tfaActivateForm } from '@/server/modules/auth/schemas';
import { authSave } from '../auth/auth-save';
import { useTRPC } from '../trpc/client';
import { Button } from '../ui/button';
import { Input } from '../ui/input';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../ui/zod-form';
import { AuthenticatorCodeField, CurrentPasswordField, tfaCodeRefusal } from './secret-inputs';

type Created = { secret: string; qrCode: string; otpauthUrl: string };

/** Password, then scan the QR code (or type the key), then confirm with a first code. */
export function TfaSetup({
  onActivated,
  onCancel,
}: {
  onActivated: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const [created, setCreated] = useState<Created | null>(null);
  return created ? (
    <ConfirmCode created={created} onActivated={onActivated} onCancel={onCancel} />
  ) : (
    <AskPassword onCreated={setCreated} onCancel={onCancel} />
  );
}

function AskPassword({ onCreated, onCancel }: { onCreated: (c: Created) => void; onCancel: () => void }) {
  type Values = z.input<typeof currentPasswordForm>;
  const trpc = useTRPC();
  const create = useMutation(trpc.auth.tfa.create.mutationOptions());
  const form = useZodForm(currentPasswordForm, { defaultValues: { password: '' } });
  const { onSubmit, networkError } = useSave(
    form,
    authSave(form, async ({ password }: z.output<typeof currentPasswordForm>) =>
      onCreated(await create.mutateAsync({ password, type: 'totp' })),
    ),
    { what: 'The authenticator' },
  );
  return (
    <ZodForm form={form} onSubmit={onSubmit} className="max-w-sm" aria-label="Set up an authenticator app">
      <FormRootError />
      <CurrentPasswordField<Values> description="We ask again before changing how you sign in." autoFocus />
      {networkError}
      <div className="flex gap-3">
        <SubmitButton>Continue</SubmitButton>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </ZodForm>
  );
}

function ConfirmCode({
  created,
  onActivated,
  onCancel,
}: {
  created: Created;
  onActivated: (codes: string[]) => void;
  onCancel: () => void;
}) {
  type Values = z.input<typeof tfaActivateForm>;
  const trpc = useTRPC();
  const activate = useMutation(trpc.auth.tfa.activate.mutationOptions());
  const form = useZodForm(tfaActivateForm, { defaultValues: { tfaCode: '' } });
  const { onSubmit, networkError } = useSave(
    form,
    authSave(
      form,
      async ({ tfaCode }: z.output<typeof tfaActivateForm>) =>
        onActivated((await activate.mutateAsync({ tfaCode })).recoveryCodes),
      tfaCodeRefusal,
    ),
    { what: 'Two-factor sign-in' },
  );
  return (
    <ZodForm form={form} onSubmit={onSubmit} aria-label="Confirm the authenticator app">
      <FormRootError />
      <div className="grid gap-6 sm:grid-cols-[auto_1fr]">
        {/* biome-ignore lint/performance/noImgElement: a data: URL made by the server; nothing to optimize */}
        <img
          src={created.qrCode}
          alt="QR code to scan with your authenticator app"
          width={200}
          height={200}
          className="rounded-md border border-border"
        />
        <div className="min-w-0 space-y-4 text-sm">
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
      <div className="max-w-sm space-y-5">
        <AuthenticatorCodeField<Values> autoFocus />
        {networkError}
        <div className="flex flex-wrap gap-3">
          <SubmitButton>Turn on two-factor sign-in</SubmitButton>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </div>
    </ZodForm>
  );
}
