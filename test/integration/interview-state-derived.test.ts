import { expect } from 'chai';
import type { Knex } from 'knex';
import { RubricAnswerGrader } from '../../src/adapters/offline/answer-grader.rubric.js';
import { QuestionBankInterviewer } from '../../src/adapters/offline/interviewer.question-bank.js';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { FixedClock } from '../../src/adapters/system/clock.system.js';
import { UuidIdGenerator } from '../../src/adapters/system/id-generator.uuid.js';
import { SilentLogger } from '../../src/adapters/system/logger.pino.js';
import { DEFAULT_THRESHOLDS, validateThresholds } from '../../src/domain/assessment/index.js';
import {
  CompleteInterview, type Interview, type InterviewMessage, StartInterview, SubmitAnswer, transcriptState,
} from '../../src/domain/interviews/index.js';
import type { InterviewRepository, UsageEntries } from '../../src/ports/interview-repository.js';
import type { Repositories, UnitOfWork } from '../../src/ports/unit-of-work.js';
import { interviewStateDerived, storeDerivedInterviewState } from '../../migrations/202611300002_interview_state_derived.js';
import { aMessage, anInterview, withTranscript } from '../contract/suites/interview-repository.contract.js';
import { insertCandidate } from '../support/builders.js';
import { databaseLegs } from '../support/databases.js';
import { bankQuestionFor, type Candidate, strong, weak } from '../support/simulated-candidates.js';

