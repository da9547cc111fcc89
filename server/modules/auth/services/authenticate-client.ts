import type { Actor } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type { Runtime } from '@/server/core/runtime';

/**
 * `client-id` + `client-key` for the rows that admit an admin API key (REST.md #38, #41). API keys
 * do not exist yet (they arrive with their own issue), so no pair can match: every key is refused
 * with the same 401 a wrong key will get, and nothing else can pass through here.
 */
export async function authenticateAdminClient(
  _rt: Runtime,
  _clientId: string,
  _clientKey: string | undefined,
): Promise<Actor> {
  throw new AppError('INVALID_CLIENT_CREDENTIALS');
}
