import { expect } from 'chai';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { assessmentReportJson } from '../../migrations/202612060001_assessment_report_json.js';
import { aMessage, anInterview, withTranscript } from '../contract/suites/interview-repository.contract.js';
import { insertCandidate } from '../support/builders.js';
import { columnTypes, databaseLegs, inRolledBackTransaction } from '../support/databases.js';

for (const leg of databaseLegs()) {
  describe(`migration ${assessmentReportJson.name}: ${leg.label}`, () => {
    it('turns a stored report and completion record to json and back to jsonb, keeping them whole', async () => {
      const { knex } = await leg.open();
      const uow = new PgUnitOfWork(knex);
      const interview = anInterview(await insertCandidate(uow));
      const messages = [aMessage(interview.id, 1), aMessage(interview.id, 2)];
      await uow.repositories.interviews.insert(interview, messages.slice(0, 1));
      const assessment = {
        interviewId: interview.id, overallScore: 72.5, recommendation: 'hold',
        report: { skills: [{ skill: 'react_hooks', score: 72, evidence: ['useEffect runs after paint'] }], strengths: [], notes: null },
        completion: { reason: 'skills_mapped', questionsAnswered: 12 },
        generatedAt: new Date(Date.UTC(2026, 11, 6, 10)),
      };
      await uow.repositories.interviews.save({ ...withTranscript(interview, messages), status: 'completed' }, messages.slice(1), undefined, assessment);
      // Read with ad-hoc statements: a named one prepared before the change would refuse the new column type.
      const stored = async (db: typeof knex) => {
        const row = await db('assessment_results').where({ interview_id: interview.id }).first('report', 'completion');
        return { report: row.report, completion: row.completion };
      };
      const types = (db: typeof knex) => columnTypes(db, 'assessment_results', ['report', 'completion']);
      const whole = { report: assessment.report, completion: assessment.completion };
      expect(await types(knex)).to.deep.equal(['completion:json', 'report:json']);
      expect(await stored(knex)).to.deep.equal(whole);
      await inRolledBackTransaction(knex, async (trx) => {
        await assessmentReportJson.down(trx);
        expect(await types(trx)).to.deep.equal(['completion:jsonb', 'report:jsonb']);
        expect(await stored(trx)).to.deep.equal(whole);
        await assessmentReportJson.up(trx);
        expect(await types(trx)).to.deep.equal(['completion:json', 'report:json']);
        expect(await stored(trx)).to.deep.equal(whole);
      });
      expect(await types(knex)).to.deep.equal(['completion:json', 'report:json']);
      expect(await uow.repositories.assessments.find(interview.id)).to.deep.equal(assessment);
    });
  });
}
