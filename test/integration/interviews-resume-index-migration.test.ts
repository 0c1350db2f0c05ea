import { expect } from 'chai';
import type { Knex } from 'knex';
import { interviewsResumeIndex } from '../../migrations/202612060002_interviews_resume_index.js';
import { databaseLegs, inRolledBackTransaction } from '../support/databases.js';

/** The plan of the statements that find a resume's interviews (the repository's detach, the foreign key's check), as text. */
const planOf = async (db: Knex.Transaction) => {
  await db.raw('SET LOCAL enable_seqscan = off');
  const result = await db.raw<{ rows: Array<Record<string, string>> }>(
    "EXPLAIN SELECT id FROM interviews WHERE resume_id = '00000000-0000-4000-8000-000000000000'");
  return result.rows.map((r) => Object.values(r)[0]).join('\n');
};

for (const leg of databaseLegs()) {
  describe(`migration ${interviewsResumeIndex.name}: ${leg.label}`, () => {
    it('finds the interviews naming a resume by an index, and goes back cleanly', async () => {
      const { knex } = await leg.open();
      await inRolledBackTransaction(knex, async (trx) => {
        expect(await planOf(trx)).to.contain('interviews_resume_id_idx');
        await interviewsResumeIndex.down(trx);
        expect(await planOf(trx)).not.to.contain('interviews_resume_id_idx');
        await interviewsResumeIndex.up(trx);
        expect(await planOf(trx)).to.contain('interviews_resume_id_idx');
      });
    });
  });
}
