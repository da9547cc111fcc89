import { waitText } from '../trpc/errors';

export type SignInField = 'email' | 'secret' | 'tfaCode';
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
            : 'The email or password is wrong.',
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
