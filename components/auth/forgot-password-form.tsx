'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { z } from 'zod';
import { useSave } from '@/components/forms/use-save';
import { emailForm } from '@/server/modules/auth/schemas';
import { useTRPC } from '../trpc/client';
import { Alert } from '../ui/alert';
import { TextField } from '../ui/form-field';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../ui/zod-form';
import { authSave } from './auth-save';
import { InteractiveFields } from './interactive-fields';

type Values = z.input<typeof emailForm>;

/** Asks for a reset link. The answer is the same whether the email has an account or not. */
export function ForgotPasswordForm({ devMailbox }: { devMailbox: boolean }) {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useZodForm(emailForm, { defaultValues: { email: '' } });
  const { onSubmit, networkError } = useSave(
    form,
    authSave(form, async ({ email }: z.output<typeof emailForm>) => {
      await request.mutateAsync({ email });
      setSentTo(email);
    }),
    { what: 'The request' },
  );

  if (sentTo) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Check your email">
          If an account exists for <strong>{sentTo}</strong>, we sent it a link to choose a new password. The
          link works once, for one hour.
          {devMailbox ? (
            <>
              {' '}
              Running locally? Open the{' '}
              <a href="/dev/mailbox" className="font-medium underline">
                dev mailbox
              </a>
              .
            </>
          ) : null}
        </Alert>
        <Link href="/sign-in" className="block text-sm font-medium text-link hover:underline">
          Back to sign in
        </Link>
      </div>
    );
  }

  return (
    <ZodForm form={form} onSubmit={onSubmit} aria-label="Reset your password">
      <InteractiveFields<Values> focus="email">
        <FormRootError />
        <TextField<Values> name="email" label="Email" type="email" autoComplete="username" />
        {networkError}
        <SubmitButton className="w-full">Email me a reset link</SubmitButton>
        <Link href="/sign-in" className="block text-center text-sm font-medium text-link hover:underline">
          Back to sign in
        </Link>
      </InteractiveFields>
    </ZodForm>
  );
}
