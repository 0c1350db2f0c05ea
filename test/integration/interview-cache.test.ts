import { expect } from 'chai';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { VersionConflict } from '../../src/domain/shared/domain-error.js';
import { aMessage, anInterview, withTranscript } from '../contract/suites/interview-repository.contract.js';
import { insertCandidate } from '../support/builders.js';
import { databaseLegs } from '../support/databases.js';

/** Two server processes on one database: `here` caches interviews, `elsewhere` writes behind its back. */
for (const leg of databaseLegs()) {
  describe(`interview cache across processes: ${leg.label}`, () => {
    let here: PgUnitOfWork;
    let elsewhere: PgUnitOfWork;
    let candidateId: string;
    before(async () => {
      const { knex } = await leg.open();
      here = new PgUnitOfWork(knex, { interviewCacheMs: 60_000 });
      elsewhere = new PgUnitOfWork(knex);
      candidateId = await insertCandidate(here);
    });

    it('serves turns from memory, and a stale copy is refused at the write, never overwriting newer data; the next read is fresh', async () => {
      const interview = anInterview(candidateId);
      const transcript = [1, 2, 3].map((sequence) => aMessage(interview.id, sequence));
      await here.repositories.interviews.insert(interview, transcript.slice(0, 1));
      const cached = (await here.repositories.interviews.findById(interview.id))!;
      const theirs = await elsewhere.repositories.interviews.save(withTranscript(interview, transcript), transcript.slice(1));
      expect((await here.repositories.interviews.findById(interview.id))?.version, 'still the copy in memory').to.equal(1);

      let refused: unknown;
      try {
        const stale = [transcript[0]!, aMessage(interview.id, 2, { text: 'stale' }), aMessage(interview.id, 3)];
        await here.repositories.interviews.save(withTranscript(cached, stale), stale.slice(1));
      } catch (e) {
        refused = e;
      }
      expect(refused).to.be.instanceOf(VersionConflict);
      expect((await elsewhere.repositories.interviews.allMessages(interview.id)).map((m) => m.text)).to.not.include('stale');
      expect(await here.repositories.interviews.findById(interview.id)).to.deep.equal(theirs);
    });

    it('writes made through this process are seen at once, inside a transaction or not, and a rolled-back one is not', async () => {
      const interview = anInterview(candidateId);
      const transcript = [1, 2].map((sequence) => aMessage(interview.id, sequence));
      await here.repositories.interviews.insert(interview, transcript.slice(0, 1));
      const second = await here.repositories.interviews.save({ ...withTranscript(interview, transcript), status: 'in_progress' }, transcript.slice(1));
      expect(await here.repositories.interviews.findById(interview.id)).to.deep.equal(second);
      try {
        await here.transaction(async (tx) => {
          await tx.interviews.save({ ...second, status: 'abandoned' }, []);
          throw new Error('rolled back');
        });
      } catch {
        /* expected */
      }
      expect((await here.repositories.interviews.findById(interview.id))?.status).to.equal('in_progress');
      await here.transaction((tx) => tx.interviews.save({ ...second, status: 'completed' }, []));
      expect((await here.repositories.interviews.findById(interview.id))?.status).to.equal('completed');
      expect((await elsewhere.repositories.interviews.findById(interview.id))?.version).to.equal(3);
    });
  });
}
