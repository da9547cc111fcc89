'use client';

import { useMutation } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useFieldArray } from 'react-hook-form';
import type { z } from 'zod';
import { adminUserCreateFormSchema } from '@/server/modules/admin/users/schemas';
import { emailSchema } from '@/server/modules/auth/schemas';
import { personNameSchema } from '@/server/modules/organizations/schemas';
import { useSave } from '../../forms/use-save';
import { useTRPC } from '../../trpc/client';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { RadioGroupField, TextField } from '../../ui/form-field';
import { toastSaved } from '../../ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../../ui/zod-form';
import { emptyRoleLink, RoleLinkFields } from './role-link-fields';

type Values = z.input<typeof adminUserCreateFormSchema>;
type Output = z.output<typeof adminUserCreateFormSchema>;
export type CreatedWithPassword = { userId: string; email: string; password: string };

const NAME_MAX = personNameSchema.maxLength ?? undefined;
const EMAIL_MAX = emailSchema.maxLength ?? undefined;

const passwordModeOptions = [
  {
    value: 'invite',
    label: 'Send an invitation to set a password',
    hint: 'The user gets an email with a link to choose their password. It works once, for one hour.',
  },
  {
    value: 'generate',
    label: 'Generate a one-time password',
    hint: 'Shown to you once, to pass on yourself. The user must change it at the first sign-in.',
  },
];

/**
 * A new account and, if wanted, its roles. Its first password: an emailed set-password link
 * (the default) or a generated one-time password, which `onPassword` shows once.
 */
export function UserCreateForm({ onPassword }: { onPassword: (created: CreatedWithPassword) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.admin.users.create.mutationOptions());
  const form = useZodForm(adminUserCreateFormSchema, {
    defaultValues: { email: '', firstName: '', lastName: '', passwordMode: 'invite', roleLinks: [] },
  });
  const rows = useFieldArray({ control: form.control, name: 'roleLinks' });

  const { onSubmit, networkError } = useSave(
    form,
    async (values: Output) => {
      const user = await create.mutateAsync({
        email: values.email,
        firstName: values.firstName || undefined,
        lastName: values.lastName || undefined,
        passwordMode: values.passwordMode,
        roleLinks: values.roleLinks.length ? values.roleLinks : undefined,
      });
      if (user.oneTimePassword) {
        toastSaved('User', user.email, 'created');
        onPassword({ userId: user._id, email: user.email, password: user.oneTimePassword });
      } else {
        toastSaved('User', `We emailed ${user.email} a link to set a password.`, 'created');
        router.push(`/admin/users/${user._id}`);
      }
    },
    { what: 'The user' },
  );

  return (
    <Card>
      <ZodForm form={form} onSubmit={onSubmit} aria-label="New user">
        <TextField<Values> name="email" label="Email" type="email" autoComplete="off" maxLength={EMAIL_MAX} />
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
        <RadioGroupField<Values> name="passwordMode" label="First password" options={passwordModeOptions} />
        <fieldset className="min-w-0 space-y-4">
          <legend className="mb-1 text-body font-medium text-foreground">
            Roles <span className="font-normal text-muted-foreground">(optional)</span>
          </legend>
          <p className="text-caption text-muted-foreground">
            A role at an organization or one of its profiles makes the user a member of it at once.
          </p>
          {rows.fields.map((row, i) => (
            <div key={row.id} className="space-y-3 rounded-md border border-border p-4">
              <RoleLinkFields<Values> prefix={`roleLinks.${i}`} />
              <Button variant="ghost" onClick={() => rows.remove(i)}>
                <Trash2 aria-hidden="true" className="size-4" />
                Remove this role
              </Button>
            </div>
          ))}
          <Button variant="secondary" onClick={() => rows.append({ ...emptyRoleLink })}>
            <Plus aria-hidden="true" className="size-4" />
            Add a role
          </Button>
        </fieldset>
        <FormRootError />
        {networkError}
        <SubmitButton>Create user</SubmitButton>
      </ZodForm>
    </Card>
  );
}
