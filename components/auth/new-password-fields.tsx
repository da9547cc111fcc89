'use client';

import type { FieldValues } from 'react-hook-form';
import { TextField } from '../ui/form-field';

export const PASSWORD_HINT = 'At least 12 characters. Not a common password, not your email.';

/**
 * The new password and its confirmation, as every form that sets a password asks for them: fields
 * `password` and `confirm` of a form on newPasswordForm or changePasswordForm (auth schemas.ts).
 */
export function NewPasswordFields<T extends FieldValues & { password: string; confirm: string }>({
  label = 'New password',
}: {
  label?: string;
}) {
  return (
    <>
      <TextField<T>
        name={'password' as never}
        label={label}
        type="password"
        autoComplete="new-password"
        description={PASSWORD_HINT}
      />
      <TextField<T>
        name={'confirm' as never}
        label={`Confirm ${label.toLowerCase()}`}
        subject="The confirmation"
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}
