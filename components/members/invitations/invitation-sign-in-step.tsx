'use client';

import Link from 'next/link';
import type { z } from 'zod';
import { InteractiveFields } from '@/components/auth/interactive-fields';
import { requestSignIn } from '@/components/auth/request-sign-in';
import { describeSignInError } from '@/components/auth/sign-in-errors';
import { useSave } from '@/components/forms/use-save';
import { Alert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/form-field';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '@/components/ui/zod-form';
import { tfaCodeForm } from '@/server/modules/auth/schemas';

type Values = z.input<typeof tfaCodeForm>;

/**
 * After joining: an account with two-factor sign-in still needs its code; any other refusal
 * leaves the person a member who signs in the usual way.
 */
export function InvitationSignInStep({
  email,
  organizationName,
  password,
  signInError,
}: {
  email: string;
  organizationName: string;
  password: string;
  signInError: string;
}) {
  const form = useZodForm(tfaCodeForm, { defaultValues: { tfaCode: '' } });
  const { onSubmit, networkError } = useSave(
    form,
    async ({ tfaCode }: z.output<typeof tfaCodeForm>) => {
      const problem = await requestSignIn({ email, secret: password, tfaCode });
      if (problem === null) {
        window.location.assign('/');
        return new Promise<never>(() => {});
      }
      if (problem === 'NETWORK') throw new TypeError('Failed to fetch');
      const described = describeSignInError(problem, 'password');
      form.setError(described.field === 'tfaCode' ? 'tfaCode' : 'root', {
        type: 'server',
        message: described.message,
      });
    },
    { what: 'Signing in' },
  );
  const needsTfa = signInError.startsWith('TFA_REQUIRED');

  if (!needsTfa) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title={`You joined ${organizationName}`}>
          {describeSignInError(signInError, 'password').message}
        </Alert>
        <Link href="/sign-in" className="block text-sm font-medium text-link hover:underline">
          Go to sign in
        </Link>
      </div>
    );
  }

  return (
    <ZodForm form={form} onSubmit={onSubmit} aria-label="Two-factor authentication">
      <InteractiveFields<Values> focus="tfaCode">
        <Alert tone="success" title={`You joined ${organizationName}`}>
          One more step to sign in as <strong>{email}</strong>.
        </Alert>
        <FormRootError />
        <TextField<Values>
          name="tfaCode"
          label="Authentication code"
          autoComplete="one-time-code"
          description="The 6-digit code from your authenticator app, or one of your recovery codes."
        />
        {networkError}
        <SubmitButton className="w-full">Verify and continue</SubmitButton>
      </InteractiveFields>
    </ZodForm>
  );
}
