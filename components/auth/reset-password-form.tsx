'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { z } from 'zod';
import { useSave } from '@/components/forms/use-save';
import { newPasswordForm } from '@/server/modules/auth/schemas';
import { useTRPC } from '../trpc/client';
import { Alert } from '../ui/alert';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../ui/zod-form';
import { useForgetUrlToken } from '../use-forget-url-token';
import { authSave } from './auth-save';
import { InteractiveFields } from './interactive-fields';
import { NewPasswordFields } from './new-password-fields';

type Values = z.input<typeof newPasswordForm>;

/** Sets a new password with the emailed token; every session ends, so the user signs in again. */
export function ResetPasswordForm({ token }: { token: string }) {
  useForgetUrlToken();
  const trpc = useTRPC();
  const complete = useMutation(trpc.auth.completePasswordReset.mutationOptions());
  const [done, setDone] = useState(false);
  const [linkDead, setLinkDead] = useState(false);
  const form = useZodForm(newPasswordForm, { defaultValues: { password: '', confirm: '' } });
  const { onSubmit, networkError } = useSave(
    form,
    authSave(
      form,
      async ({ password }: z.output<typeof newPasswordForm>) => {
        await complete.mutateAsync({ token, password });
        setDone(true);
      },
      (e) => {
        if (e.code !== 'LINK_INVALID') return undefined;
        setLinkDead(true);
        return 'handled';
      },
    ),
    { what: 'The new password' },
  );

  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Your password is changed">
          Every session of your account was signed out. Sign in with your new password.
        </Alert>
        <Link href="/sign-in" className="block text-sm font-medium text-link hover:underline">
          Go to sign in
        </Link>
      </div>
    );
  }
  if (linkDead || !token) {
    return (
      <div className="space-y-4">
        <Alert tone="error" title="This link does not work">
          A reset link works once, for one hour, and only the newest one counts.
        </Alert>
        <Link href="/forgot-password" className="block text-sm font-medium text-link hover:underline">
          Ask for a new link
        </Link>
      </div>
    );
  }

  return (
    <ZodForm form={form} onSubmit={onSubmit} aria-label="Choose a new password">
      <InteractiveFields<Values> focus="password">
        <FormRootError />
        <NewPasswordFields<Values> />
        {networkError}
        <SubmitButton className="w-full">Set new password</SubmitButton>
      </InteractiveFields>
    </ZodForm>
  );
}
