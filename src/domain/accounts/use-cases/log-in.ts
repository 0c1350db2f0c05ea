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
 * nor its timing tells an attacker which emails are registered. Each attempt is counted before its
 * password is verified, and a successful one takes its count back: attempts sent at the same time
 * cannot all be verified before the first failures are counted, so at most `maxFailures` passwords
 * are tried per lock period however many requests race, and a lock, once set, lasts its time.
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

    // The attempt is counted as a failure up front, atomically: the one that reaches the limit sets the lock (and is
    // still verified); one made while a lock holds is refused unverified and leaves the lock as it is.
    let lockedUntil: Date | undefined;
    await throttle.recordFailure(key, (current) => {
      if (current.lockedUntil && current.lockedUntil > now) {
        lockedUntil = current.lockedUntil;
        return current;
      }
      const failures = current.failures + 1;
      return failures >= lockout.maxFailures
        ? { failures: 0, lockedUntil: new Date(now.getTime() + lockout.lockMinutes * 60_000) }
        : { failures };
    });
    if (lockedUntil) throw new LoginLocked(Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));

    const account = await uow.repositories.accounts.findByEmail(key);
    const hash = account?.passwordHash ?? (await this.deps.decoyHash());
    const passwordOk = await hasher.verify(hash, input.password);
    if (!account || !passwordOk || !canSignIn(account)) throw new InvalidCredentials();
    await throttle.reset(key);
    const { token } = await tokens.issue({ accountId: account.id, role: account.role });
    return { account, token };
  }
}
