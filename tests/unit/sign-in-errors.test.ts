import { describe, expect, it } from 'vitest';
import { describeSignInError, errorsAfterEdit, offersPasswordReset } from '@/components/auth/sign-in-errors';

/** Issue 9, defects: the sign-in form's errors clear on edit, and a wrong password keeps "Forgot your password?". */
describe('sign-in form errors', () => {
  it('drops a stale "Enter your password." once the password changes, and only that one', () => {
    const errors = { secret: 'Enter your password.', form: 'Too many failed attempts.' };
    expect(errorsAfterEdit(errors, 'secret')).toEqual({ form: 'Too many failed attempts.' });
    expect(errorsAfterEdit({ email: 'Enter your email address.' }, 'email')).toEqual({});
    expect(errorsAfterEdit({ tfaCode: 'Enter a code.' }, 'tfaCode')).toEqual({});
    const untouched = { email: 'Enter your email address.' };
    expect(errorsAfterEdit(untouched, 'secret')).toBe(untouched);
  });

  it('drops "The email or password is wrong." when either changes', () => {
    const wrong = { secret: describeSignInError('INVALID_CREDENTIALS', 'password').message };
    expect(wrong.secret).toBe('The email or password is wrong.');
    expect(errorsAfterEdit(wrong, 'email')).toEqual({});
    expect(errorsAfterEdit(wrong, 'secret')).toEqual({});
    expect(errorsAfterEdit({ secret: 'Enter your password.' }, 'email')).toEqual({
      secret: 'Enter your password.',
    });
  });

  it('offers "Forgot your password?" on the password step whatever the errors, not for a code or the second factor', () => {
    expect(offersPasswordReset('password', 'secret')).toBe(true);
    expect(offersPasswordReset('code', 'secret')).toBe(false);
    expect(offersPasswordReset('password', 'tfa')).toBe(false);
  });
});
