'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { z } from 'zod';
import { useSave } from '@/components/forms/use-save';
import { signInForms } from '@/server/modules/auth/schemas';
import { useTRPC } from '../trpc/client';
import { readError } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { FormField, TextField } from '../ui/form-field';
import { InputControl } from '../ui/input';
import { isNetworkError } from '../ui/network-error';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../ui/zod-form';
import { authSave } from './auth-save';
import { InteractiveFields } from './interactive-fields';
import { requestSignIn } from './request-sign-in';
import {
  describeSignInError,
  errorsAfterEdit,
  offersPasswordReset,
  type SignInErrors,
  type SignInField,
} from './sign-in-errors';

type Mode = 'password' | 'code';
type Values = z.input<typeof signInForms.secret>;
type Output = z.output<typeof signInForms.secret>;

/** Email + password (or an emailed 8-digit code), then the second factor when the account has one. */
/** `next`: a path on this site to open once signed in (the sign-in page checked it), else the home page. */
export function SignInForm({ devMailbox, next = '/' }: { devMailbox: boolean; next?: string }) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<Mode>('password');
  const [step, setStep] = useState<'secret' | 'tfa'>('secret');
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const initiate = useMutation(trpc.auth.initiateLogin.mutationOptions());
  const asksEmailOnly = mode === 'code' && !codeSentTo;
  // The step decides what is required: the email alone to email a code, then the secret, then the code.
  const form = useZodForm(signInForms[asksEmailOnly ? 'email' : step === 'tfa' ? 'tfa' : 'secret'], {
    defaultValues: { email: '', secret: '', tfaCode: '' },
  });

  const sendCode = authSave(form, async ({ email }: { email: string }) => {
    await initiate.mutateAsync({ email });
    setCodeSentTo(email);
    form.setValue('secret', '');
  });

  // "Send a new code" is no submit: its failure goes on top of the form.
  const resend = (to: string) =>
    sendCode({ email: to }).catch((error: unknown) =>
      form.setError('root', {
        type: 'server',
        message: isNetworkError(error)
          ? 'The server could not be reached. Check your connection and try again.'
          : readError(error).message,
      }),
    );

  const signIn = async (values: Output) => {
    if (asksEmailOnly) return sendCode(values);
    const error = await requestSignIn({
      email: values.email,
      secret: values.secret,
      tfaCode: step === 'tfa' ? values.tfaCode : '',
    });
    // A full load starts the signed-in app with no state left from before; the home page (and
    // every signed-in page) sends a restricted session on to the forced password change. The
    // button stays busy until it goes.
    if (error === null) {
      window.location.assign(next);
      return new Promise<never>(() => {});
    }
    if (error === 'NETWORK') throw new TypeError('Failed to fetch');
    const problem = describeSignInError(error, mode);
    if (problem.tfaRequired) return setStep('tfa');
    // the field in error gets the focus back (the busy button had taken it)
    form.setError(
      problem.field ?? 'root',
      { type: 'server', message: problem.message },
      { shouldFocus: true },
    );
  };
  const { onSubmit, networkError } = useSave(form, signIn, { what: 'Signing in' });

  /** "The email or password is wrong." goes when the email changes too (sign-in-errors.ts). */
  const edited = (field: SignInField) => {
    const { errors } = form.formState;
    const current: SignInErrors = {
      email: errors.email?.message,
      secret: errors.secret?.message,
      tfaCode: errors.tfaCode?.message,
    };
    const after = errorsAfterEdit(current, field);
    for (const name of ['email', 'secret', 'tfaCode'] as const)
      if (current[name] && !after[name]) form.clearErrors(name);
  };

  function switchMode(next: Mode) {
    setMode(next);
    setCodeSentTo(null);
    form.reset({ email: form.getValues('email'), secret: '', tfaCode: '' });
  }

  function restart() {
    setStep('secret');
    form.reset({ ...form.getValues(), tfaCode: '' });
  }

  const focus = step === 'tfa' ? 'tfaCode' : mode === 'code' && codeSentTo ? 'secret' : 'email';
  const email = form.watch('email');

  return (
    <ZodForm form={form} onSubmit={onSubmit} aria-label="Sign in">
      <InteractiveFields<Values> focus={focus}>
        <FormRootError />
        {step === 'secret' ? (
          <>
            <FormField<Values> name="email" label="Email">
              {({ value, labelId, onChange, ...control }) => (
                <InputControl
                  {...control}
                  value={typeof value === 'string' ? value : ''}
                  onChange={(event) => {
                    edited('email');
                    onChange(event);
                  }}
                  type="email"
                  autoComplete="username"
                  readOnly={mode === 'code' && codeSentTo !== null}
                />
              )}
            </FormField>
            {mode === 'password' ? (
              <TextField<Values>
                name="secret"
                label="Password"
                type="password"
                autoComplete="current-password"
              />
            ) : codeSentTo ? (
              <>
                <Alert tone="info">
                  If an account exists for <strong>{codeSentTo}</strong>, we sent it an 8-digit code. It works
                  once, for 10 minutes.
                  {devMailbox ? (
                    <>
                      {' '}
                      Running locally? Read it in the{' '}
                      <a
                        href="/dev/mailbox"
                        target="_blank"
                        rel="noreferrer"
                        className="font-medium underline"
                      >
                        dev mailbox
                      </a>
                      .
                    </>
                  ) : null}
                </Alert>
                <TextField<Values>
                  name="secret"
                  label="Sign-in code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                />
              </>
            ) : null}
            {/* Not the password's hint: an error replaces a hint, and a wrong password is when it is needed. */}
            {offersPasswordReset(mode, step) ? (
              <p className="-mt-3 text-body">
                <Link href="/forgot-password" className="font-medium text-link hover:underline">
                  Forgot your password?
                </Link>
              </p>
            ) : null}
            {networkError}
            <div className="space-y-3">
              <SubmitButton className="w-full">{asksEmailOnly ? 'Email me a code' : 'Sign in'}</SubmitButton>
              <div className="flex flex-wrap justify-between gap-2 text-sm">
                {mode === 'password' ? (
                  <button
                    type="button"
                    onClick={() => switchMode('code')}
                    className="focus-ring rounded-sm font-medium text-link hover:underline"
                  >
                    Email me a code instead
                  </button>
                ) : (
                  <>
                    <button
                      type="button"
                      onClick={() => switchMode('password')}
                      className="focus-ring rounded-sm font-medium text-link hover:underline"
                    >
                      Use my password instead
                    </button>
                    {codeSentTo ? (
                      <button
                        type="button"
                        onClick={() => void resend(codeSentTo)}
                        className="focus-ring rounded-sm text-muted-foreground hover:underline"
                      >
                        Send a new code
                      </button>
                    ) : null}
                  </>
                )}
              </div>
            </div>
          </>
        ) : (
          <>
            <div className="space-y-1">
              <h2 className="text-base font-semibold">Two-factor authentication</h2>
              <p className="text-sm text-muted-foreground">
                Enter the 6-digit code from your authenticator app for <strong>{email}</strong>.
              </p>
            </div>
            <TextField<Values>
              name="tfaCode"
              label="Authentication code"
              autoComplete="one-time-code"
              description="Lost your device? Enter one of your recovery codes instead."
            />
            {networkError}
            <div className="flex gap-3">
              <SubmitButton className="flex-1">Verify</SubmitButton>
              <Button variant="secondary" onClick={restart}>
                Back
              </Button>
            </div>
          </>
        )}
      </InteractiveFields>
    </ZodForm>
  );
}
