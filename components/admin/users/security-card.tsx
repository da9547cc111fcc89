'use client';

import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { adminSetPasswordFormSchema } from '@/server/modules/admin/users/schemas';
import { useSave } from '../../forms/use-save';
import { StateBadge } from '../../state-badge';
import { Time, useFormatDate } from '../../time';
import { useTRPC } from '../../trpc/client';
import { readError } from '../../trpc/errors';
import { ConfirmDialog } from '../../ui/alert-dialog';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { TextField } from '../../ui/form-field';
import { toast, toastSaved } from '../../ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../../ui/zod-form';
import { useCanWrite } from '../access';
import type { AdminUser } from '../types';

const failed = (title: string) => (error: unknown) => {
  toast.error(title, { description: readError(error).message });
  throw error;
};

/** Access recovery: two-factor methods, ending every session, a temporary password. */
export function SecurityCard({ user, onChanged }: { user: AdminUser; onChanged: () => void }) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const formatDate = useFormatDate();
  const revoke = useMutation(trpc.admin.users.revokeSessions.mutationOptions());
  const removeTfa = useMutation(trpc.admin.users.tfa.remove.mutationOptions());

  return (
    <Card title="Sign-in and security">
      <div className="space-y-6">
        <section aria-labelledby="tfa-heading" className="space-y-2">
          <h3 id="tfa-heading" className="text-body font-semibold text-foreground">
            Two-factor methods
          </h3>
          {user.tfaMethods.length === 0 ? (
            <p className="text-body text-muted-foreground">
              None: the user signs in with the password alone.
            </p>
          ) : (
            <ul aria-label="Two-factor methods" className="divide-y divide-border">
              {user.tfaMethods.map((method) => (
                <li
                  key={method._id}
                  className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3"
                >
                  <div className="min-w-0 space-y-0.5">
                    <p className="flex flex-wrap items-center gap-2 text-body font-medium text-foreground">
                      Authenticator app <StateBadge kind="tfa" state={method.status} />
                    </p>
                    <p className="text-caption text-muted-foreground">
                      Added <Time iso={method.createdAt} relative />
                      {method.activatedAt ? (
                        <>
                          {' · turned on '}
                          <Time iso={method.activatedAt} relative />
                        </>
                      ) : null}
                    </p>
                  </div>
                  {canWrite ? (
                    <ConfirmDialog
                      trigger={
                        <Button
                          variant="ghost"
                          size="sm"
                          aria-label={`Remove the authenticator app added ${formatDate(method.createdAt)}`}
                        >
                          Remove
                        </Button>
                      }
                      title="Remove this authenticator?"
                      description="The user signs in without a second factor until they add one."
                      confirmLabel="Remove method"
                      destructive
                      onConfirm={() =>
                        removeTfa.mutateAsync({ userId: user._id, tfaId: method._id }).then(() => {
                          toastSaved('Authenticator app', user.email, 'removed');
                          onChanged();
                        }, failed('The authenticator was not removed'))
                      }
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        {canWrite ? (
          <>
            <section
              aria-labelledby="sessions-heading"
              className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-5"
            >
              <div className="space-y-0.5">
                <h3 id="sessions-heading" className="text-body font-semibold text-foreground">
                  Sessions
                </h3>
                <p className="text-body text-muted-foreground">
                  Last sign-in {user.lastLoginAt ? <Time iso={user.lastLoginAt} relative /> : 'never'}. Ending
                  the sessions signs the user out of every browser and API client.
                </p>
              </div>
              <ConfirmDialog
                trigger={<Button variant="secondary">End all sessions</Button>}
                title={`End every session of ${user.email}?`}
                description="They stay signed out until they sign in again."
                confirmLabel="End sessions"
                destructive
                onConfirm={() =>
                  revoke.mutateAsync({ userId: user._id }).then(() => {
                    toastSaved('Sessions', `Every session of ${user.email} has ended.`, 'ended');
                    onChanged();
                  }, failed('The sessions were not ended'))
                }
              />
            </section>
            <TemporaryPasswordForm user={user} onSet={onChanged} />
          </>
        ) : null}
      </div>
    </Card>
  );
}

type PasswordValues = z.input<typeof adminSetPasswordFormSchema>;

function TemporaryPasswordForm({ user, onSet }: { user: AdminUser; onSet: () => void }) {
  const trpc = useTRPC();
  const set = useMutation(trpc.admin.users.setPassword.mutationOptions());
  const form = useZodForm(adminSetPasswordFormSchema, { defaultValues: { password: '' } });
  const { onSubmit, networkError } = useSave(
    form,
    async (values: z.output<typeof adminSetPasswordFormSchema>) => {
      await set.mutateAsync({ userId: user._id, password: values.password });
      form.reset({ password: '' });
      toastSaved('Temporary password', 'The user must change it at the next sign-in.', 'set');
      onSet();
    },
    { what: 'The password' },
  );

  return (
    <ZodForm
      form={form}
      onSubmit={onSubmit}
      aria-labelledby="password-heading"
      className="border-t border-border pt-5"
    >
      <div className="space-y-0.5">
        <h3 id="password-heading" className="text-body font-semibold text-foreground">
          Temporary password
        </h3>
        <p className="text-body text-muted-foreground">
          Ends every session of the user; they must change it at the next sign-in.
        </p>
      </div>
      <div className="max-w-sm">
        <TextField<PasswordValues>
          name="password"
          label="New temporary password"
          subject="The password"
          type="password"
          autoComplete="new-password"
          description="At least 12 characters, not a common password."
        />
      </div>
      <FormRootError />
      {networkError}
      <SubmitButton variant="secondary">Set temporary password</SubmitButton>
    </ZodForm>
  );
}
