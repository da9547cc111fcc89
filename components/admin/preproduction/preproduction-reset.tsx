'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import type { z } from 'zod';
import {
  type PreproductionResetSummary,
  type PreproductionStatus,
  preproductionResetFormSchema,
} from '@/server/modules/admin/preproduction/schemas';
import { useSave } from '../../forms/use-save';
import { Time } from '../../time';
import { useTRPC } from '../../trpc/client';
import { readError } from '../../trpc/errors';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { TextField } from '../../ui/form-field';
import { EnvironmentBadge } from '../../ui/shell';
import { toastSaved } from '../../ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../../ui/zod-form';

/** What the reset does, in the words the operator reads before confirming. */
const effects = [
  'Every user gets the temporary password you choose and must replace it at their next sign-in (you too).',
  'Every session and refresh token ends, except this session of yours, so you stay signed in here.',
  'Every API key is revoked (the keys stay listed, marked revoked).',
  'Every two-factor method and recovery code is deleted: no secret copied from production survives.',
  'Every pending sign-in code, password-reset link and invitation link stops working.',
  'Every email address except yours becomes user-<id>@preproduction.invalid, which no mail server delivers.',
  'Outgoing mail is switched to the outbox: messages, including those already queued, are kept and never sent.',
];

const summaryRows: { key: keyof Omit<PreproductionResetSummary, 'mailDelivery'>; label: string }[] = [
  { key: 'users', label: 'Users given the temporary password' },
  { key: 'emailsRewritten', label: 'Email addresses rewritten' },
  { key: 'sessionsRevoked', label: 'Sessions ended' },
  { key: 'refreshTokensRevoked', label: 'Refresh tokens revoked' },
  { key: 'apiKeysRevoked', label: 'API keys revoked' },
  { key: 'tfaMethodsRemoved', label: 'Two-factor methods removed' },
  { key: 'recoveryCodesRemoved', label: 'Recovery codes removed' },
  { key: 'loginCodesRevoked', label: 'Sign-in codes revoked' },
  { key: 'passwordResetsRevoked', label: 'Password-reset links revoked' },
  { key: 'invitationsRevoked', label: 'Invitation links revoked' },
  { key: 'mailHeld', label: 'Queued messages held in the outbox' },
];

const numbers = new Intl.NumberFormat('en-US');

function SummaryTable({
  summary,
  caption,
}: {
  summary: Partial<PreproductionResetSummary>;
  caption: string;
}) {
  return (
    <table className="w-full text-body">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-border text-left text-caption text-muted-foreground">
          <th scope="col" className="py-2 pr-4 font-medium">
            What
          </th>
          <th scope="col" className="py-2 text-right font-medium">
            Count
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {summaryRows.map(({ key, label }) => (
          <tr key={key}>
            <th scope="row" className="py-2 pr-4 text-left font-normal text-foreground">
              {label}
            </th>
            <td className="py-2 text-right tabular-nums">{numbers.format(summary[key] ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Signing in again ends this session and comes back here once the password is proven. */
function SignInAgain() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      pending={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ callbackUrl: `/sign-in?callbackUrl=${encodeURIComponent('/admin/preproduction')}` });
      }}
    >
      Sign in again
    </Button>
  );
}

type FormValues = z.input<typeof preproductionResetFormSchema>;

function ResetForm({
  onDone,
  onStale,
}: {
  onDone: (s: PreproductionResetSummary) => void;
  onStale: () => void;
}) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.admin.preproduction.reset.mutationOptions());
  const form = useZodForm(preproductionResetFormSchema, { defaultValues: { password: '', confirm: '' } });
  const { onSubmit, networkError } = useSave(
    form,
    async (values: z.output<typeof preproductionResetFormSchema>) => {
      try {
        const summary = await reset.mutateAsync({ password: values.password });
        form.reset({ password: '', confirm: '' });
        toastSaved('Preproduction', 'Every account now has the temporary password.', 'reset');
        onDone(summary);
      } catch (error) {
        if (readError(error).code === 'FRESH_SIGN_IN_REQUIRED') onStale();
        throw error;
      }
    },
    { what: 'The reset' },
  );
  return (
    <ZodForm form={form} onSubmit={onSubmit} aria-label="Reset preproduction">
      <div className="max-w-sm space-y-4">
        <TextField<FormValues>
          name="password"
          label="Temporary password for every user"
          subject="The password"
          type="password"
          autoComplete="new-password"
          description="At least 12 characters, not a common password. Everyone changes it at their next sign-in."
        />
        <TextField<FormValues>
          name="confirm"
          label="Type RESET to confirm"
          subject="The confirmation"
          autoComplete="off"
          spellCheck={false}
          description="The reset cannot be undone."
        />
      </div>
      <FormRootError />
      {networkError}
      <SubmitButton variant="destructive">Reset preproduction</SubmitButton>
    </ZodForm>
  );
}

