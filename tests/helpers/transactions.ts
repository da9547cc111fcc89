import type { Runtime } from '@/server/runtime';

/**
 * Makes argon2 (rt.hasher.hash and verify) throw while any transaction of rt.db is open, so a
 * test proves the hashing happens before the transaction (a hash inside one holds a connection,
 * and on PGlite stalls every other request). Counts transactions by wrapping rt.db.transaction;
 * call the returned function to restore both. Only for a test that runs one request at a time.
 */
export function failHashingInsideTransactions(rt: Runtime) {
  const db = rt.db as { transaction: (...args: never[]) => Promise<unknown> };
  const { hasher } = rt;
  const original = { transaction: db.transaction, hash: hasher.hash, verify: hasher.verify };
  let open = 0;
  db.transaction = (async (run: (tx: unknown) => Promise<unknown>, ...rest: never[]) =>
    original.transaction.call(
      rt.db,
      (async (tx: unknown) => {
        open++;
        try {
          return await run(tx);
        } finally {
          open--;
        }
      }) as never,
      ...rest,
    )) as typeof db.transaction;
  const outside =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    (...args: A) => {
      if (open > 0) throw new Error(`${name} ran inside an open transaction`);
      return fn(...args);
    };
  hasher.hash = outside('hasher.hash', original.hash.bind(hasher));
  hasher.verify = outside('hasher.verify', original.verify.bind(hasher));
  return () => {
    db.transaction = original.transaction;
    hasher.hash = original.hash;
    hasher.verify = original.verify;
  };
}
