import 'server-only';
import type { ApiKeyPrincipal } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type { Runtime } from '@/server/core/runtime';

/**
 * `client-id` + `client-key` on routes whose auth is `user_or_client`. API keys do not exist yet
 * (they arrive with their own issue), so no pair can match: every key is refused with the same
 * 401 a wrong key will get. Tests exercise the API-key principal directly.
 */
export async function authenticateClient(
  _rt: Runtime,
  _clientId: string,
  _clientKey: string | undefined,
): Promise<ApiKeyPrincipal> {
  throw new AppError('INVALID_CLIENT_CREDENTIALS');
}
