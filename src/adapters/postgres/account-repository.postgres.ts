import type { Knex } from 'knex';
import type { Model } from 'objection';
import { type Account, type AccountStatus, normaliseEmail, type Role } from '../../domain/accounts/account.js';
import { EmailAlreadyRegistered } from '../../domain/accounts/errors.js';
import { VersionConflict } from '../../domain/shared/domain-error.js';
import type { AccountRepository } from '../../ports/account-repository.js';
import type { AccountCache } from './account-cache.js';
import { AccountModel } from './models/account.model.js';
import { isUniqueViolation } from './pg-errors.js';
import { NamedStatement } from './named-statement.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toAccount = (row: Omit<AccountModel, keyof Model>): Account => ({
  id: row.id,
  email: row.email,
  fullName: row.full_name,
  phone: row.phone,
  role: row.role as Role,
  status: row.status as AccountStatus,
  passwordHash: row.password_hash,
  version: row.version,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const toRow = (account: Account) => ({
  email: normaliseEmail(account.email),
  full_name: account.fullName,
  phone: account.phone,
  role: account.role,
  status: account.status,
  password_hash: account.passwordHash,
});

const FIND_BY_ID = new NamedStatement('accounts_find_by_id', `select id, email, full_name, phone, role, status, password_hash, version, created_at, updated_at
  from accounts where id = ?`);

export class PgAccountRepository implements AccountRepository {
  private readonly model: typeof AccountModel;

  /**
   * `root` binds the model once; queries run on `db`, which may be a transaction of it. `cache`
   * serves findById outside transactions (a transaction always reads its own snapshot) and is told
   * of every write.
   */
  constructor(
    private readonly db: Knex,
    root: Knex = db,
    private readonly cache?: { read: AccountCache['read']; invalidate(id: string): void },
  ) {
    this.model = AccountModel.bindKnex(root);
  }

  async findById(id: string): Promise<Account | undefined> {
    // Ids are UUIDs: any other string (a token's subject, say) is no account's, not a query the column's type refuses.
    if (!UUID.test(id)) return undefined;
    if (this.cache && !this.db.isTransaction) return this.cache.read(id, () => this.select(id));
    return this.select(id);
  }

  /** Every authenticated request asks this: plain SQL as a named (once-planned) statement. */
  private async select(id: string): Promise<Account | undefined> {
    const [row] = await FIND_BY_ID.rows<Omit<AccountModel, keyof Model>>(this.db, [id]);
    return row && toAccount(row);
  }

  async findByEmail(email: string): Promise<Account | undefined> {
    const row = await this.model.query(this.db).whereRaw('lower(email) = ?', [normaliseEmail(email)]).first();
    return row && toAccount(row);
  }

  async insert(account: Account): Promise<void> {
    this.cache?.invalidate(account.id);
    try {
      await this.model.query(this.db).insert({
        id: account.id,
        ...toRow(account),
        version: account.version,
        created_at: account.createdAt,
        updated_at: account.updatedAt,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailAlreadyRegistered();
      throw error;
    } finally {
      this.cache?.invalidate(account.id);
    }
  }

  async save(account: Account): Promise<Account> {
    const next = account.version + 1;
    this.cache?.invalidate(account.id);
    let updated: number;
    try {
      updated = await this.model
        .query(this.db)
        .patch({
          ...toRow(account),
          updated_at: account.updatedAt,
          version: next,
        })
        .where({ id: account.id, version: account.version });
    } finally {
      this.cache?.invalidate(account.id);
    }
    if (updated === 0) throw new VersionConflict('Account', account.id);
    return { ...account, version: next };
  }
}
