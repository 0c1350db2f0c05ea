import type { AccessTokens } from '../../../ports/access-tokens.js';
import type { UnitOfWork } from '../../../ports/unit-of-work.js';
import { type Account, canSignIn, type Role } from '../account.js';
import { NotAuthenticated, NotPermitted } from '../errors.js';

/**
 * Turns a bearer token into the account behind it. The account is looked up on every request so
 * a disabled or deleted account loses access whatever its token says: at once for a change made
 * through this process, within the repository's cache bound (AUTH_ACCOUNT_CACHE_MS) otherwise.
 */
export class Authenticate {
  constructor(private readonly deps: { uow: UnitOfWork; tokens: AccessTokens }) {}

  async execute(bearer: string | undefined): Promise<Account> {
    if (!bearer) throw new NotAuthenticated();
    const claims = await this.deps.tokens.verify(bearer);
    if (!claims) throw new NotAuthenticated();
    const account = await this.deps.uow.repositories.accounts.findById(claims.accountId);
    if (!account || !canSignIn(account)) throw new NotAuthenticated();
    return account;
  }
}

export function requireRole(account: Account, allowed: readonly Role[]): void {
  if (!allowed.includes(account.role)) throw new NotPermitted();
}
