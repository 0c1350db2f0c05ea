import type { AccessTokens } from '../../../ports/access-tokens.js';
import type { Clock } from '../../../ports/clock.js';
import type { IdGenerator } from '../../../ports/id-generator.js';
import type { PasswordHasher } from '../../../ports/password-hasher.js';
import type { UnitOfWork } from '../../../ports/unit-of-work.js';
import { type Account, normaliseEmail, type Role, visibleName } from '../account.js';
import { EmailAlreadyRegistered } from '../errors.js';
import { checkPasswordPolicy } from '../password-policy.js';

export interface RegisterAccountInput {
  email: string;
  password: string;
  fullName: string;
  phone?: string | null;
  role?: Role;
}

export class RegisterAccount {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      hasher: PasswordHasher;
      tokens: AccessTokens;
      ids: IdGenerator;
      clock: Clock;
    },
  ) {}

  async execute(input: RegisterAccountInput): Promise<{ account: Account; token: string }> {
    const account = await this.create(input);
    const { token } = await this.deps.tokens.issue({ accountId: account.id, role: account.role });
    return { account, token };
  }

  /** Creates the account without signing in (staff accounts made from the CLI). */
  async create(input: RegisterAccountInput): Promise<Account> {
    checkPasswordPolicy(input.password);
    const email = normaliseEmail(input.email);
    const { uow, hasher, ids, clock } = this.deps;
    if (await uow.repositories.accounts.findByEmail(email)) throw new EmailAlreadyRegistered();
    const now = clock.now();
    const account: Account = {
      id: ids.newId(),
      email,
      fullName: visibleName(input.fullName),
      phone: input.phone?.trim() || null,
      role: input.role ?? 'candidate',
      status: 'active',
      passwordHash: await hasher.hash(input.password),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await uow.transaction((repos) => repos.accounts.insert(account));
    return account;
  }
}
