import { expect } from 'chai';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { messageMetadataJson } from '../../migrations/202612040001_message_metadata_json.js';
import { aMessage, anInterview } from '../contract/suites/interview-repository.contract.js';
import { insertCandidate } from '../support/builders.js';
import { databaseLegs, inRolledBackTransaction } from '../support/databases.js';

for (const leg of databaseLegs()) {
  describe(`migration ${messageMetadataJson.name}: ${leg.label}`, () => {
    it('turns message metadata to json and back to jsonb, keeping every stored message and the empty default', async () => {
      const { knex } = await leg.open();
      const uow = new PgUnitOfWork(knex);
      const interview = anInterview(await insertCandidate(uow));
      // A question and a graded answer: both kinds of metadata a turn writes.
      const messages = [aMessage(interview.id, 1), aMessage(interview.id, 2)];
      await uow.repositories.interviews.insert(interview, messages);
      // Read with ad-hoc statements: a named one prepared before the change would refuse the new column type.
      const metadata = async (db: typeof knex) =>
        (await db('interview_messages').where({ interview_id: interview.id }).orderBy('sequence_number').select('metadata'))
          .map((row: { metadata: unknown }) => row.metadata);
      const column = async (db: typeof knex) => {
        const { rows } = await db.raw<{ rows: Array<{ data_type: string; column_default: string }> }>(
          `select data_type, column_default from information_schema.columns
           where table_name = 'interview_messages' and column_name = 'metadata'`,
        );
        return rows.map((r) => `${r.data_type} default ${r.column_default}`);
      };
      const expected = messages.map((m) => m.metadata);
      expect(await column(knex)).to.deep.equal([`json default '{}'::json`]);
      expect(await metadata(knex)).to.deep.equal(expected);
      await inRolledBackTransaction(knex, async (trx) => {
        await messageMetadataJson.down(trx);
        expect(await column(trx)).to.deep.equal([`jsonb default '{}'::jsonb`]);
        expect(await metadata(trx)).to.deep.equal(expected);
        await messageMetadataJson.up(trx);
        expect(await column(trx)).to.deep.equal([`json default '{}'::json`]);
        expect(await metadata(trx)).to.deep.equal(expected);
      });
      expect(await column(knex)).to.deep.equal([`json default '{}'::json`]);
    });
  });
}
