import { expect } from 'vitest';
import { ZodError } from 'zod';
import { asAppError, type FieldError } from '@/server/core/errors';
import { zodFieldErrors } from '@/server/core/trpc';

export type Refusal = {
  code: string;
  status: number;
  message: string;
  errors: FieldError[];
  extra?: Record<string, unknown>;
};

/**
 * The one refusal check: expects the call (a service or a procedure) to fail with this code, as
 * an AppError (thrown, or the cause of a TRPCError) or, for the input schema, VALIDATION_FAILED;
 * returns what the REST adapter would send, for more checks.
 */
export async function expectRefused(
  promise: Promise<unknown>,
  code: string,
  status?: number,
): Promise<Refusal> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}, but it succeeded`).toBeDefined();
  const cause = (error as { cause?: unknown }).cause;
  const app = asAppError(error) ?? asAppError(cause);
  let refusal: Refusal;
  if (app) {
    refusal = {
      code: app.code,
      status: app.status,
      message: app.message,
      errors: app.errors ?? [],
      extra: app.extra,
    };
  } else if (cause instanceof ZodError) {
    refusal = {
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'The request is not valid',
      errors: zodFieldErrors(cause),
    };
  } else {
    throw error;
  }
  expect(refusal.code, refusal.message).toBe(code);
  if (status !== undefined) expect(refusal.status).toBe(status);
  return refusal;
}
