'use client';

import { checkEmail } from '@/components/auth/check-email';
import { readError, sentence } from '@/components/trpc/errors';
import { Input } from '@/components/ui/input';

/** Who to invite, as the dashboard's team page and the admin console's organization page ask it. */
export type InviteDraft = { email: string; firstName: string; lastName: string };
export type InviteErrors = Partial<Record<keyof InviteDraft, string>>;

export const emptyInvite: InviteDraft = { email: '', firstName: '', lastName: '' };

const anyError = (errors: InviteErrors) =>
  errors.email || errors.firstName || errors.lastName ? errors : null;

/** What the browser can tell before sending; null when there is nothing to say. */
export const checkInvite = (draft: InviteDraft) =>
  anyError({
    email: draft.email.trim() ? checkEmail(draft.email) : 'Enter their email address.',
    firstName: draft.firstName.trim() ? undefined : 'Enter a first name.',
    lastName: draft.lastName.trim() ? undefined : 'Enter a last name.',
  });

/** The server's refusal as sentences beside the fields; null when it is about none of them. */
export function inviteFieldErrors(error: unknown) {
  const { fields } = readError(error);
  return anyError({
    email: sentence('The email', fields.email),
    firstName: sentence('The first name', fields.firstName),
    lastName: sentence('The last name', fields.lastName),
  });
}

export const inviteInput = (draft: InviteDraft) => ({
  email: draft.email.trim(),
  firstName: draft.firstName.trim(),
  lastName: draft.lastName.trim(),
});

export function InviteFields({
  value,
  onChange,
  errors,
}: {
  value: InviteDraft;
  onChange: (next: InviteDraft) => void;
  errors: InviteErrors;
}) {
  const field = (key: keyof InviteDraft) => ({
    name: key,
    autoComplete: 'off',
    value: value[key],
    onChange: (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value }),
    error: errors[key],
  });
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <Input label="Email" type="email" {...field('email')} />
      <Input label="First name" {...field('firstName')} />
      <Input label="Last name" {...field('lastName')} />
    </div>
  );
}
