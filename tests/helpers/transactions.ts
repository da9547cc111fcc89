import { AsyncLocalStorage } from 'node:async_hooks';
import { onTestFinished } from 'vitest';
import type { Runtime } from '@/server/core/runtime';

/**
 * Slow work (argon2, TOTP, QR rendering) inside a transaction holds a connection meanwhile, and on
 * PGlite its only one, so every other request waits for it. These helpers make such work fail.
 *
 * The mark travels with the async context of each transaction's callback, not a global count, so
 * concurrent requests in one test do not see each other's transactions.
 */
const inTransaction = new AsyncLocalStorage<true>();

export const insideTransaction = () => inTransaction.getStore() === true;

/** Throws (and records) when slow work named `what` runs inside a transaction that the guard watches. */
export function refuseInsideTransaction(what: string, record?: string[]) {
  if (!insideTransaction()) return;
  record?.push(what);
  throw new Error(`${what} ran inside an open database transaction`);
}

/**
 * Watches `rt.db.transaction` and makes `rt.hasher.hash`/`verify` throw while one is open; `slowWork`
 * lists what ran inside anyway (in case a caller swallowed the error). Call it inside a test: it
 * undoes itself when the test ends.
 */
export function failHashingInsideTransactions(rt: Runtime) {
  const slowWork: string[] = [];
  const { db, hasher } = rt;
  const original = { transaction: db.transaction, hash: hasher.hash, verify: hasher.verify };
  db.transaction = ((callback, config) =>
    original.transaction.call(
      db,
      (tx) => inTransaction.run(true, () => callback(tx)),
      config,
    )) as typeof db.transaction;
  hasher.hash = (password) => {
    refuseInsideTransaction('argon2 hash', slowWork);
    return original.hash(password);
  };
  hasher.verify = (hash, password) => {
    refuseInsideTransaction('argon2 verify', slowWork);
    return original.verify(hash, password);
  };
  onTestFinished(() => {
    db.transaction = original.transaction;
    hasher.hash = original.hash;
    hasher.verify = original.verify;
  });
  return { slowWork };
}
