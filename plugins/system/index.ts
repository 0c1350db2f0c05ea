import { Argon2PasswordHasher } from '../../src/adapters/security/password-hasher.argon2.js';
import { JwtAccessTokens } from '../../src/adapters/security/access-tokens.jwt.js';
import { HmacSignedLinks } from '../../src/adapters/security/signed-links.hmac.js';
import { DocumentResumeTextExtractor } from '../../src/adapters/documents/resume-text-extractor.unpdf.js';
import { SystemClock } from '../../src/adapters/system/clock.system.js';
import { UuidIdGenerator } from '../../src/adapters/system/id-generator.uuid.js';
import { definePlugin } from '../../src/app/plugin-api.js';
import { AccessTokens } from '../../src/ports/access-tokens.js';
import { Clock } from '../../src/ports/clock.js';
import { IdGenerator } from '../../src/ports/id-generator.js';
import { PasswordHasher } from '../../src/ports/password-hasher.js';
import { ResumeTextExtractor } from '../../src/ports/resume-text-extractor.js';
import { SignedLinks } from '../../src/ports/signed-links.js';

/** Clock, ids, password hashing, tokens, signed links and document text: the machine-level adapters. */
export function createSystemPlugin(jwtSecret: () => string) {
  return definePlugin({
    name: 'system',
    apiVersion: 1,
    register(ctx) {
      ctx.provide(Clock, 'system', () => new SystemClock());
      ctx.provide(IdGenerator, 'uuid', () => new UuidIdGenerator());
      ctx.provide(PasswordHasher, 'argon2', () => new Argon2PasswordHasher());
      ctx.provide(AccessTokens, 'jwt', (r) => new JwtAccessTokens(jwtSecret(), ctx.config.auth.jwtExpiryHours, r.resolve(Clock)));
      ctx.provide(SignedLinks, 'hmac', () => new HmacSignedLinks(jwtSecret()));
      ctx.provide(ResumeTextExtractor, 'documents', () => new DocumentResumeTextExtractor());
    },
  });
}
