'use client';

import type { FieldValues } from 'react-hook-form';
import { TextField } from '../ui/form-field';

/** The account's current password (field `password`), asked again before a change to how it signs in. */
export function CurrentPasswordField<T extends FieldValues & { password: string }>({
  label = 'Your password',
  description,
  autoFocus,
}: {
  label?: string;
  description?: string;
  autoFocus?: boolean;
}) {
  return (
    <TextField<T>
      name={'password' as never}
      label={label}
      subject="The password"
      description={description}
      type="password"
      autoComplete="current-password"
      autoFocus={autoFocus}
    />
  );
}

/** A 6-digit code from the authenticator app (field `tfaCode`; a space in the middle is fine). */
export function AuthenticatorCodeField<T extends FieldValues & { tfaCode: string }>({
  label = 'Code from the app',
  autoFocus,
}: {
  label?: string;
  autoFocus?: boolean;
}) {
  return (
    <TextField<T>
      name={'tfaCode' as never}
      label={label}
      subject="The code"
      inputMode="numeric"
      autoComplete="one-time-code"
      autoFocus={autoFocus}
    />
  );
}

/** TFA_INVALID beside the code field, in the words of the sign-in form. */
export const tfaCodeRefusal = (e: { code: string }) =>
  e.code === 'TFA_INVALID'
    ? { field: 'tfaCode' as never, message: 'This code is wrong or was already used.' }
    : undefined;
