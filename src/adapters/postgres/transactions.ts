import type { Knex } from 'knex';

/** Runs `work` atomically: inside the caller's transaction when there is one, else in its own. */
export function atomically<T>(db: Knex, work: (db: Knex) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction((trx) => work(trx));
}

/**
 * Makes every other transaction taking the same key wait until this one ends (a transaction-scoped
 * advisory lock; re-taking it in the same transaction is free). Does nothing outside a transaction.
 */
export async function lockKey(db: Knex, key: string): Promise<void> {
  if (db.isTransaction) await db.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [key]);
}
