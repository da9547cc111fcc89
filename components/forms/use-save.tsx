'use client';

import { type ReactNode, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { toSaveError } from '../trpc/save-error';
import { isNetworkError, NetworkError } from '../ui/network-error';
import { setServerErrors } from '../ui/zod-form';

/**
 * The submit handler of a ZodForm that calls the server: a refusal lands on the form (each field's
 * message beside its field, the rest on top); a network failure shows "not saved" with Retry,
 * which submits the same values again. `save` throws what the mutation threw.
 */
export function useSave<TInput extends FieldValues, TOutput>(
  form: UseFormReturn<TInput, unknown, TOutput>,
  save: (values: TOutput) => Promise<unknown>,
  options: { what?: string } = {},
): { onSubmit: (values: TOutput) => Promise<void>; networkError: ReactNode } {
  const [offline, setOffline] = useState(false);
  async function onSubmit(values: TOutput) {
    setOffline(false);
    try {
      await save(values);
    } catch (error) {
      if (isNetworkError(error)) setOffline(true);
      else {
        const read = toSaveError(error);
        if (read) setServerErrors(form, read.fields, read.message);
      }
    }
  }
  const networkError = offline ? (
    <NetworkError
      title={`${options.what ?? 'The change'} was not saved`}
      message="The server could not be reached. Nothing was lost: check your connection and try again."
      onRetry={() => form.handleSubmit(onSubmit)()}
      retrying={form.formState.isSubmitting}
    />
  ) : null;
  return { onSubmit, networkError };
}
