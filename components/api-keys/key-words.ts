import { readError, waitText } from '@/components/trpc/errors';
import type { BadgeTone } from '@/components/ui/badge';

/** A key as the lists show it (the tenant's list and the admin console's share the shape). */
export type ApiKeyRow = {
  _id: string;
  clientId: string;
  name: string;
  scopes: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: { email: string; firstName: string; lastName: string } | null;
};

/** The one-time answer of create and rotate. */
export type RevealedKey = { _id: string; name: string; clientId: string; clientKey: string };

export type KeyStatus = 'active' | 'expired' | 'revoked';

export const keyStatus = (key: ApiKeyRow, now: number): KeyStatus =>
  key.revokedAt
    ? 'revoked'
    : key.expiresAt && new Date(key.expiresAt).getTime() <= now
      ? 'expired'
      : 'active';

export const keyStatusWords: Record<KeyStatus, readonly [string, BadgeTone]> = {
  active: ['Active', 'green'],
  expired: ['Expired', 'amber'],
  revoked: ['Revoked', 'neutral'],
};

export const creatorName = (key: ApiKeyRow) =>
  key.createdBy ? `${key.createdBy.firstName} ${key.createdBy.lastName}`.trim() || key.createdBy.email : '—';

/** A refused key action in words the person can act on. */
export function describeKeyError(error: unknown): string {
  const e = readError(error);
  switch (e.code) {
    case 'API_KEY_ADMIN_SCOPE_FORBIDDEN':
      return 'Only a platform administrator can give a key the admin scope.';
    case 'API_KEY_EXPIRY_IN_PAST':
      return 'Choose an expiry date in the future.';
    case 'API_KEY_NOT_FOUND':
      return 'This key no longer exists. Reload the page to see the current keys.';
    case 'API_KEY_REVOKED':
      return 'This key is revoked; create a new one instead.';
    case 'FORBIDDEN':
      return 'You are not allowed to manage this key.';
    case 'RATE_LIMITED':
      return `Too many attempts. Try again in ${waitText(e.retryAfterSeconds ?? 60)}.`;
    default:
      return e.message;
  }
}
