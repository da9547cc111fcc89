import 'server-only';
import canonicalize from 'canonicalize';
import { and, eq, lte } from 'drizzle-orm';
import { idempotencyKeys } from '@/db/schema';
import { sha256 } from '@/server/core/crypto';
import { AppError } from '@/server/core/errors';
import type { Runtime } from '@/server/core/runtime';

const TTL_MS = 24 * 3_600_000;
/** How long a `running` claim holds: past it, the request is taken for dead (a crash) and rerun. */
export const LEASE_MS = 60_000;
const WAIT_STEP_MS = 50;
const MAX_WAIT_MS = 30_000;

export type StoredResponse = { status: number; body: unknown };

/**
 * Runs `act` once per (credential, method, path, key). A repeat with the same body gets the first
 * answer; a concurrent repeat waits for it; another body is 422. Only successes are kept: a failed
 * request changed nothing, so running it again is safe. A `running` claim's expiresAt is its
 * lease (LEASE_MS): a claim a crashed process left behind expires and the next repeat runs.
 * Times come from rt.clock, so tests move them.
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
  const deadline = rt.clock.now().getTime() + MAX_WAIT_MS;
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
        expiresAt: new Date(now.getTime() + LEASE_MS),
      })
      .onConflictDoNothing()
      .returning({ scopeHash: idempotencyKeys.scopeHash });
    if (claimed.length > 0) return runAndStore(rt, { scopeHash, claimedAt: now }, act);

    const [existing] = await rt.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.scopeHash, scopeHash));
    if (!existing) continue; // it expired or failed between our two statements: claim again
    if (existing.bodyHash !== bodyHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (existing.state === 'done') return { status: existing.status!, body: existing.body };
    if (rt.clock.now().getTime() > deadline)
      throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still running.');
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

/**
 * Acts and keeps the answer for TTL_MS. Both writes match the claim by its createdAt: if this
 * request outlived its lease and a repeat took the claim over, the repeat's claim is not touched.
 */
async function runAndStore(
  rt: Runtime,
  claim: { scopeHash: string; claimedAt: Date },
  act: () => Promise<StoredResponse>,
) {
  const ours = and(
    eq(idempotencyKeys.scopeHash, claim.scopeHash),
    eq(idempotencyKeys.createdAt, claim.claimedAt),
  );
  try {
    const response = await act();
    await rt.db
      .update(idempotencyKeys)
      .set({
        state: 'done',
        status: response.status,
        body: response.body ?? null,
        expiresAt: new Date(rt.clock.now().getTime() + TTL_MS),
      })
      .where(ours);
    return response;
  } catch (error) {
    await rt.db.delete(idempotencyKeys).where(ours);
    throw error;
  }
}
