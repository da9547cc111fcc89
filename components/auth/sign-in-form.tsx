'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../trpc/client';
import { readError, sentence, waitText } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Form } from '../ui/form';
import { Input } from '../ui/input';
import { checkEmail } from './check-email';
import { requestSignIn } from './request-sign-in';
import {
  describeSignInError,
  type SignInErrors as Errors,
  errorsAfterEdit,
  offersPasswordReset,
  type SignInField,
} from './sign-in-errors';

type Mode = 'password' | 'code';

/** Email + password (or an emailed 8-digit code), then the second factor when the account has one. */
export function SignInForm({ devMailbox }: { devMailbox: boolean }) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<Mode>('password');
  const [step, setStep] = useState<'secret' | 'tfa'>('secret');
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [secret, setSecret] = useState('');
  const [tfaCode, setTfaCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const initiate = useMutation(trpc.auth.initiateLogin.mutationOptions());
  // A field's error goes as soon as the field changes.
  const edited = (field: SignInField) => setErrors((current) => errorsAfterEdit(current, field));

  const emailOk = () => {
    const problem = checkEmail(email);
    if (problem) setErrors({ email: problem });
    return !problem;
  };

  async function sendCode() {
    if (!emailOk()) return;
    setErrors({});
    try {
      await initiate.mutateAsync({ email: email.trim() });
      setCodeSentTo(email.trim());
      setSecret('');
    } catch (error) {
      const e = readError(error);
      setErrors(
        e.code === 'RATE_LIMITED'
          ? { form: `Too many attempts. Try again in ${waitText(e.retryAfterSeconds ?? 60)}.` }
          : { email: sentence('The email', e.fields.email), form: e.fields.email ? undefined : e.message },
      );
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mode === 'code' && !codeSentTo) return void sendCode();
    if (!emailOk()) return;
    if (!secret)
      return setErrors({
        secret: mode === 'code' ? 'Enter the code we emailed you.' : 'Enter your password.',
      });
    if (step === 'tfa' && !tfaCode.trim()) return setErrors({ tfaCode: 'Enter a code.' });
    setPending(true);
    setErrors({});
    const error = await requestSignIn({
      email: email.trim(),
      secret,
      tfaCode: step === 'tfa' ? tfaCode.trim() : '',
    });
    if (error === null) {
      // A full load starts the signed-in app with no state left from before; the home page
      // sends a restricted session on to the forced password change.
      window.location.assign('/');
      return;
    }
    setPending(false);
    const problem = describeSignInError(error, mode);
    if (problem.tfaRequired) {
      setStep('tfa');
      return;
    }
    setErrors(problem.field ? { [problem.field]: problem.message } : { form: problem.message });
  }

  function switchMode(next: Mode) {
    setMode(next);
    setSecret('');
    setCodeSentTo(null);
    setErrors({});
  }

  function restart() {
    setStep('secret');
    setTfaCode('');
    setErrors({});
  }

  return (
    <Form onSubmit={submit} className="space-y-5">
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      {step === 'secret' ? (
        <>
          <Input
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              edited('email');
            }}
            error={errors.email}
            readOnly={mode === 'code' && codeSentTo !== null}
            required
            autoFocus
          />
          {mode === 'password' ? (
            <Input
              label="Password"
              type="password"
              name="password"
              autoComplete="current-password"
              value={secret}
              onChange={(e) => {
                setSecret(e.target.value);
                edited('secret');
              }}
              error={errors.secret}
              required
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
                    <a href="/dev/mailbox" target="_blank" rel="noreferrer" className="font-medium underline">
                      dev mailbox
                    </a>
                    .
                  </>
                ) : null}
              </Alert>
              <Input
                label="Sign-in code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={8}
                value={secret}
                onChange={(e) => {
                  setSecret(e.target.value.replace(/\s/g, ''));
                  edited('secret');
                }}
                error={errors.secret}
                className="font-mono tracking-widest"
                autoFocus
              />
            </>
          ) : null}
          {/* Not the password's hint: an error replaces the hint, and a wrong password is when it is needed. */}
          {offersPasswordReset(mode, step) ? (
            <p className="-mt-3 text-body">
              <Link href="/forgot-password" className="font-medium text-link hover:underline">
                Forgot your password?
              </Link>
            </p>
          ) : null}
          <div className="space-y-3">
            <Button type="submit" className="w-full" pending={pending || initiate.isPending}>
              {mode === 'code' && !codeSentTo ? 'Email me a code' : 'Sign in'}
            </Button>
            <div className="flex flex-wrap justify-between gap-2 text-sm">
              {mode === 'password' ? (
                <button
                  type="button"
                  onClick={() => switchMode('code')}
                  className="font-medium text-link hover:underline"
                >
                  Email me a code instead
                </button>
              ) : (
                <>
                  <button
                    type="button"
                    onClick={() => switchMode('password')}
                    className="font-medium text-link hover:underline"
                  >
                    Use my password instead
                  </button>
                  {codeSentTo ? (
                    <button
                      type="button"
                      onClick={sendCode}
                      className="text-muted-foreground hover:underline"
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
              Enter the 6-digit code from your authenticator app for <strong>{email.trim()}</strong>.
            </p>
          </div>
          <Input
            label="Authentication code"
            name="tfaCode"
            autoComplete="one-time-code"
            value={tfaCode}
            onChange={(e) => {
              setTfaCode(e.target.value);
              edited('tfaCode');
            }}
            error={errors.tfaCode}
            hint="Lost your device? Enter one of your recovery codes instead."
            className="font-mono tracking-widest"
            autoFocus
          />
          <div className="flex gap-3">
            <Button type="submit" className="flex-1" pending={pending}>
              Verify
            </Button>
            <Button variant="secondary" onClick={restart}>
              Back
            </Button>
          </div>
        </>
      )}
    </Form>
  );
}
