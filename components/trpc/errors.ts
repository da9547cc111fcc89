import { TRPCClientError } from '@trpc/client';

/** What a form needs from a failed call: the stable code, a sentence, and errors by field. */
export type ReadError = {
  code: string;
  message: string;
  fields: Record<string, string>;
  retryAfterSeconds?: number;
};

type ErrorData = {
  code?: string;
  errors?: { path: string; message: string }[];
  extra?: { retryAfterSeconds?: number };
};

export function readError(error: unknown): ReadError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    const fields: Record<string, string> = {};
    for (const item of data.errors ?? []) {
      // A password can break several rules at once: one line per rule under the field.
      fields[item.path] = joinFieldMessages(fields[item.path], item.message);
    }
    return {
      code: data.code ?? 'INTERNAL',
      message: error.message,
      fields,
      retryAfterSeconds: data.extra?.retryAfterSeconds,
    };
  }
  return { code: 'NETWORK', message: 'The server could not be reached. Check your connection.', fields: {} };
}

/** Several messages about one field: one line per rule, never glued into one phrase. */
export const joinFieldMessages = (earlier: string | undefined, next: string) =>
  earlier ? `${earlier}\n${next}` : next;

/**
 * A field message ("is one of the most common passwords") as a sentence about its field; one
 * sentence per line when the field broke several rules (FieldError keeps the lines).
 */
export const sentence = (subject: string, text: string | undefined) =>
  text
    ? text
        .split('\n')
        .map((line) => `${subject} ${line}.`)
        .join('\n')
    : undefined;

export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
