import type { AccessTokens } from '../../../ports/access-tokens.js';
import type { Clock } from '../../../ports/clock.js';
import type { PasswordHasher } from '../../../ports/password-hasher.js';
import type { UnitOfWork } from '../../../ports/unit-of-work.js';
import { type Account, canSignIn, normaliseEmail } from '../account.js';
import { InvalidCredentials, LoginLocked } from '../errors.js';

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

/**
 * Verifies a password and issues a token. Failures are counted per email whether or not an
 * account exists, and unknown emails still pay for a hash verification, so neither the answer
 * nor its timing tells an attacker which emails are registered.
 */
export class LogIn {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      hasher: PasswordHasher;
      tokens: AccessTokens;
      clock: Clock;
      lockout: LockoutPolicy;
      /** A valid hash of a random password, verified against when the email is unknown. */
      decoyHash: () => Promise<string>;
    },
  ) {}

  async execute(input: { email: string; password: string }): Promise<{ account: Account; token: string }> {
    const { uow, hasher, tokens, clock, lockout } = this.deps;
    const key = normaliseEmail(input.email);
    const throttle = uow.repositories.loginThrottle;
    const now = clock.now();

    const state = await throttle.get(key);
    if (state.lockedUntil && state.lockedUntil > now) {
      throw new LoginLocked(Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
    }

    const account = await uow.repositories.accounts.findByEmail(key);
    const hash = account?.passwordHash ?? (await this.deps.decoyHash());
    const passwordOk = await hasher.verify(hash, input.password);
    if (!account || !passwordOk || !canSignIn(account)) {
      await throttle.recordFailure(key, (current) => {
        const failures = current.failures + 1;
        return failures >= lockout.maxFailures
          ? { failures: 0, lockedUntil: new Date(now.getTime() + lockout.lockMinutes * 60_000) }
          : { failures };
      });
      throw new InvalidCredentials();
    }
    if (state.failures > 0) await throttle.reset(key);
    const { token } = await tokens.issue({ accountId: account.id, role: account.role });
    return { account, token };
  }
}
