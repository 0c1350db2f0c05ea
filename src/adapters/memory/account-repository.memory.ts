import { type Account, normaliseEmail } from '../../domain/accounts/account.js';
import { EmailAlreadyRegistered } from '../../domain/accounts/errors.js';
import { VersionConflict } from '../../domain/shared/domain-error.js';
import type { AccountRepository } from '../../ports/account-repository.js';
import type { MemoryStore } from './memory-store.js';

export class MemoryAccountRepository implements AccountRepository {
  constructor(private readonly store: MemoryStore) {}

  private get rows() {
    return this.store.table<Account>('accounts');
  }

  async findById(id: string): Promise<Account | undefined> {
    const row = this.rows.get(id);
    return row && structuredClone(row);
  }

  async findByEmail(email: string): Promise<Account | undefined> {
    const wanted = normaliseEmail(email);
    for (const row of this.rows.values()) if (row.email === wanted) return structuredClone(row);
    return undefined;
  }

  async insert(account: Account): Promise<void> {
    if (await this.findByEmail(account.email)) throw new EmailAlreadyRegistered();
    this.rows.set(account.id, structuredClone({ ...account, email: normaliseEmail(account.email) }));
  }

  async save(account: Account): Promise<Account> {
    const current = this.rows.get(account.id);
    if (!current || current.version !== account.version) throw new VersionConflict('Account', account.id);
    const saved = { ...structuredClone(account), version: account.version + 1 };
    this.rows.set(account.id, saved);
    return structuredClone(saved);
  }
}
