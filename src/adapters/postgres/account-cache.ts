import type { Account } from '../../domain/accounts/account.js';

/**
 * Accounts read by id outside a transaction (every authenticated request asks), kept for a short
 * time. Staleness bound: a change made through this process's repositories is seen at once (writes
 * invalidate before the statement and again after commit, and a read that was in flight during an
 * invalidation is not kept); a change made elsewhere (another instance, SQL by hand) is seen within
 * `ttlMs`. Misses are not kept, so a new account is found as soon as it is committed.
 */
export class AccountCache {
  private readonly entries = new Map<string, { account: Account; until: number }>();
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async read(id: string, load: () => Promise<Account | undefined>): Promise<Account | undefined> {
    const hit = this.entries.get(id);
    if (hit && hit.until > this.now()) return { ...hit.account };
    const generation = this.generation;
    const account = await load();
    if (account && generation === this.generation) {
      this.entries.delete(id);
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(id, { account: { ...account }, until: this.now() + this.ttlMs });
    }
    return account;
  }

  invalidate(id: string): void {
    this.generation++;
    this.entries.delete(id);
  }
}
