'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Time, useFormatDate } from '../../time';
import { useTRPC } from '../../trpc/client';
import { readError } from '../../trpc/errors';
import { fieldError, type SaveError, toSaveError } from '../../trpc/save-error';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Form } from '../../ui/form';
import { Input } from '../../ui/input';
import { useCanWrite } from '../access';
import { ConfirmButton } from '../confirm-button';
import type { AdminUser } from '../types';

const tfaBadge = {
  active: <Badge tone="green">Active</Badge>,
  pending: <Badge tone="amber">Not confirmed</Badge>,
  disabled: <Badge>Disabled</Badge>,
};

/** Access recovery: a temporary password, ending every session, removing an authenticator. */
export function SecurityCard({ user, onChanged }: { user: AdminUser; onChanged: () => void }) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const formatDate = useFormatDate();
  const revoke = useMutation(trpc.admin.users.revokeSessions.mutationOptions({ onSuccess: onChanged }));
  const removeTfa = useMutation(trpc.admin.users.tfa.remove.mutationOptions({ onSuccess: onChanged }));
  const failure = revoke.error ?? removeTfa.error;

  return (
    <Card title="Sign-in and security">
      <div className="space-y-6">
        {failure ? <Alert tone="error">{readError(failure).message}</Alert> : null}
        <section aria-labelledby="tfa-heading" className="space-y-2">
          <h3 id="tfa-heading" className="text-sm font-semibold text-foreground">
            Two-factor methods
          </h3>
          {user.tfaMethods.length === 0 ? (
            <p className="text-sm text-muted-foreground">None.</p>
          ) : (
            <ul className="divide-y divide-border">
              {user.tfaMethods.map((method) => (
                <li key={method._id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div>
                    <p className="flex items-center gap-2 text-sm font-medium text-foreground">
                      Authenticator app {tfaBadge[method.status]}
                    </p>
                    <p className="mt-0.5 text-xs text-muted-foreground">
                      Added <Time iso={method.createdAt} />
                      {method.activatedAt ? (
                        <>
                          {' '}
                          · turned on <Time iso={method.activatedAt} />
                        </>
                      ) : null}
                    </p>
                  </div>
                  {canWrite ? (
                    <ConfirmButton
                      label="Remove"
                      ariaLabel={`Remove the authenticator app added ${formatDate(method.createdAt)}`}
                      question="Remove this authenticator? The user signs in without it until they add one."
                      confirmLabel="Remove method"
                      pending={removeTfa.isPending}
                      onConfirm={() => removeTfa.mutateAsync({ userId: user._id, tfaId: method._id })}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        {canWrite ? (
          <>
            <section aria-labelledby="sessions-heading" className="space-y-2 border-t border-border pt-5">
              <h3 id="sessions-heading" className="text-sm font-semibold text-foreground">
                Sessions
              </h3>
              <p className="text-sm text-muted-foreground">
                Signs the user out of every browser and API client.
              </p>
              {revoke.isSuccess ? (
                <Alert tone="success">Every session of {user.email} has ended.</Alert>
              ) : null}
              <ConfirmButton
                label="Revoke all sessions"
                question={`End every session of ${user.email}?`}
                confirmLabel="Revoke sessions"
                pending={revoke.isPending}
                onConfirm={() => revoke.mutateAsync({ userId: user._id })}
              />
            </section>
            <TemporaryPasswordForm user={user} onSet={onChanged} />
          </>
        ) : null}
      </div>
    </Card>
  );
}

function TemporaryPasswordForm({ user, onSet }: { user: AdminUser; onSet: () => void }) {
  const trpc = useTRPC();
  const set = useMutation(trpc.admin.users.setPassword.mutationOptions());
  const [password, setPassword] = useState('');
  const [error, setError] = useState<SaveError>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    if (!password) return setError({ code: 'LOCAL', message: '', fields: { password: 'is required' } });
    setError(null);
    try {
      await set.mutateAsync({ userId: user._id, password });
      setPassword('');
      setDone(true);
      onSet();
    } catch (err) {
      setError(toSaveError(err));
    }
  }

  const fieldText = fieldError(error, 'password', 'The password');
  return (
    <Form
      onSubmit={submit}
      aria-labelledby="password-heading"
      className="space-y-3 border-t border-border pt-5"
    >
      <h3 id="password-heading" className="text-sm font-semibold text-foreground">
        Temporary password
      </h3>
      {error && !fieldText ? <Alert tone="error">{error.message}</Alert> : null}
      {done ? <Alert tone="success">Password set. The user must change it at the next sign-in.</Alert> : null}
      <div className="max-w-sm">
        <Input
          label="New temporary password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldText}
          hint="At least 12 characters; the user must change it at the next sign-in."
        />
      </div>
      <Button type="submit" variant="secondary" pending={set.isPending}>
        Set temporary password
      </Button>
    </Form>
  );
}
