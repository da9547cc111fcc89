import { Input } from '../ui/input';

export const PASSWORD_HINT = 'At least 12 characters. Not a common password, not your email.';

/** The new password and its confirmation, as every form that sets a password asks for them. */
export function NewPasswordFields(props: {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  errors: { password?: string; confirm?: string };
  autoFocus?: boolean;
}) {
  return (
    <>
      <Input
        label="New password"
        type="password"
        name="newPassword"
        autoComplete="new-password"
        value={props.password}
        onChange={(e) => props.onPassword(e.target.value)}
        error={props.errors.password}
        hint={PASSWORD_HINT}
        autoFocus={props.autoFocus}
      />
      <Input
        label="Confirm new password"
        type="password"
        name="confirmPassword"
        autoComplete="new-password"
        value={props.confirm}
        onChange={(e) => props.onConfirm(e.target.value)}
        error={props.errors.confirm}
      />
    </>
  );
}
