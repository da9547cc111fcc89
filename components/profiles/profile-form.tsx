'use client';

import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Button } from '../ui/button';
import { FormRootError, SubmitButton, ZodForm } from '../ui/zod-form';
import { ProfileFields } from './profile-fields';

/**
 * A profile form that saves and cancels (the admin console's new profile, the dashboard's edit),
 * on a useZodForm of the profile schemas in server/modules/organizations/schemas.ts and a useSave.
 */
export function ProfileForm<TInput extends FieldValues, TOutput>({
  form,
  onSubmit,
  networkError,
  label,
  mode,
  withTypes,
  submitLabel,
  onCancel,
  children,
}: {
  form: UseFormReturn<TInput, unknown, TOutput>;
  onSubmit: (values: TOutput) => Promise<void>;
  networkError: ReactNode;
  label: string;
  mode: 'create' | 'edit';
  withTypes?: boolean;
  submitLabel: string;
  onCancel: () => void;
  /** shown above the fields */
  children?: ReactNode;
}) {
  return (
    <ZodForm form={form} onSubmit={onSubmit} aria-label={label}>
      {children}
      <ProfileFields mode={mode} withTypes={withTypes} />
      <FormRootError />
      {networkError}
      <div className="flex flex-wrap gap-3">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </ZodForm>
  );
}
