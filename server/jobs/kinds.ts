import 'server-only';
import type { RequestMeta } from '@/server/core/context';

/**
 * Every job kind and its payload. A payload is JSON in the `jobs` table: only what the job needs to
 * find its data again, never a secret (the job creates codes and tokens itself).
 */
export type JobPayloads = {
  /** resolves the email; an active user gets a code by mail, anyone else nothing */
  'mail.login-code': { email: string; request: RequestMeta };
  /** resolves the email; an active user gets a reset link by mail, anyone else nothing */
  'mail.password-reset': { email: string; request: RequestMeta };
  /** validates and imports a browser's location CSV (its file waits on the location_imports row) */
  'locations.import': { importId: string; request: RequestMeta };
  /** renders a large report stored pending (its data waits on the reports row) */
  'reports.render': { reportId: string; request: RequestMeta };
  /** recurring: deletes what has expired, in batches */
  'maintenance.sweep': Record<string, never>;
};

export type JobKind = keyof JobPayloads;

/** Payload of a kind: the declared one for a known kind, any JSON object otherwise (tests, later kinds). */
export type PayloadOf<K extends string> = K extends JobKind ? JobPayloads[K] : Record<string, unknown>;
