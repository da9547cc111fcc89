import 'server-only';
import type { RequestContext } from './context';

/**
 * Runs `work` in one transaction with a context whose `db` is that transaction. Name the
 * callback's parameter `ctx`: it shadows the outer one, so the outer database (which deadlocks
 * PGlite and silently escapes the transaction on PostgreSQL) cannot be reached inside.
 */
export function transaction<C extends RequestContext, T>(ctx: C, work: (ctx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx }));
}
