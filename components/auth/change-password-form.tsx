'use client';

import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { useSave } from '@/components/forms/use-save';
import { changePasswordForm } from '@/server/modules/auth/schemas';
import { useTRPC } from '../trpc/client';
import { TextField } from '../ui/form-field';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../ui/zod-form';
import { authSave } from './auth-save';
import { InteractiveFields } from './interactive-fields';
import { NewPasswordFields } from './new-password-fields';

type Values = z.input<typeof changePasswordForm>;

/** Current, new and confirm; the server's policy errors land under the field they concern. */
export function ChangePasswordForm({
  submitLabel = 'Change password',
  onDone,
  focusFirst = false,
}: {
  submitLabel?: string;
  onDone: () => void | Promise<void>;
  /** a page of its own (the forced change) starts in the first field */
  focusFirst?: boolean;
}) {
  const trpc = useTRPC();
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const form = useZodForm(changePasswordForm, {
    defaultValues: { oldPassword: '', password: '', confirm: '' },
  });
  const { onSubmit, networkError } = useSave(
    form,
    authSave(form, async ({ oldPassword, password }: z.output<typeof changePasswordForm>) => {
      await change.mutateAsync({ oldPassword, password });
      form.reset();
      await onDone();
    }),
    { what: 'The new password' },
  );

  return (
    <ZodForm form={form} onSubmit={onSubmit} aria-label="Change password">
      <InteractiveFields<Values> focus={focusFirst ? 'oldPassword' : undefined}>
        <FormRootError />
        <TextField<Values>
          name="oldPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
        />
        <NewPasswordFields<Values> />
        {networkError}
        <SubmitButton>{submitLabel}</SubmitButton>
      </InteractiveFields>
    </ZodForm>
  );
}