/** The console's preproduction page: what the reset does, whether it can run here, and its result. */
export function PreproductionReset({ status }: { status: PreproductionStatus }) {
  const router = useRouter();
  const [summary, setSummary] = useState<PreproductionResetSummary | null>(null);
  const [stale, setStale] = useState(status.freshSignIn === null);
  const last = status.lastReset;
  return (
    <div className="space-y-6">
      <Card title="This deployment">
        <dl className="grid gap-x-6 gap-y-3 text-body sm:grid-cols-[max-content_1fr]">
          <dt className="text-muted-foreground">Environment</dt>
          <dd>
            <EnvironmentBadge env={status.environment} />
          </dd>
          <dt className="text-muted-foreground">Mail delivery</dt>
          <dd>
            {(summary?.mailDelivery ?? status.mailDelivery) === 'outbox'
              ? 'Held in the outbox: nothing is sent'
              : 'Normal: mail is sent'}
          </dd>
          <dt className="text-muted-foreground">Last reset</dt>
          <dd>
            {last ? (
              <>
                <Time iso={last.at} /> by {last.by?.email ?? 'a removed user'}
              </>
            ) : (
              'Never'
            )}
          </dd>
        </dl>
      </Card>

      <Card title="What the reset does">
        <ul className="list-disc space-y-1.5 pl-5 text-body text-foreground">
          {effects.map((effect) => (
            <li key={effect}>{effect}</li>
          ))}
        </ul>
        <p className="mt-3 text-body text-muted-foreground">
          All of it happens in one step: either everything changes or nothing does.
        </p>
      </Card>

      {summary ? (
        <Card title="Reset done">
          <div className="space-y-4">
            <Alert tone="success">
              Your session goes on; every other one has ended. Sign in with the temporary password next time:
              you will be asked to choose a new one.
            </Alert>
            <SummaryTable summary={summary} caption="What the reset changed" />
          </div>
        </Card>
      ) : !status.resetAvailable ? (
        <Alert tone="info">
          This deployment is {status.environment}: reset is only available in preproduction.
        </Alert>
      ) : stale ? (
        <Card title="Reset preproduction">
          <div className="space-y-4">
            <Alert tone="warning" title="Sign in again first">
              A reset needs a sign-in within the last 10 minutes. You will come back to this page.
            </Alert>
            <SignInAgain />
          </div>
        </Card>
      ) : (
        <Card
          title="Reset preproduction"
          description={
            status.freshSignIn ? (
              <>
                Your sign-in allows a reset until <Time iso={status.freshSignIn.freshUntil} />.
              </>
            ) : undefined
          }
        >
          <ResetForm
            onDone={(done) => {
              setSummary(done);
              // the status above (mail delivery, last reset) as the server now has it
              router.refresh();
            }}
            onStale={() => setStale(true)}
          />
        </Card>
      )}

      {last && !summary ? (
        <Card title="Last reset">
          <SummaryTable summary={last.summary} caption="What the last reset changed" />
        </Card>
      ) : null}
    </div>
  );
}
