import { waitText } from '../trpc/errors';

export type SignInField = 'email' | 'secret' | 'tfaCode';
const WRONG_CREDENTIALS = 'The email or password is wrong.';

export type SignInProblem = { field?: SignInField; message: string; tfaRequired?: boolean };

/**
 * next-auth hands back the login service's stable code as `error` (RATE_LIMITED carries the
 * seconds: "RATE_LIMITED:30"); each code is shown where the user can act on it.
 */
export function describeSignInError(error: string, mode: 'password' | 'code'): SignInProblem {
  const [code, seconds] = error.split(':');
  switch (code) {
    case 'INVALID_CREDENTIALS':
      return {
        field: 'secret',
        message:
          mode === 'code'
            ? 'This code is wrong or has expired. Ask for a new one if needed.'
            : WRONG_CREDENTIALS,
      };
    case 'TFA_REQUIRED':
      return { tfaRequired: true, message: '' };
    case 'TFA_INVALID':
      return { field: 'tfaCode', message: 'This code is wrong or was already used.' };
    case 'RATE_LIMITED':
      return {
        message: `Too many failed attempts. Try again in ${waitText(Number(seconds) || 60)}.`,
      };
    default:
      return { message: 'Signing in failed on our side. Please try again in a moment.' };
  }
}

export type SignInErrors = Partial<Record<SignInField | 'form', string>>;

/**
 * The errors once `field` changed: its own message goes (a stale "Enter your password." must not
 * stay under a filled field), and "The email or password is wrong" goes when either changes.
 */
export function errorsAfterEdit(errors: SignInErrors, field: SignInField): SignInErrors {
  if (!errors[field] && !(field === 'email' && errors.secret === WRONG_CREDENTIALS)) return errors;
  const rest = { ...errors };
  delete rest[field];
  if (field === 'email' && rest.secret === WRONG_CREDENTIALS) delete rest.secret;
  return rest;
}

/**
 * Whether "Forgot your password?" shows: always on the password step, and above all after a
 * wrong password (it is not the field's hint, which an error replaces).
 */
export const offersPasswordReset = (mode: 'password' | 'code', step: 'secret' | 'tfa') =>
  mode === 'password' && step === 'secret';
