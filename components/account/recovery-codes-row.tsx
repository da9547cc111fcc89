'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { useSave } from '@/components/forms/use-save';
import { currentPasswordForm } from '@/server/modules/auth/schemas';
import { authSave } from '../auth/auth-save';
import { useTRPC } from '../trpc/client';
import { Button } from '../ui/button';
import { toastSaved } from '../ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../ui/zod-form';
import { CurrentPasswordField } from './secret-inputs';

type Values = z.input<typeof currentPasswordForm>;

/** "7 of 10 recovery codes left" and, after the password, a new set (the old codes die at once). */
export function RecoveryCodesRow({ onRegenerated }: { onRegenerated: (codes: string[]) => void }) {
  const trpc = useTRPC();
  const status = useQuery(trpc.auth.tfa.recoveryCodes.queryOptions());
  const [asking, setAsking] = useState(false);
  const left = status.data?.unused;
  return (
    <li className="space-y-3 py-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm font-medium text-foreground">Recovery codes</p>
          <p className="mt-0.5 text-xs text-muted-foreground">
            {left === undefined
              ? 'Counting…'
              : left === 0
                ? 'None left: make a new set, or you cannot sign in without your authenticator.'
                : `${left} of ${status.data?.total ?? 10} left. Each signs you in once without your authenticator.`}
          </p>
        </div>
        {asking ? null : (
          <Button variant="secondary" onClick={() => setAsking(true)}>
            Regenerate recovery codes
          </Button>
        )}
      </div>
      {asking ? (
        <RegenerateForm
          onDone={(codes) => {
            setAsking(false);
            onRegenerated(codes);
          }}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </li>
  );
}

function RegenerateForm({ onDone, onCancel }: { onDone: (codes: string[]) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const regenerate = useMutation(trpc.auth.tfa.regenerateRecoveryCodes.mutationOptions());
  const form = useZodForm(currentPasswordForm, { defaultValues: { password: '' } });
  const { onSubmit, networkError } = useSave(
    form,
    authSave(form, async ({ password }: z.output<typeof currentPasswordForm>) => {
      const { recoveryCodes } = await regenerate.mutateAsync({ password });
      void queryClient.invalidateQueries({ queryKey: trpc.auth.tfa.recoveryCodes.queryKey() });
      toastSaved('Recovery codes', 'The old codes no longer work.', 'replaced');
      onDone(recoveryCodes);
    }),
    { what: 'The new recovery codes' },
  );
  return (
    <ZodForm
      form={form}
      onSubmit={onSubmit}
      className="max-w-sm space-y-3 rounded-md border border-border bg-muted p-4"
      aria-label="Regenerate recovery codes"
    >
      <FormRootError />
      <CurrentPasswordField<Values>
        label="Your password, to replace your recovery codes"
        description="Your current codes stop working at once."
        autoFocus
      />
      {networkError}
      <div className="flex flex-wrap gap-2">
        <SubmitButton>Regenerate recovery codes</SubmitButton>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </ZodForm>
  );
}
