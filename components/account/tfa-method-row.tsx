'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { useSave } from '@/components/forms/use-save';
import { currentPasswordForm } from '@/server/modules/auth/schemas';
import { authSave } from '../auth/auth-save';
import { StateBadge } from '../state-badge';
import { Time } from '../time';
import { useTRPC } from '../trpc/client';
import { Button } from '../ui/button';
import { toastSaved } from '../ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../ui/zod-form';
import { CurrentPasswordField } from './secret-inputs';
import { TfaReactivate } from './tfa-reactivate';

export type TfaMethod = {
  _id: string;
  type: 'totp';
  status: 'pending' | 'active' | 'disabled';
  createdAt: string;
  activatedAt: string | null;
};

type Values = z.input<typeof currentPasswordForm>;

/** One authenticator; disabling, removing or turning it back on asks for the password first. */
export function TfaMethodRow({
  method,
  onChanged,
  onReactivated,
}: {
  method: TfaMethod;
  onChanged: () => void;
  onReactivated: (codes: string[]) => void;
}) {
  const [action, setAction] = useState<'disable' | 'remove' | 'reactivate' | null>(null);
  return (
    <li className="space-y-3 py-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="flex items-center gap-2 text-sm font-medium text-foreground">
            Authenticator app <StateBadge kind="tfa" state={method.status} />
          </p>
          <p className="mt-0.5 text-xs text-muted-foreground">
            Added <Time iso={method.createdAt} relative />
            {method.activatedAt ? (
              <>
                {' '}
                · turned on <Time iso={method.activatedAt} relative />
              </>
            ) : null}
          </p>
        </div>
        {action === null ? (
          <div className="flex gap-2">
            {method.status === 'active' ? (
              <Button variant="secondary" onClick={() => setAction('disable')}>
                Disable
              </Button>
            ) : null}
            {method.status === 'disabled' ? (
              <Button variant="secondary" onClick={() => setAction('reactivate')}>
                Turn back on
              </Button>
            ) : null}
            <Button variant="danger" onClick={() => setAction('remove')}>
              Remove
            </Button>
          </div>
        ) : null}
      </div>
      {action === 'reactivate' ? (
        <TfaReactivate onActivated={onReactivated} onCancel={() => setAction(null)} />
      ) : action ? (
        <ConfirmWithPassword
          methodId={method._id}
          action={action}
          onDone={() => {
            setAction(null);
            onChanged();
          }}
          onCancel={() => setAction(null)}
        />
      ) : null}
    </li>
  );
}

function ConfirmWithPassword({
  methodId,
  action,
  onDone,
  onCancel,
}: {
  methodId: string;
  action: 'disable' | 'remove';
  onDone: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const disable = useMutation(trpc.auth.tfa.disable.mutationOptions());
  const remove = useMutation(trpc.auth.tfa.remove.mutationOptions());
  const form = useZodForm(currentPasswordForm, { defaultValues: { password: '' } });
  const { onSubmit, networkError } = useSave(
    form,
    authSave(form, async ({ password }: z.output<typeof currentPasswordForm>) => {
      const input = { tfaId: methodId, password };
      await (action === 'remove' ? remove.mutateAsync(input) : disable.mutateAsync(input));
      toastSaved('Authenticator', undefined, action === 'remove' ? 'removed' : 'disabled');
      onDone();
    }),
    { what: 'The change' },
  );
  return (
    <ZodForm
      form={form}
      onSubmit={onSubmit}
      className="max-w-sm space-y-3 rounded-md border border-border bg-muted p-4"
      aria-label={action === 'remove' ? 'Remove the authenticator' : 'Disable the authenticator'}
    >
      <FormRootError />
      <CurrentPasswordField<Values> label={`Your password, to ${action} this authenticator`} autoFocus />
      {networkError}
      <div className="flex gap-2">
        <SubmitButton variant={action === 'remove' ? 'destructive' : 'primary'}>
          {action === 'remove' ? 'Remove' : 'Disable'}
        </SubmitButton>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </ZodForm>
  );
}
