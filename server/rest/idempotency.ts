import canonicalize from 'canonicalize';
import { and, eq, lte } from 'drizzle-orm';
import { idempotencyKeys } from '@/db/schema';
import { sha256 } from '../auth/crypto';
import { AppError } from '../errors';
import type { Runtime } from '../runtime';

const TTL_MS = 24 * 3_600_000;
const WAIT_STEP_MS = 50;
const MAX_WAIT_MS = 30_000;

export type StoredResponse = { status: number; body: unknown };

/**
 * Runs `act` once per (credential, method, path, key). A repeat with the same body gets the first
 * answer; a concurrent repeat waits for it; another body is 422. Only successes are kept: a failed
 * request changed nothing, so running it again is safe.
 */
export async function withIdempotency(
  rt: Runtime,
  scope: { credential: string; method: string; path: string; key: string; body: unknown },
  act: () => Promise<StoredResponse>,
): Promise<StoredResponse> {
  if (scope.key.length === 0 || scope.key.length > 255) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 characters.', {
      errors: [{ path: 'Idempotency-Key', message: 'must be 1 to 255 characters' }],
    });
  }
  const scopeHash = sha256(JSON.stringify([scope.credential, scope.method, scope.path, scope.key]));
  const bodyHash = sha256(canonicalize(scope.body ?? {}) ?? '');
  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const now = rt.clock.now();
    await rt.db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scopeHash, scopeHash), lte(idempotencyKeys.expiresAt, now)));
    const claimed = await rt.db
      .insert(idempotencyKeys)
      .values({
        scopeHash,
        bodyHash,
        state: 'running',
        createdAt: now,
        expiresAt: new Date(now.getTime() + TTL_MS),
      })
      .onConflictDoNothing()
      .returning({ scopeHash: idempotencyKeys.scopeHash });
    if (claimed.length > 0) return runAndStore(rt, scopeHash, act);

    const [existing] = await rt.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.scopeHash, scopeHash));
    if (!existing) continue; // it expired or failed between our two statements: claim again
    if (existing.bodyHash !== bodyHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (existing.state === 'done') return { status: existing.status!, body: existing.body };
    if (Date.now() > deadline)
      throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still running.');
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

async function runAndStore(rt: Runtime, scopeHash: string, act: () => Promise<StoredResponse>) {
  try {
    const response = await act();
    await rt.db
      .update(idempotencyKeys)
      .set({ state: 'done', status: response.status, body: response.body ?? null })
      .where(eq(idempotencyKeys.scopeHash, scopeHash));
    return response;
  } catch (error) {
    await rt.db.delete(idempotencyKeys).where(eq(idempotencyKeys.scopeHash, scopeHash));
    throw error;
  }
}
