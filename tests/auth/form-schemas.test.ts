import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { profileForm, updateProfileInput } from '@/server/modules/auth/account/schemas';
import {
  changePasswordForm,
  emailForm,
  newPasswordForm,
  signInForms,
  tfaActivateForm,
} from '@/server/modules/auth/schemas';

const issues = (schema: z.ZodType, value: unknown) =>
  Object.fromEntries(
    (schema.safeParse(value).error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
  );

/** Issue 9: the auth forms check with the module's own rules (derived in its schemas.ts), fragments the form words. */
describe('the auth forms’ schemas', () => {
  it('sign-in asks per step: the email alone, then the secret, then the second factor', () => {
    const empty = { email: '', secret: '', tfaCode: '' };
    expect(issues(signInForms.email, empty)).toEqual({ email: 'is required' });
    expect(issues(signInForms.secret, { ...empty, email: '  a@example.com ' })).toEqual({
      secret: 'is required',
    });
    expect(issues(signInForms.secret, { ...empty, email: 'nope', secret: 'x' })).toEqual({
      email: 'must be an email address',
    });
    expect(issues(signInForms.tfa, { email: 'a@example.com', secret: 'x', tfaCode: ' ' })).toEqual({
      tfaCode: 'is required',
    });
    expect(signInForms.secret.parse({ email: ' a@example.com ', secret: 'x', tfaCode: '' }).email).toBe(
      'a@example.com',
    );
    expect(issues(emailForm, { email: `${'x'.repeat(250)}@example.com` })).toEqual({
      email: 'must be at most 254 characters',
    });
  });

  it('a new password must be confirmed, and is required', () => {
    expect(issues(newPasswordForm, { password: '', confirm: '' })).toEqual({ password: 'is required' });
    expect(issues(newPasswordForm, { password: 'a long password', confirm: 'another' })).toEqual({
      confirm: 'The two passwords differ.',
    });
    expect(
      issues(changePasswordForm, {
        oldPassword: '',
        password: 'a long password',
        confirm: 'a long password',
      }),
    ).toEqual({ oldPassword: 'is required' });
  });

  it('an authenticator code takes 6 digits, a space in the middle allowed', () => {
    expect(tfaActivateForm.parse({ tfaCode: '123 456' })).toEqual({ tfaCode: '123456' });
    expect(issues(tfaActivateForm, { tfaCode: '12345' })).toEqual({
      tfaCode: 'must be the 6 digits your app shows',
    });
  });

  it('the name form is the procedure’s input: limits stated, both names required', () => {
    expect(profileForm).toBe(updateProfileInput);
    expect(issues(profileForm, { firstName: 'x'.repeat(101), lastName: ' ' })).toEqual({
      firstName: 'must be at most 100 characters',
      lastName: 'is required',
    });
  });
});
