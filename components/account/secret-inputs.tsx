import { Input, type InputProps } from '../ui/input';

type SecretInputProps = Omit<InputProps, 'label' | 'type' | 'name' | 'autoComplete'> & { label?: string };

/** The account's current password, asked again before a change to how the account signs in. */
export function CurrentPasswordInput({ label = 'Your password', ...props }: SecretInputProps) {
  return <Input label={label} type="password" name="password" autoComplete="current-password" {...props} />;
}

/** A 6-digit code from the authenticator app (7 characters allow a space in the middle). */
export function AuthenticatorCodeInput({ label = 'Code from the app', ...props }: SecretInputProps) {
  return (
    <Input
      label={label}
      name="tfaCode"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      className="font-mono tracking-widest"
      {...props}
    />
  );
}
