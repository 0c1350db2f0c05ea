import type { Account } from '../../domain/accounts/account.js';
import { ReadCache } from './read-cache.js';

/**
 * Accounts read by id outside a transaction (every authenticated request asks), kept for a short
 * time. Staleness bound: a change made through this process's repositories is seen at once (writes
 * invalidate before the statement and again after commit, and a read that was in flight during an
 * invalidation is not kept); a change made elsewhere (another instance, SQL by hand) is seen within
 * `ttlMs`. Misses are not kept, so a new account is found as soon as it is committed. Callers get
 * copies.
 */
export class AccountCache extends ReadCache<Account> {
  constructor(ttlMs: number, maxEntries = 10_000, now?: () => number) {
    super(ttlMs, maxEntries, now);
  }

  protected keep(account: Account): Account {
    return { ...account };
  }

  protected handOut(account: Account): Account {
    return { ...account };
  }
}
