import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import type { PricedCall } from '../../../src/domain/interviews/costs.js';
import type { Interview, InterviewMessage } from '../../../src/domain/interviews/interview.js';
import { VersionConflict } from '../../../src/domain/shared/domain-error.js';
import type { UnitOfWork } from '../../../src/ports/unit-of-work.js';
import { anAccount } from '../../support/builders.js';

const at = (s: number) => new Date(Date.UTC(2026, 4, 1, 10, 0, s));

export function anInterview(candidateId: string, overrides: Partial<Interview> = {}): Interview {
  return {
    id: randomUUID(),
    candidateId,
    roleType: 'react',
    status: 'in_progress',
    resumeId: null,
    jobPostingId: null,
    startedAt: at(0),
    completedAt: null,
    durationSeconds: null,
    aiModelUsed: 'offline/question-bank-v1',
    totalTokensUsed: 0,
    costUsd: 0,
    videoRecordingConsent: false,
    videoRecordingStatus: null,
    context: { resumeSkills: ['redux'] },
    progression: { phase: 'warmup', nested: { list: [1, 2, 3] } },
    asked: [{ questionNumber: 1, text: 'What is JSX?', skillArea: 'react_fundamentals', difficulty: 'warmup', isFollowUp: false, answered: false }],
    pending: {
      sequence: 1, questionNumber: 1, text: 'What is JSX?', skillArea: 'react_fundamentals', difficulty: 'warmup',
      isFollowUp: false, keyPoints: ['syntax extension'], servedBy: { provider: 'offline', model: 'question-bank-v1' },
    },
    lastSequence: 1,
    lastActivityAt: at(0),
    createdAt: at(0),
    version: 1,
    ...overrides,
  };
}

export const aMessage = (interviewId: string, sequence: number, overrides: Partial<InterviewMessage> = {}): InterviewMessage => ({
  id: randomUUID(),
  interviewId,
  sequence,
  type: sequence % 2 === 1 ? 'ai_question' : 'candidate_response',
  text: `message ${sequence}`,
  metadata: { n: sequence, tags: ['a', 'b'] },
  createdAt: at(sequence),
  ...overrides,
});

