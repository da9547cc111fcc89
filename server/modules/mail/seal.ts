import 'server-only';
import { decrypt, encrypt, type Keys } from '@/server/core/crypto';

export type SealedContent = { subject: string; text: string; html: string | null };

/** What a sealed message is bound to: its bytes copied onto another row (another recipient) do not open. */
type Envelope = { id: string; to: string; kind: string };

const aad = (row: Envelope) => JSON.stringify(['outbox:v1', row.id, row.to, row.kind]);

/**
 * Subjects and bodies carry sign-in codes and reset or invitation links, so the outbox keeps them
 * AES-256-GCM sealed under a key derived from AUTH_SECRET, which the database never holds: a read of
 * the table (a backup, a leaked replica, a support query) yields no usable secret.
 */
export function sealEmail(
  keys: Pick<Keys, 'outboxEncryption'>,
  row: Envelope,
  content: SealedContent,
): string {
  return encrypt(keys.outboxEncryption, JSON.stringify(content), aad(row));
}

/** Throws when the key is not the one that sealed it or the bytes were changed (GCM authentication). */
export function openEmail(
  keys: Pick<Keys, 'outboxEncryption'>,
  row: Envelope & { sealed: string },
): SealedContent {
  return JSON.parse(decrypt(keys.outboxEncryption, row.sealed, aad(row))) as SealedContent;
}
