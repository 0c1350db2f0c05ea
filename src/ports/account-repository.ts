import type { Account } from '../domain/accounts/account.js';
import { token } from './token.js';

/**
 * Accounts (candidates and staff).
 * Contract: findById/findByEmail resolve undefined when absent; findByEmail is case-insensitive;
 * insert of an email that exists in any case rejects with EmailAlreadyRegistered; save is optimistic
 * (a stale version rejects with VersionConflict) and bumps the version.
 */
export interface AccountRepository {
  findById(id: string): Promise<Account | undefined>;
  findByEmail(email: string): Promise<Account | undefined>;
  insert(account: Account): Promise<void>;
  save(account: Account): Promise<Account>;
}
export const AccountRepository = token<AccountRepository>('AccountRepository');