/** The InterviewRepository contract (with results and idempotency), run on every adapter. */
export function interviewRepositoryContract(label: string, open: () => Promise<UnitOfWork>): void {
  describe(`InterviewRepository contract: ${label}`, () => {
    let uow: UnitOfWork;
    let candidateId: string;
    before(async () => {
      uow = await open();
      const account = anAccount();
      await uow.transaction((r) => r.accounts.insert(account));
      candidateId = account.id;
    });

    it('resolves undefined for an unknown id', async () => {
      expect(await uow.repositories.interviews.findById(randomUUID())).to.equal(undefined);
    });

    it('round-trips an interview and its first message exactly', async () => {
      const interview = anInterview(candidateId);
      const first = aMessage(interview.id, 1);
      await uow.transaction((r) => r.interviews.insert(interview, [first]));
      expect(await uow.repositories.interviews.findById(interview.id)).to.deep.equal(interview);
      expect(await uow.repositories.interviews.allMessages(interview.id)).to.deep.equal([first]);
      let duplicate: unknown;
      try {
        await uow.repositories.interviews.insert({ ...interview, roleType: 'python' }, [aMessage(interview.id, 2)]);
      } catch (e) {
        duplicate = e;
      }
      expect(duplicate, 'a second insert of the same id').to.be.instanceOf(VersionConflict);
      expect(await uow.repositories.interviews.findById(interview.id)).to.deep.equal(interview);
      expect(await uow.repositories.interviews.allMessages(interview.id)).to.deep.equal([first]);
    });

    it('saves optimistically and refuses a stale write without appending its messages', async () => {
      const interview = anInterview(candidateId);
      await uow.transaction((r) => r.interviews.insert(interview, [aMessage(interview.id, 1)]));
      const saved = await uow.transaction((r) =>
        r.interviews.save({ ...interview, lastSequence: 3 }, [aMessage(interview.id, 2), aMessage(interview.id, 3)]),
      );
      expect(saved.version).to.equal(2);
      let error: unknown;
      try {
        await uow.transaction((r) => r.interviews.save({ ...interview, lastSequence: 5 }, [aMessage(interview.id, 4)]));
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(VersionConflict);
      const messages = await uow.repositories.interviews.allMessages(interview.id);
      expect(messages.map((m) => m.sequence)).to.deep.equal([1, 2, 3]);
      expect((await uow.repositories.interviews.findById(interview.id))?.lastSequence).to.equal(3);
    });

    it('lets exactly one of many concurrent turns commit: sequences never repeat or skip', async () => {
      const interview = anInterview(candidateId);
      await uow.transaction((r) => r.interviews.insert(interview, [aMessage(interview.id, 1)]));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) =>
          uow.transaction((r) =>
            r.interviews.save({ ...interview, lastSequence: 3, pending: null, asked: [] }, [
              aMessage(interview.id, 2, { text: `answer ${i}` }), aMessage(interview.id, 3),
            ]),
          ),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).to.have.length(1);
      for (const o of outcomes.filter((o) => o.status === 'rejected')) {
        expect((o as PromiseRejectedResult).reason).to.be.instanceOf(VersionConflict);
      }
      const sequences = (await uow.repositories.interviews.allMessages(interview.id)).map((m) => m.sequence);
      expect(sequences).to.deep.equal([1, 2, 3]);
    });

    it('refuses a message whose sequence number is taken', async () => {
      const interview = anInterview(candidateId);
      await uow.transaction((r) => r.interviews.insert(interview, [aMessage(interview.id, 1)]));
      let error: unknown;
      try {
        await uow.transaction((r) => r.interviews.save(interview, [aMessage(interview.id, 1)]));
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(VersionConflict);
      expect((await uow.repositories.interviews.findById(interview.id))?.version).to.equal(1);
    });

    it('logs the AI usage of an insert and of a save with them, with or without a transaction, and none for a refused write', async () => {
      const provider = `contract-${randomUUID()}`;
      const usage = (...ports: Array<PricedCall['port']>) => ({
        calls: ports.map((port): PricedCall => ({
          port, provider, model: 'm-1', outcome: 'ok', latencyMs: 5, costUsd: 0.001, usage: { inputTokens: 10, outputTokens: 2, estimated: false },
        })),
        at: at(30),
      });
      const repos = uow.repositories;
      const interview = anInterview(candidateId);
      await repos.interviews.insert(interview, [aMessage(interview.id, 1)], usage('interviewer'));
      const saved = await repos.interviews.save({ ...interview, lastSequence: 3 }, [aMessage(interview.id, 2), aMessage(interview.id, 3)], usage('grader', 'interviewer'));
      let refused: unknown;
      try {
        await repos.interviews.save({ ...interview, lastSequence: 5 }, [aMessage(interview.id, 4)], usage('grader'));
      } catch (e) {
        refused = e;
      }
      expect(refused).to.be.instanceOf(VersionConflict);
      let rolledBack: unknown;
      try {
        await uow.transaction(async (r) => {
          await r.interviews.save({ ...saved, lastSequence: 5 }, [aMessage(interview.id, 4), aMessage(interview.id, 5)], usage('grader'));
          throw new Error('the rest of the unit of work failed');
        });
      } catch (e) {
        rolledBack = e;
      }
      expect((rolledBack as Error).message).to.equal('the rest of the unit of work failed');
      expect((await repos.interviews.findById(interview.id))?.version).to.equal(2);
      await uow.transaction((r) => r.interviews.save({ ...saved, lastSequence: 5 }, [aMessage(interview.id, 4), aMessage(interview.id, 5)], usage('grader', 'interviewer')));
      const logged = (await repos.aiUsage.summary({})).filter((row) => row.provider === provider);
      expect(logged.map((row) => [row.calls, row.inputTokens])).to.deep.equal([[5, 50]]);
      expect((await repos.interviews.allMessages(interview.id)).map((m) => m.sequence)).to.deep.equal([1, 2, 3, 4, 5]);
      const current = await repos.interviews.findById(interview.id);
      expect(current).to.deep.equal({ ...saved, lastSequence: 5, version: 3 });
    });

    it('pages messages by skip, limit and sequence range, with the total', async () => {
      const interview = anInterview(candidateId);
      await uow.transaction((r) => r.interviews.insert(interview, Array.from({ length: 9 }, (_, i) => aMessage(interview.id, i + 1))));
      const page = await uow.repositories.interviews.listMessages(interview.id, { skip: 2, limit: 3 });
      expect(page.total).to.equal(9);
      expect(page.messages.map((m) => m.sequence)).to.deep.equal([3, 4, 5]);
      const ranged = await uow.repositories.interviews.listMessages(interview.id, { skip: 1, limit: 10, minSequence: 4, maxSequence: 7 });
      expect(ranged.total).to.equal(4);
      expect(ranged.messages.map((m) => m.sequence)).to.deep.equal([5, 6, 7]);
      expect(await uow.repositories.interviews.listMessages(interview.id, { skip: 20, limit: 5 }), 'a page past the end').to.deep.equal({ total: 9, messages: [] });
      expect(await uow.repositories.interviews.listMessages(interview.id, { skip: 0, limit: 5, minSequence: 8, maxSequence: 3 })).to.deep.equal({ total: 0, messages: [] });
      const tail = await uow.repositories.interviews.listMessages(interview.id, { skip: 0, limit: 100, minSequence: 8 });
      expect([tail.total, tail.messages.map((m) => m.sequence)]).to.deep.equal([2, [8, 9]]);
    });

    it("lists a candidate's interviews newest first, paged, and only theirs", async () => {
      const other = anAccount();
      await uow.transaction((r) => r.accounts.insert(other));
      const mine = [at(1), at(3), at(2)].map((createdAt) => anInterview(other.id, { createdAt }));
      for (const i of mine) await uow.transaction((r) => r.interviews.insert(i, []));
      const list = await uow.repositories.interviews.listForCandidate(other.id, { skip: 0, limit: 2 });
      expect(list.total).to.equal(3);
      expect(list.interviews.map((i) => i.createdAt.toISOString())).to.deep.equal([at(3).toISOString(), at(2).toISOString()]);
    });

    it('stores one assessment per interview and idempotent responses per account and key', async () => {
      const interview = anInterview(candidateId);
      await uow.transaction((r) => r.interviews.insert(interview, []));
      expect(await uow.repositories.assessments.find(interview.id)).to.equal(undefined);
      const result = {
        interviewId: interview.id, overallScore: 72.5, recommendation: 'hold', report: { a: [1, 2] }, completion: { b: 'c' },
        generatedAt: at(9),
      };
      await uow.transaction((r) => r.assessments.insert(result));
      expect(await uow.repositories.assessments.find(interview.id)).to.deep.equal(result);
      let error: unknown;
      try {
        await uow.transaction((r) => r.assessments.insert(result));
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(VersionConflict);

      expect(await uow.repositories.idempotency.find(candidateId, 'k-1')).to.equal(undefined);
      await uow.transaction((r) => r.idempotency.save(candidateId, 'k-1', 'h1', { ok: [1] }, at(1)));
      await uow.transaction((r) => r.idempotency.save(candidateId, 'k-1', 'h2', { ok: [2] }, at(2)));
      expect(await uow.repositories.idempotency.find(candidateId, 'k-1')).to.deep.equal({ requestHash: 'h1', response: { ok: [1] } });
    });
  });
}
