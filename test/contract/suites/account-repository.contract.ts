import { expect } from 'chai';
import { EmailAlreadyRegistered } from '../../../src/domain/accounts/errors.js';
import { VersionConflict } from '../../../src/domain/shared/domain-error.js';
import type { UnitOfWork } from '../../../src/ports/unit-of-work.js';
import { anAccount } from '../../support/builders.js';

/** The AccountRepository and LoginThrottle contract, run on every adapter through its UnitOfWork. */
export function accountRepositoryContract(label: string, open: () => Promise<UnitOfWork>): void {
  describe(`AccountRepository contract: ${label}`, () => {
    let uow: UnitOfWork;
    before(async () => {
      uow = await open();
    });

    it('resolves undefined for an unknown id, of any form, or email', async () => {
      expect(await uow.repositories.accounts.findById('00000000-0000-4000-8000-000000000000')).to.equal(undefined);
      // Whatever its form: a signed token's subject may be any string.
      expect(await uow.repositories.accounts.findById('not-a-uuid')).to.equal(undefined);
      expect(await uow.repositories.accounts.findByEmail('nobody-here@example.com')).to.equal(undefined);
    });

    it('round-trips an account exactly', async () => {
      const account = anAccount();
      await uow.transaction((r) => r.accounts.insert(account));
      expect(await uow.repositories.accounts.findById(account.id)).to.deep.equal(account);
    });

    it('finds by email in any case and refuses the same email in another case', async () => {
      const account = anAccount();
      await uow.transaction((r) => r.accounts.insert(account));
      const found = await uow.repositories.accounts.findByEmail(`  ${account.email.toUpperCase()} `);
      expect(found?.id).to.equal(account.id);
      const twin = anAccount({ email: account.email.toUpperCase() });
      let error: unknown;
      try {
        await uow.transaction((r) => r.accounts.insert(twin));
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(EmailAlreadyRegistered);
      expect(await uow.repositories.accounts.findById(twin.id)).to.equal(undefined);
    });

    it('saves optimistically: bumps the version and refuses a stale write', async () => {
      const account = anAccount();
      await uow.transaction((r) => r.accounts.insert(account));
      const saved = await uow.transaction((r) => r.accounts.save({ ...account, status: 'inactive' }));
      expect(saved.version).to.equal(2);
      expect((await uow.repositories.accounts.findById(account.id))?.status).to.equal('inactive');
      let error: unknown;
      try {
        await uow.transaction((r) => r.accounts.save({ ...account, fullName: 'Stale Writer' }));
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(VersionConflict);
      expect((await uow.repositories.accounts.findById(account.id))?.fullName).to.equal(account.fullName);
    });

    it('rolls back every write of a failed transaction', async () => {
      const first = anAccount();
      const second = anAccount();
      let error: unknown;
      try {
        await uow.transaction(async (r) => {
          await r.accounts.insert(first);
          await r.accounts.insert(second);
          throw new Error('boom');
        });
      } catch (e) {
        error = e;
      }
      expect((error as Error).message).to.equal('boom');
      expect(await uow.repositories.accounts.findById(first.id)).to.equal(undefined);
      expect(await uow.repositories.accounts.findById(second.id)).to.equal(undefined);
    });

    it('counts concurrent login failures without losing any, and resets', async () => {
      const key = anAccount().email;
      expect(await uow.repositories.loginThrottle.get(key)).to.deep.equal({ failures: 0 });
      await Promise.all(
        Array.from({ length: 8 }, () =>
          uow.repositories.loginThrottle.recordFailure(key, (s) => ({ failures: s.failures + 1 })),
        ),
      );
      expect(await uow.repositories.loginThrottle.get(key)).to.deep.equal({ failures: 8 });
      const until = new Date('2030-01-01T00:00:00.000Z');
      await uow.repositories.loginThrottle.recordFailure(key, () => ({ failures: 0, lockedUntil: until }));
      expect(await uow.repositories.loginThrottle.get(key)).to.deep.equal({ failures: 0, lockedUntil: until });
      await uow.repositories.loginThrottle.reset(key);
      expect(await uow.repositories.loginThrottle.get(key)).to.deep.equal({ failures: 0 });
    });
  });
}
