import { expect } from 'chai';
import { MemoryUnitOfWork } from '../../../src/adapters/memory/unit-of-work.memory.js';
import { JwtAccessTokens } from '../../../src/adapters/security/access-tokens.jwt.js';
import { Argon2PasswordHasher } from '../../../src/adapters/security/password-hasher.argon2.js';
import { FixedClock } from '../../../src/adapters/system/clock.system.js';
import { UuidIdGenerator } from '../../../src/adapters/system/id-generator.uuid.js';
import {
  Authenticate, EmailAlreadyRegistered, InvalidCredentials, LoginLocked, LogIn, NotAuthenticated, NotPermitted,
  RegisterAccount, requireRole, WeakPassword,
} from '../../../src/domain/accounts/index.js';

const SECRET = 'unit-test-secret-unit-test-secret-123456';

function setup() {
  const uow = new MemoryUnitOfWork();
  const clock = new FixedClock(new Date('2026-05-01T09:00:00Z'));
  const hasher = new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1 });
  const tokens = new JwtAccessTokens(SECRET, 24, clock);
  const register = new RegisterAccount({ uow, hasher, tokens, ids: new UuidIdGenerator(), clock });
  const login = new LogIn({
    uow, hasher, tokens, clock, lockout: { maxFailures: 5, lockMinutes: 15 },
    decoyHash: () => hasher.hash('decoy-password'),
  });
  const authenticate = new Authenticate({ uow, tokens });
  return { uow, clock, hasher, tokens, register, login, authenticate };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('accounts and auth rules', () => {
  it('registers with a lower-cased email, a hashed password and the candidate role', async () => {
    const { register, uow } = setup();
    const { account, token } = await register.execute({ email: ' Ann@Example.COM ', password: 'longenough', fullName: ' Ann ' });
    expect(account.email).to.equal('ann@example.com');
    expect(account.fullName).to.equal('Ann');
    expect(account.role).to.equal('candidate');
    expect(account.passwordHash).to.match(/^\$argon2id\$/);
    expect(account.passwordHash).not.to.contain('longenough');
    expect(token.split('.')).to.have.length(3);
    expect((await uow.repositories.accounts.findByEmail('ANN@example.com'))?.id).to.equal(account.id);
  });

  it('refuses a duplicate email in another case and short, huge or blank passwords', async () => {
    const { register } = setup();
    await register.execute({ email: 'bo@example.com', password: 'longenough', fullName: 'Bo' });
    expect(await rejection(register.execute({ email: 'BO@EXAMPLE.COM', password: 'longenough', fullName: 'Bo' })))
      .to.be.instanceOf(EmailAlreadyRegistered);
    expect(await rejection(register.execute({ email: 'c@example.com', password: 'short', fullName: 'C' })))
      .to.be.instanceOf(WeakPassword);
    expect(await rejection(register.execute({ email: 'c@example.com', password: 'x'.repeat(129), fullName: 'C' })))
      .to.be.instanceOf(WeakPassword);
    expect(await rejection(register.execute({ email: 'c@example.com', password: ' \t'.repeat(6), fullName: 'C' })))
      .to.be.instanceOf(WeakPassword);
  });

  it('logs in with the right password only, with one message for unknown email and wrong password', async () => {
    const { register, login } = setup();
    await register.execute({ email: 'cy@example.com', password: 'longenough', fullName: 'Cy' });
    const ok = await login.execute({ email: 'CY@example.com', password: 'longenough' });
    expect(ok.account.email).to.equal('cy@example.com');
    const wrong = (await rejection(login.execute({ email: 'cy@example.com', password: 'wrongpassword' }))) as Error;
    const unknown = (await rejection(login.execute({ email: 'nobody@example.com', password: 'longenough' }))) as Error;
    expect(wrong).to.be.instanceOf(InvalidCredentials);
    expect(unknown).to.be.instanceOf(InvalidCredentials);
    expect(wrong.message).to.equal(unknown.message);
  });

  it('locks after five failures for fifteen minutes, for known and unknown emails alike', async () => {
    const { register, login, clock } = setup();
    await register.execute({ email: 'di@example.com', password: 'longenough', fullName: 'Di' });
    for (const email of ['di@example.com', 'ghost@example.com']) {
      for (let i = 0; i < 5; i++) {
        expect(await rejection(login.execute({ email, password: 'wrongpassword' }))).to.be.instanceOf(InvalidCredentials);
      }
      const locked = (await rejection(login.execute({ email, password: 'longenough' }))) as LoginLocked;
      expect(locked).to.be.instanceOf(LoginLocked);
      expect(locked.retryAfterSeconds).to.equal(15 * 60);
    }
    clock.advance(14 * 60_000);
    expect(await rejection(login.execute({ email: 'di@example.com', password: 'longenough' }))).to.be.instanceOf(LoginLocked);
    clock.advance(60_000 + 1);
    expect((await login.execute({ email: 'di@example.com', password: 'longenough' })).account.email).to.equal('di@example.com');
  });

  it('verifies at most five passwords per lock however many attempts race, and keeps the lock they reach', async () => {
    const { register, login, clock } = setup();
    await register.execute({ email: 'fay@example.com', password: 'longenough', fullName: 'Fay' });
    // Twelve wrong guesses and the right password sent at once: each is counted before its hash is verified.
    const raced = await Promise.all([
      ...Array.from({ length: 12 }, () => rejection(login.execute({ email: 'fay@example.com', password: 'wrongpassword' }))),
      rejection(login.execute({ email: 'fay@example.com', password: 'longenough' })),
    ]);
    expect(raced.filter((e) => e instanceof InvalidCredentials)).to.have.length(5);
    expect(raced.filter((e) => e instanceof LoginLocked)).to.have.length(8);
    clock.advance(60_000);
    expect(await rejection(login.execute({ email: 'fay@example.com', password: 'longenough' }))).to.be.instanceOf(LoginLocked);
    clock.advance(14 * 60_000 + 1);
    expect((await login.execute({ email: 'fay@example.com', password: 'longenough' })).account.email).to.equal('fay@example.com');
  });

  it('resets the failure count after a successful login', async () => {
    const { register, login } = setup();
    await register.execute({ email: 'ed@example.com', password: 'longenough', fullName: 'Ed' });
    for (let i = 0; i < 4; i++) await rejection(login.execute({ email: 'ed@example.com', password: 'nope-nope' }));
    await login.execute({ email: 'ed@example.com', password: 'longenough' });
    for (let i = 0; i < 4; i++) await rejection(login.execute({ email: 'ed@example.com', password: 'nope-nope' }));
    expect((await login.execute({ email: 'ed@example.com', password: 'longenough' })).account.email).to.equal('ed@example.com');
  });

  it('refuses inactive and deleted accounts at login and on every request', async () => {
    const { register, login, authenticate, uow } = setup();
    const { account, token } = await register.execute({ email: 'fi@example.com', password: 'longenough', fullName: 'Fi' });
    expect((await authenticate.execute(token)).id).to.equal(account.id);
    for (const status of ['inactive', 'deleted'] as const) {
      const current = (await uow.repositories.accounts.findById(account.id))!;
      await uow.transaction((r) => r.accounts.save({ ...current, status }));
      expect(await rejection(login.execute({ email: 'fi@example.com', password: 'longenough' }))).to.be.instanceOf(InvalidCredentials);
      expect(await rejection(authenticate.execute(token))).to.be.instanceOf(NotAuthenticated);
    }
  });

  it('refuses missing, tampered, foreign and expired tokens', async () => {
    const { register, authenticate, clock, uow } = setup();
    const { token } = await register.execute({ email: 'gu@example.com', password: 'longenough', fullName: 'Gu' });
    expect(await rejection(authenticate.execute(undefined))).to.be.instanceOf(NotAuthenticated);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'admin' })).toString('base64url');
    expect(await rejection(authenticate.execute(`${h}.${forged}.${s}`))).to.be.instanceOf(NotAuthenticated);
    const other = new JwtAccessTokens('another-secret-another-secret-123456789', 24, clock);
    const account = (await uow.repositories.accounts.findByEmail('gu@example.com'))!;
    const foreign = await other.issue({ accountId: account.id, role: 'admin' });
    expect(await rejection(authenticate.execute(foreign.token))).to.be.instanceOf(NotAuthenticated);
    clock.advance(24 * 3600_000 + 1000);
    expect(await rejection(authenticate.execute(token))).to.be.instanceOf(NotAuthenticated);
  });

  it('issues tokens carrying sub, role, iat, exp and jti', async () => {
    const { tokens } = setup();
    const { token, claims } = await tokens.issue({ accountId: 'acc-1', role: 'recruiter' });
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(payload).to.include({ sub: 'acc-1', role: 'recruiter', jti: claims.tokenId });
    expect(payload.exp - payload.iat).to.equal(24 * 3600);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).alg).to.equal('HS256');
  });

  it('guards roles', () => {
    const account = { role: 'candidate' } as Parameters<typeof requireRole>[0];
    expect(() => requireRole(account, ['admin', 'recruiter'])).to.throw(NotPermitted);
    expect(() => requireRole({ ...account, role: 'admin' }, ['admin'])).not.to.throw();
  });
});
