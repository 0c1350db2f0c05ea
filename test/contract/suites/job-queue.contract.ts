import { expect } from 'chai';
import type { UnitOfWork } from '../../../src/ports/unit-of-work.js';

const t0 = new Date('2026-06-01T12:00:00.000Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);

/** The JobQueue contract, run through each adapter's UnitOfWork. */
export function jobQueueContract(label: string, open: () => Promise<UnitOfWork>): void {
  describe(`JobQueue contract: ${label}`, () => {
    let uow: UnitOfWork;
    // Each test uses its own job type so leftovers of other tests are never claimed.
    let n = 0;
    const type = () => `contract-${label}-${Date.now()}-${n++}`;
    before(async () => {
      uow = await open();
    });

    it('hands a due job to exactly one of several concurrent claimers', async () => {
      const kind = type();
      const id = await uow.repositories.jobs.enqueue({ type: kind, payload: { resumeId: 'r1', list: [1, 2] } }, t0);
      const claims = await Promise.all(Array.from({ length: 5 }, () => uow.repositories.jobs.claim([kind], plus(1), plus(60_000))));
      const won = claims.filter((c) => c !== undefined);
      expect(won).to.have.length(1);
      expect(won[0]).to.deep.equal({ id, type: kind, payload: { resumeId: 'r1', list: [1, 2] }, attempt: 1, maxAttempts: 5 });
    });

    it('does not hand out jobs that are not due, or of other types', async () => {
      const kind = type();
      await uow.repositories.jobs.enqueue({ type: kind, payload: {}, runAt: plus(10_000) }, t0);
      expect(await uow.repositories.jobs.claim([kind], plus(5_000), plus(60_000))).to.equal(undefined);
      expect(await uow.repositories.jobs.claim([type()], plus(20_000), plus(60_000))).to.equal(undefined);
      expect(await uow.repositories.jobs.claim([kind], plus(20_000), plus(60_000))).not.to.equal(undefined);
    });

    it('reclaims a job whose lease expired (a crashed worker)', async () => {
      const kind = type();
      await uow.repositories.jobs.enqueue({ type: kind, payload: {} }, t0);
      const first = await uow.repositories.jobs.claim([kind], t0, plus(1_000));
      expect(await uow.repositories.jobs.claim([kind], plus(500), plus(2_000))).to.equal(undefined);
      const again = await uow.repositories.jobs.claim([kind], plus(1_500), plus(5_000));
      expect(again?.id).to.equal(first?.id);
      expect(again?.attempt).to.equal(2);
    });

    it('extends the lease of a running job only: renewed, it is not reclaimed; ended, it stays ended', async () => {
      const kind = type();
      const id = await uow.repositories.jobs.enqueue({ type: kind, payload: {} }, t0);
      await uow.repositories.jobs.claim([kind], t0, plus(1_000));
      await uow.repositories.jobs.extend(id, plus(3_000), plus(900));
      expect(await uow.repositories.jobs.claim([kind], plus(2_000), plus(10_000))).to.equal(undefined);
      expect((await uow.repositories.jobs.claim([kind], plus(3_500), plus(10_000)))?.attempt).to.equal(2);
      await uow.repositories.jobs.succeed(id, plus(4_000));
      await uow.repositories.jobs.extend(id, plus(20_000), plus(4_001));
      expect((await uow.repositories.jobs.find(id))?.status).to.equal('succeeded');
      expect(await uow.repositories.jobs.claim([kind], plus(30_000), plus(40_000))).to.equal(undefined);
    });

    it('retries with a later run time, then fails for good keeping the error', async () => {
      const kind = type();
      const id = await uow.repositories.jobs.enqueue({ type: kind, payload: {}, maxAttempts: 2 }, t0);
      await uow.repositories.jobs.claim([kind], t0, plus(60_000));
      await uow.repositories.jobs.fail(id, 'first failure', plus(1), plus(30_000));
      expect((await uow.repositories.jobs.find(id))?.status).to.equal('queued');
      expect(await uow.repositories.jobs.claim([kind], plus(10_000), plus(60_000))).to.equal(undefined);
      expect((await uow.repositories.jobs.claim([kind], plus(30_000), plus(90_000)))?.attempt).to.equal(2);
      await uow.repositories.jobs.fail(id, 'second failure', plus(31_000), plus(60_000));
      const record = await uow.repositories.jobs.find(id);
      expect(record?.status).to.equal('failed');
      expect(record?.lastError).to.equal('second failure');
    });

    it('marks success, and an enqueue rolled back with its transaction leaves no job', async () => {
      const kind = type();
      const id = await uow.repositories.jobs.enqueue({ type: kind, payload: {} }, t0);
      await uow.repositories.jobs.claim([kind], t0, plus(60_000));
      await uow.repositories.jobs.succeed(id, plus(1));
      expect((await uow.repositories.jobs.find(id))?.status).to.equal('succeeded');
      const rolledBack = type();
      try {
        await uow.transaction(async (r) => {
          await r.jobs.enqueue({ type: rolledBack, payload: {} }, t0);
          throw new Error('rollback');
        });
      } catch {
        /* expected */
      }
      expect(await uow.repositories.jobs.claim([rolledBack], plus(1), plus(60_000))).to.equal(undefined);
    });
  });
}
