import { expect } from 'chai';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { interviewStateJson } from '../../migrations/202611300001_interview_state_json.js';
import { aMessage, anInterview } from '../contract/suites/interview-repository.contract.js';
import { insertCandidate } from '../support/builders.js';
import { columnTypes, databaseLegs, inRolledBackTransaction } from '../support/databases.js';

for (const leg of databaseLegs()) {
  describe(`migration ${interviewStateJson.name}: ${leg.label}`, () => {
    it('turns the state columns to json and back to jsonb, keeping every stored interview as it was', async () => {
      const { knex } = await leg.open();
      const uow = new PgUnitOfWork(knex);
      const interview = anInterview(await insertCandidate(uow));
      await uow.repositories.interviews.insert(interview, [aMessage(interview.id, 1)]);
      // Read with an ad-hoc statement: a named one prepared before the change would refuse the new column types.
      const state = async (db: typeof knex) => {
        const row = await db('interviews').where({ id: interview.id }).first('context', 'progression', 'asked', 'pending');
        return { context: row.context, progression: row.progression, asked: row.asked, pending: row.pending };
      };
      // Progression and asked are left NULL since they are rebuilt from the messages (see 202611300002).
      const expected = { context: interview.context, progression: null, asked: null, pending: interview.pending };
      const types = (db: typeof knex) => columnTypes(db, 'interviews', ['context', 'progression', 'asked', 'pending']);
      expect(await types(knex)).to.deep.equal(['asked:json', 'context:json', 'pending:json', 'progression:json']);
      // Down and up again, then leave the schema as it was.
      await inRolledBackTransaction(knex, async (trx) => {
        await interviewStateJson.down(trx);
        expect(await types(trx)).to.deep.equal(['asked:jsonb', 'context:jsonb', 'pending:jsonb', 'progression:jsonb']);
        expect(await state(trx)).to.deep.equal(expected);
        await interviewStateJson.up(trx);
        expect(await types(trx)).to.deep.equal(['asked:json', 'context:json', 'pending:json', 'progression:json']);
        expect(await state(trx)).to.deep.equal(expected);
      });
      expect(await types(knex)).to.deep.equal(['asked:json', 'context:json', 'pending:json', 'progression:json']);
    });
  });
}
