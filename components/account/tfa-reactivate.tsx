'use client';

import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { useSave } from '@/components/forms/use-save';
import { tfaReactivateForm } from '@/server/modules/auth/schemas';
import { authSave } from '../auth/auth-save';
import { useTRPC } from '../trpc/client';
import { Button } from '../ui/button';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../ui/zod-form';
import { AuthenticatorCodeField, CurrentPasswordField, tfaCodeRefusal } from './secret-inputs';

type Values = z.input<typeof tfaReactivateForm>;

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
  const form = useZodForm(tfaReactivateForm, { defaultValues: { password: '', tfaCode: '' } });
  const { onSubmit, networkError } = useSave(
    form,
    authSave(
      form,
      async (values: z.output<typeof tfaReactivateForm>) =>
        onActivated((await activate.mutateAsync(values)).recoveryCodes),
      tfaCodeRefusal,
    ),
    { what: 'The authenticator' },
  );

  return (
    <ZodForm
      form={form}
      onSubmit={onSubmit}
      className="max-w-sm rounded-md border border-border bg-muted p-4"
      aria-label="Turn the authenticator back on"
    >
      <FormRootError />
      <CurrentPasswordField<Values> autoFocus />
      <AuthenticatorCodeField<Values> />
      {networkError}
      <div className="flex gap-2">
        <SubmitButton>Turn back on</SubmitButton>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </ZodForm>
  );
}