for (const leg of databaseLegs()) {
  describe(`interview state rebuilt from the transcript (${interviewStateDerived.name}): ${leg.label}`, () => {
    // Read with ad-hoc statements, never the repository's named ones.
    const stored = async (db: Knex, id: string) => {
      const row = await db('interviews').where({ id }).first('progression', 'asked');
      return { progression: row.progression, asked: row.asked };
    };

    it('writes neither progression nor asked, and reads them as the messages imply', async () => {
      const { knex } = await leg.open();
      const uow = new PgUnitOfWork(knex, { thresholds: DEFAULT_THRESHOLDS });
      const interview = anInterview(await insertCandidate(uow));
      const transcript = [1, 2, 3, 4, 5].map((s) => aMessage(interview.id, s));
      await uow.repositories.interviews.insert(interview, transcript.slice(0, 1));
      expect(await stored(knex, interview.id)).to.deep.equal({ progression: null, asked: null });
      const saved = await uow.repositories.interviews.save(withTranscript(interview, transcript), transcript.slice(1));
      expect(await stored(knex, interview.id)).to.deep.equal({ progression: null, asked: null });
      expect(await uow.repositories.interviews.findById(interview.id)).to.deep.equal(saved);
    });

    it('reads back, after every turn of whole interviews, the interview exactly as the use cases saved it', async () => {
      const { knex } = await leg.open();
      // The use cases run on `here`, which keeps every interview they wrote; `db` reads the rows and rebuilds.
      const db = new PgUnitOfWork(knex, { thresholds: DEFAULT_THRESHOLDS });
      const written = new Map<string, Interview>();
      const keeping = (repos: Repositories): Repositories => ({
        ...repos,
        interviews: Object.assign(Object.create(repos.interviews) as InterviewRepository, {
          async insert(i: Interview, m: readonly InterviewMessage[], u?: UsageEntries) {
            await repos.interviews.insert(i, m, u);
            written.set(i.id, i);
          },
          async save(i: Interview, m: readonly InterviewMessage[], u?: UsageEntries) {
            const next = await repos.interviews.save(i, m, u);
            written.set(i.id, next);
            return next;
          },
        }),
      });
      const here: UnitOfWork = { repositories: keeping(db.repositories), transaction: (work) => db.transaction((r) => work(keeping(r))) };
      const clock = new FixedClock(new Date('2026-07-01T09:00:00Z'));
      const deps = { uow: here, interviewer: new QuestionBankInterviewer(), clock, ids: new UuidIdGenerator() };
      const start = new StartInterview({ ...deps, prices: {} });
      const submit = new SubmitAnswer({
        ...deps, grader: new RubricAnswerGrader(), thresholds: DEFAULT_THRESHOLDS, prices: {}, budgetUsd: 5, logger: new SilentLogger(),
      });
      const complete = new CompleteInterview({ uow: here, clock });
      const candidateId = await insertCandidate(here);
      const mixed: Candidate = (q, turn, previous) => (turn % 2 === 0 ? strong : weak)(q, turn, previous);
      for (const [role, candidate, completeAfter] of [['react', strong], ['python', mixed], ['node', mixed, 3]] as const) {
        const { interview, firstQuestion } = await start.execute({ candidateId, roleType: role });
        const same = async (when: string) =>
          expect(await db.repositories.interviews.findById(interview.id), when).to.deep.equal(written.get(interview.id));
        await same('after the start');
        let question = firstQuestion.text;
        let previous = bankQuestionFor(question);
        for (let turn = 0; turn < 25; turn++) {
          if (turn === completeAfter) {
            await complete.execute({ interviewId: interview.id, candidateId });
            await same('after CompleteInterview');
            break;
          }
          const { result } = await submit.execute({ interviewId: interview.id, candidateId, answer: candidate(question, turn, previous) });
          await same(`${role}, after turn ${turn + 1}`);
          if (result.interviewComplete) break;
          question = result.aiResponse;
          previous = bankQuestionFor(question) ?? previous;
        }
        expect(written.get(interview.id)?.status).to.equal('completed');
      }
      const listed = await db.repositories.interviews.listForCandidate(candidateId, { skip: 0, limit: 10 });
      expect(listed.interviews.map((i) => i.id)).to.have.members([...written.keys()]);
      for (const i of listed.interviews) expect(i).to.deep.equal(written.get(i.id));
    });

    it('leaves out messages the row does not cover yet (a turn that committed between reading the row and reading its messages)', async () => {
      const { knex } = await leg.open();
      const uow = new PgUnitOfWork(knex, { thresholds: DEFAULT_THRESHOLDS });
      const candidateId = await insertCandidate(uow);
      const interview = anInterview(candidateId);
      const transcript = [1, 2, 3, 4, 5].map((s) => aMessage(interview.id, s));
      await uow.repositories.interviews.insert(interview, transcript.slice(0, 1));
      const saved = await uow.repositories.interviews.save(withTranscript(interview, transcript.slice(0, 3)), transcript.slice(1, 3));
      // The next turn's messages, there when the messages are read though the row was read before they committed.
      await knex('interview_messages').insert(transcript.slice(3).map((m) => ({
        id: m.id, interview_id: m.interviewId, sequence_number: m.sequence, message_type: m.type, content_text: m.text,
        metadata: JSON.stringify(m.metadata), created_at: m.createdAt,
      })));
      const read = (await uow.repositories.interviews.findById(interview.id))!;
      expect(read).to.deep.equal(saved);
      expect(read.asked).to.deep.equal(transcriptState(transcript.slice(0, 3), DEFAULT_THRESHOLDS).asked);
      const listed = await uow.repositories.interviews.listForCandidate(candidateId, { skip: 0, limit: 10 });
      expect(listed.interviews).to.deep.equal([saved]);
    });

    it('rebuilds with the thresholds it is given', async () => {
      const { knex } = await leg.open();
      const strict = validateThresholds({ ...DEFAULT_THRESHOLDS, warmup: { ...DEFAULT_THRESHOLDS.warmup, minQuestions: 1, minMeanConfidence: 0.3, minAccuracy: 0.4 } });
      const uow = new PgUnitOfWork(knex, { thresholds: strict });
      const interview = anInterview(await insertCandidate(uow));
      const transcript = [1, 2, 3].map((s) => aMessage(interview.id, s));
      await uow.repositories.interviews.insert(interview, transcript.slice(0, 1));
      await uow.repositories.interviews.save({ ...interview, ...transcriptState(transcript, strict), lastSequence: 3 }, transcript.slice(1));
      const read = (await uow.repositories.interviews.findById(interview.id))!;
      expect(read.progression).to.deep.equal(transcriptState(transcript, strict).progression);
      expect((read.progression as { phase: string }).phase, 'one answer was enough to leave warmup').to.equal('standard');
      expect((transcriptState(transcript, DEFAULT_THRESHOLDS).progression).phase).to.equal('warmup');
    });

    it('reads a row stored before the change as stored, by id and in a list, until its next write', async () => {
      const { knex } = await leg.open();
      const uow = new PgUnitOfWork(knex);
      const candidateId = await insertCandidate(uow);
      const interview = anInterview(candidateId);
      const transcript = [1, 2, 3].map((s) => aMessage(interview.id, s));
      await uow.repositories.interviews.insert(interview, transcript.slice(0, 1));
      // As the previous version left it: its own state in the columns (here one the messages do not imply).
      const legacy = { progression: { phase: 'warmup', stored: true }, asked: [] };
      await knex.raw('update interviews set progression = ?::json, asked = ?::json where id = ?', [
        JSON.stringify(legacy.progression), JSON.stringify(legacy.asked), interview.id,
      ]);
      expect(await uow.repositories.interviews.findById(interview.id)).to.deep.equal({ ...interview, ...legacy });
      const list = await uow.repositories.interviews.listForCandidate(candidateId, { skip: 0, limit: 10 });
      expect(list.interviews).to.deep.equal([{ ...interview, ...legacy }]);
      const saved = await uow.repositories.interviews.save(withTranscript(interview, transcript), transcript.slice(1));
      expect(await stored(knex, interview.id)).to.deep.equal({ progression: null, asked: null });
      expect(await uow.repositories.interviews.findById(interview.id)).to.deep.equal(saved);
    });

    it('goes down storing what the transcripts imply, then NOT NULL, and up again', async () => {
      const { knex } = await leg.open();
      const uow = new PgUnitOfWork(knex);
      const interview = anInterview(await insertCandidate(uow));
      const transcript = [1, 2, 3, 4, 5].map((s) => aMessage(interview.id, s));
      await uow.repositories.interviews.insert(interview, transcript.slice(0, 1));
      const saved = await uow.repositories.interviews.save(withTranscript(interview, transcript), transcript.slice(1));
      const nullable = async (db: typeof knex) => {
        const { rows } = await db.raw<{ rows: Array<{ column_name: string; is_nullable: string }> }>(
          `select column_name, is_nullable from information_schema.columns
           where table_name = 'interviews' and column_name in ('progression', 'asked') order by column_name`,
        );
        return rows.map((r) => `${r.column_name}:${r.is_nullable}`);
      };
      expect(await nullable(knex)).to.deep.equal(['asked:YES', 'progression:YES']);
      // DDL is transactional in PostgreSQL: go down and up again, then leave the schema as it was.
      const rolledBack = new Error('leave the shared schema untouched');
      try {
        await knex.transaction(async (trx) => {
          await interviewStateDerived.down(trx);
          expect(await nullable(trx)).to.deep.equal(['asked:NO', 'progression:NO']);
          expect(await stored(trx, interview.id)).to.deep.equal(JSON.parse(JSON.stringify({ progression: saved.progression, asked: saved.asked })));
          expect(await trx('interviews').whereNull('progression').orWhereNull('asked').count('* as n').first()).to.deep.equal({ n: 0 });
          expect(await storeDerivedInterviewState(trx, DEFAULT_THRESHOLDS), 'nothing left to store').to.equal(0);
          await interviewStateDerived.up(trx);
          expect(await nullable(trx)).to.deep.equal(['asked:YES', 'progression:YES']);
          throw rolledBack;
        });
      } catch (error) {
        if (error !== rolledBack) throw error;
      }
      expect(await nullable(knex)).to.deep.equal(['asked:YES', 'progression:YES']);
      expect(await stored(knex, interview.id)).to.deep.equal({ progression: null, asked: null });
    });
  });
}
