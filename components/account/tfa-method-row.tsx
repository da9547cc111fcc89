'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../format';
import { useTRPC } from '../trpc/client';
import { readError, sentence, waitText } from '../trpc/errors';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Form } from '../ui/form';
import { CurrentPasswordInput } from './secret-inputs';
import { TfaReactivate } from './tfa-reactivate';

export type TfaMethod = {
  _id: string;
  type: 'totp';
  status: 'pending' | 'active' | 'disabled';
  createdAt: string;
  activatedAt: string | null;
};

const statusBadge = {
  active: <Badge tone="green">Active</Badge>,
  pending: <Badge tone="amber">Not confirmed</Badge>,
  disabled: <Badge>Disabled</Badge>,
};

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
  const trpc = useTRPC();
  const disable = useMutation(trpc.auth.tfa.disable.mutationOptions());
  const remove = useMutation(trpc.auth.tfa.remove.mutationOptions());
  const [action, setAction] = useState<'disable' | 'remove' | 'reactivate' | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password) return setError('Enter your password.');
    setError(undefined);
    try {
      const input = { tfaId: method._id, password };
      await (action === 'remove' ? remove.mutateAsync(input) : disable.mutateAsync(input));
      setAction(null);
      setPassword('');
      onChanged();
    } catch (err) {
      const e = readError(err);
      setError(
        e.code === 'RATE_LIMITED'
          ? `Too many failed attempts. Try again in ${waitText(e.retryAfterSeconds ?? 60)}.`
          : (sentence('The password', e.fields.password) ?? e.message),
      );
    }
  }

  return (
    <li className="space-y-3 py-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="flex items-center gap-2 text-sm font-medium text-foreground">
            Authenticator app {statusBadge[method.status]}
          </p>
          <p className="mt-0.5 text-xs text-muted-foreground">
            Added {formatDateTime(method.createdAt)}
            {method.activatedAt ? ` · turned on ${formatDateTime(method.activatedAt)}` : ''}
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
        <Form onSubmit={submit} className="max-w-sm space-y-3 rounded-md border border-border bg-muted p-4">
          <CurrentPasswordInput
            label={`Your password, to ${action} this authenticator`}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error}
            autoFocus
          />
          <div className="flex gap-2">
            <Button
              type="submit"
              variant={action === 'remove' ? 'danger' : 'primary'}
              pending={disable.isPending || remove.isPending}
            >
              {action === 'remove' ? 'Remove' : 'Disable'}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setAction(null);
                setError(undefined);
                setPassword('');
              }}
            >
              Cancel
            </Button>
          </div>
        </Form>
      ) : null}
    </li>
  );
}
