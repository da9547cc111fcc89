import { type ReadError, readError, sentence } from './errors';

export type SaveError = ReadError | null;

/** Refusals that are about one field, shown beside it like a validation error. */
const fieldOfCode: Record<string, [path: string, message: string]> = {
  EMAIL_TAKEN: ['email', 'is already used by another user'],
  LOCATION_NAME_TAKEN: ['name', 'is already used by another location of this profile'],
  LOCATION_CODE_TAKEN: ['code', 'is already used by another location of this profile'],
};

export function toSaveError(error: unknown): SaveError {
  const read = readError(error);
  const field = fieldOfCode[read.code];
  return field && !read.fields[field[0]]
    ? { ...read, fields: { ...read.fields, [field[0]]: field[1] } }
    : read;
}

/** The server's message for one field, as a sentence about it ("The DUNS number must be 9 digits."). */
export const fieldError = (error: SaveError, path: string, subject: string) =>
  sentence(subject, error?.fields[path]);

/** Field errors under `prefix` (a nested editor shows them itself), keyed by the rest of the path. */
export function fieldErrorsUnder(error: SaveError, prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [path, message] of Object.entries(error?.fields ?? {}))
    if (path === prefix || path.startsWith(`${prefix}.`)) found[path.slice(prefix.length + 1)] = message;
  return found;
}

/**
 * The failure as one message for the top of the form, unless each part of it is already shown
 * beside a field (`shown` lists those paths; a nested editor claims its whole prefix).
 */
export function formError(error: SaveError, shown: readonly string[]): string | undefined {
  if (!error) return undefined;
  const entries = Object.entries(error.fields);
  if (entries.length === 0) return error.message;
  const rest = entries.filter(([path]) => !shown.some((s) => path === s || path.startsWith(`${s}.`)));
  return rest.length ? rest.map(([path, message]) => `${path} ${message}.`).join(' ') : undefined;
}

/** A field message on its own line: "Is not a verifier for …" reads as a sentence. */
export const asSentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/** The messages whose key is `key` or lies under it, joined into one line. */
export function messagesAt(errors: Record<string, string>, key: string, exact = false): string | undefined {
  const found = Object.entries(errors)
    .filter(([k]) => k === key || (!exact && k.startsWith(`${key}.`)))
    .map(([, message]) => asSentence(message));
  return found.length ? found.join(' ') : undefined;
}
