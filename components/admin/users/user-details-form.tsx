'use client';

import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { adminUserDetailsFormSchema } from '@/server/modules/admin/users/schemas';
import { emailSchema } from '@/server/modules/auth/schemas';
import { personNameSchema } from '@/server/modules/organizations/schemas';
import { useSave } from '../../forms/use-save';
import { useTRPC } from '../../trpc/client';
import { Card } from '../../ui/card';
import { SelectField, TextField } from '../../ui/form-field';
import { toastSaved } from '../../ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../../ui/zod-form';
import { stateOptions } from '../../words';
import { readOnlyFieldset, useCanWrite } from '../access';
import type { AdminUser } from '../types';

type Values = z.input<typeof adminUserDetailsFormSchema>;
const NAME_MAX = personNameSchema.maxLength ?? undefined;
const EMAIL_MAX = emailSchema.maxLength ?? undefined;

/** Names, email and status; disabling the account ends its sessions and blocks sign-in. */
export function UserDetailsForm({ user, onSaved }: { user: AdminUser; onSaved: () => void }) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const save = useMutation(trpc.admin.users.update.mutationOptions());
  const form = useZodForm(adminUserDetailsFormSchema, {
    defaultValues: {
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
      status: user.status,
    },
  });
  const { onSubmit, networkError } = useSave(
    form,
    async (values: z.output<typeof adminUserDetailsFormSchema>) => {
      const saved = await save.mutateAsync({ _id: user._id, ...values });
      toastSaved('User', saved.email);
      onSaved();
    },
    { what: 'The change' },
  );

  return (
    <Card title="Details">
      <ZodForm form={form} onSubmit={onSubmit} aria-label="User details">
        <fieldset disabled={!canWrite} className={`min-w-0 space-y-5 ${readOnlyFieldset}`}>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField<Values>
              name="firstName"
              label="First name"
              optional
              maxLength={NAME_MAX}
              autoComplete="off"
            />
            <TextField<Values>
              name="lastName"
              label="Last name"
              optional
              maxLength={NAME_MAX}
              autoComplete="off"
            />
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField<Values>
              name="email"
              label="Email"
              type="email"
              maxLength={EMAIL_MAX}
              autoComplete="off"
            />
            <SelectField<Values>
              name="status"
              label="Status"
              description="Disabled ends every session and blocks sign-in."
              options={stateOptions('user')}
            />
          </div>
          <FormRootError />
          {networkError}
          {canWrite ? <SubmitButton>Save details</SubmitButton> : null}
        </fieldset>
      </ZodForm>
    </Card>
  );
}
