'use client';

import type { ReactNode } from 'react';
import { formError } from '../trpc/save-error';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Form } from '../ui/form';
import { type ProfileDraft, ProfileFields, type ProfileValues, SHOWN_PROFILE_FIELDS } from './profile-fields';
import { useProfileForm } from './use-profile-form';

/** A profile form that saves and cancels: the admin console's new profile, the dashboard's edit. */
export function ProfileForm({
  label,
  initial,
  withTypes,
  submitLabel,
  pending,
  save,
  onCancel,
  children,
}: {
  label: string;
  initial?: ProfileValues;
  withTypes?: boolean;
  submitLabel: string;
  pending: boolean;
  save: (draft: ProfileDraft) => Promise<void>;
  onCancel: () => void;
  /** shown above the fields */
  children?: ReactNode;
}) {
  const form = useProfileForm(initial, save);
  const top = formError(form.error, SHOWN_PROFILE_FIELDS);
  return (
    <Form onSubmit={form.submit} aria-label={label} className="space-y-5">
      {children}
      {top ? <Alert tone="error">{top}</Alert> : null}
      <ProfileFields value={form.draft} onChange={form.setDraft} error={form.error} withTypes={withTypes} />
      <div className="flex gap-3">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
