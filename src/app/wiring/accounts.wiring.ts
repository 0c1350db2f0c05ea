import { randomBytes } from 'node:crypto';
import { resolveFrom as r } from '../../adapters/di.js';
import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';
import { Authenticate, LogIn, RegisterAccount } from '../../domain/accounts/index.js';
import { AccessTokens } from '../../ports/access-tokens.js';
import { Clock } from '../../ports/clock.js';
import { IdGenerator } from '../../ports/id-generator.js';
import { PasswordHasher } from '../../ports/password-hasher.js';
import { UnitOfWork } from '../../ports/unit-of-work.js';
import type { AppConfig } from '../config.js';

export function wireAccounts(container: DependencyContainer, config: AppConfig): void {
  let decoy: Promise<string> | undefined;
  container.register(RegisterAccount, {
    useFactory: instanceCachingFactory(
      (c) =>
        new RegisterAccount({
          uow: r(c, UnitOfWork), hasher: r(c, PasswordHasher), tokens: r(c, AccessTokens),
          ids: r(c, IdGenerator), clock: r(c, Clock),
        }),
    ),
  });
  container.register(LogIn, {
    useFactory: instanceCachingFactory((c) => {
      const hasher = r(c, PasswordHasher);
      return new LogIn({
        uow: r(c, UnitOfWork), hasher, tokens: r(c, AccessTokens), clock: r(c, Clock),
        lockout: { maxFailures: config.auth.loginMaxFailures, lockMinutes: config.auth.loginLockMinutes },
        decoyHash: () => (decoy ??= hasher.hash(randomBytes(24).toString('base64'))),
      });
    }),
  });
  container.register(Authenticate, {
    useFactory: instanceCachingFactory((c) => new Authenticate({ uow: r(c, UnitOfWork), tokens: r(c, AccessTokens) })),
  });
}
