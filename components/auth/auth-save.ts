import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { type ReadError, readError, waitText } from '../trpc/errors';
import { isNetworkError } from '../ui/network-error';

/** "Too many attempts. Try again in 2 minutes." from a RATE_LIMITED refusal. */
export const tooManyAttempts = (e: ReadError) =>
  `Too many attempts. Try again in ${waitText(e.retryAfterSeconds ?? 60)}.`;

/** Where a refusal goes: a field (or the top), 'handled' when the form showed it itself, undefined for useSave. */
export type AuthOutcome<T extends FieldValues> = { field?: Path<T>; message: string } | 'handled' | undefined;

/**
 * A useSave `save` for the sign-in and account forms: a network failure and any other refusal go
 * on to useSave (NetworkError with Retry; field messages beside their fields), while the codes an
 * auth form words itself land where the person can act: RATE_LIMITED on top with the wait, and
 * what `special` places (by the refusal's code: TFA_INVALID under the code field, LINK_INVALID…).
 */
export function authSave<T extends FieldValues, V>(
  form: UseFormReturn<T, unknown, unknown>,
  save: (values: V) => Promise<unknown>,
  special: (e: ReadError) => AuthOutcome<T> = () => undefined,
): (values: V) => Promise<void> {
  return async (values) => {
    try {
      await save(values);
    } catch (error) {
      if (isNetworkError(error)) throw error;
      const e = readError(error);
      const outcome = special(e) ?? (e.code === 'RATE_LIMITED' ? { message: tooManyAttempts(e) } : undefined);
      if (outcome === undefined) throw error;
      if (outcome === 'handled') return;
      form.setError(
        outcome.field ?? 'root',
        { type: 'server', message: outcome.message },
        { shouldFocus: true },
      );
    }
  };
}
