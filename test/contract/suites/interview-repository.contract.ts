import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { DEFAULT_THRESHOLDS } from '../../../src/domain/assessment/index.js';
import type { PricedCall } from '../../../src/domain/interviews/costs.js';
import type { Interview, InterviewMessage, PendingQuestion } from '../../../src/domain/interviews/interview.js';
import { transcriptState } from '../../../src/domain/interviews/use-cases/transcript-state.js';
import { answerMessage, questionMessage } from '../../../src/domain/interviews/use-cases/turns.js';
import type { Grade } from '../../../src/ports/answer-grader.js';
import { ResumeNotFound } from '../../../src/domain/interviews/errors.js';
import { VersionConflict } from '../../../src/domain/shared/domain-error.js';
import type { UnitOfWork } from '../../../src/ports/unit-of-work.js';
import { aResume, anAccount } from '../../support/builders.js';

const at = (s: number) => new Date(Date.UTC(2026, 4, 1, 10, 0, s));

const SERVED_BY = { provider: 'offline', model: 'question-bank-v1' };

/** Question n of a test transcript: message 2n − 1, answered by message 2n. */
const question = (n: number): PendingQuestion => ({
  sequence: 2 * n - 1, questionNumber: n, questionId: `react.warmup.${n}`, text: `message ${2 * n - 1}`,
  skillArea: n % 2 === 1 ? 'react_fundamentals' : 'react_hooks', difficulty: 'warmup', isFollowUp: n % 3 === 0,
  keyPoints: ['syntax extension'], servedBy: SERVED_BY,
});

/** A grade that varies with the question, so answers move the progression in different ways. */
const gradeOf = (n: number): Grade => {
  const score = [82, 45, 91, 30, 67][n % 5]!;
  return {
    score, accuracy: score / 100, depth: 0.5, clarity: 0.75, confidence: score > 50 ? 0.8 : 0.35,
    level: score >= 80 ? 'proficient' : score >= 50 ? 'intermediate' : 'novice', skillArea: n % 4 === 0 ? 'general' : 'react_state',
    evidence: [], missingPoints: score < 90 ? ['closures'] : [], hesitations: score > 50 ? [] : ['I think'], flags: [],
    reasoning: 'test grade', servedBy: { provider: 'offline', model: 'rubric-v1' },
  };
};

/**
 * The interview as its transcript implies it: progression and asked rebuilt from `messages` (all
 * of them, in order), lastSequence the last one's. What a caller must save (see InterviewRepository).
 */
export const withTranscript = (interview: Interview, messages: readonly InterviewMessage[]): Interview => ({
  ...interview,
  ...transcriptState(messages, DEFAULT_THRESHOLDS),
  lastSequence: messages[messages.length - 1]?.sequence ?? 0,
});

/** An interview that has asked its first question (message 1, see aMessage) and waits for the answer. */
export function anInterview(candidateId: string, overrides: Partial<Interview> = {}): Interview {
  const id = randomUUID();
  const first = withTranscript({ id } as Interview, [aMessage(id, 1)]);
  return {
    id,
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
    progression: first.progression,
    asked: first.asked,
    pending: question(1),
    lastSequence: 1,
    lastActivityAt: at(0),
    createdAt: at(0),
    version: 1,
    ...overrides,
  };
}

/** Message `sequence` of a test transcript, as the turns write it: odd ones ask question (sequence + 1) / 2, even ones answer it. */
export const aMessage = (interviewId: string, sequence: number, overrides: Partial<InterviewMessage> = {}): InterviewMessage => {
  const q = question(Math.ceil(sequence / 2));
  const message = sequence % 2 === 1
    ? questionMessage(randomUUID(), interviewId, q, at(sequence))
    : answerMessage(randomUUID(), interviewId, sequence, `message ${sequence}`, {
      questionNumber: q.questionNumber, question: q.text, questionId: q.questionId!, skillArea: q.skillArea, difficulty: q.difficulty,
      isFollowUp: q.isFollowUp, interviewer: q.servedBy, grade: gradeOf(q.questionNumber),
    }, at(sequence));
  return { ...message, ...overrides };
};

/** Messages `from`..`to` of an interview's test transcript. */
const transcriptOf = (interviewId: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => aMessage(interviewId, from + i));

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
      const [first, ...turn] = transcriptOf(interview.id, 1, 3);
      await uow.transaction((r) => r.interviews.insert(interview, [first!]));
      const saved = await uow.transaction((r) => r.interviews.save(withTranscript(interview, [first!, ...turn]), turn));
      expect(saved.version).to.equal(2);
      let error: unknown;
      try {
        const stale = [first!, ...transcriptOf(interview.id, 2, 4)];
        await uow.transaction((r) => r.interviews.save(withTranscript(interview, stale), stale.slice(3)));
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
      const first = aMessage(interview.id, 1);
      await uow.transaction((r) => r.interviews.insert(interview, [first]));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => {
          const turn = [aMessage(interview.id, 2, { text: `answer ${i}` }), aMessage(interview.id, 3)];
          return uow.transaction((r) => r.interviews.save({ ...withTranscript(interview, [first, ...turn]), pending: null }, turn));
        }),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).to.have.length(1);
      for (const o of outcomes.filter((o) => o.status === 'rejected')) {
        expect((o as PromiseRejectedResult).reason).to.be.instanceOf(VersionConflict);
      }
      const sequences = (await uow.repositories.interviews.allMessages(interview.id)).map((m) => m.sequence);
      expect(sequences).to.deep.equal([1, 2, 3]);
    });

    // Outside a transaction the SQL adapters write saves made while one is being written as one
    // statement (see WriteBatcher): each must still commit or fail on its own.
    const savedAtOnce = async (interviews: readonly Interview[], transcriptFor: (interview: Interview) => InterviewMessage[]) => {
      const provider = `contract-${randomUUID()}`;
      const usage = {
        calls: [{ port: 'grader', provider, model: 'm-1', outcome: 'ok', latencyMs: 5, costUsd: 0, usage: { inputTokens: 3, outputTokens: 1, estimated: false } } satisfies PricedCall],
        at: at(40),
      };
      const outcomes = await Promise.allSettled(interviews.map((interview) => {
        const transcript = transcriptFor(interview);
        return uow.repositories.interviews.save(withTranscript(interview, transcript), transcript.slice(1), usage);
      }));
      const logged = (await uow.repositories.aiUsage.summary({})).find((row) => row.provider === provider);
      return {
        outcomes: outcomes.map((o) => (o.status === 'fulfilled' ? o.value.version : (o.reason as Error).constructor.name)),
        calls: logged?.calls ?? 0,
      };
    };
    /** Each interview as stored, and its messages' sequences. */
    const storedAs = async (interview: Interview) => {
      const messages = await uow.repositories.interviews.allMessages(interview.id);
      return { stored: await uow.repositories.interviews.findById(interview.id), messages, sequences: messages.map((m) => m.sequence) };
    };

    it('writes saves of different interviews sent at once each as if alone: all applied, a stale one refused alone', async () => {
      const interviews = Array.from({ length: 6 }, () => anInterview(candidateId));
      for (const interview of interviews) await uow.repositories.interviews.insert(interview, [aMessage(interview.id, 1)]);
      // Another instance answered the second meanwhile: a save from version 1 is stale, refused by its
      // version alone (what it appends, messages 4 and 5, takes no sequence that is taken).
      const moved = interviews[1]!;
      const elsewhere = transcriptOf(moved.id, 1, 3);
      await uow.repositories.interviews.save(withTranscript(moved, elsewhere), elsewhere.slice(1));
      const { outcomes, calls } = await savedAtOnce(interviews, (interview) =>
        (interview === moved ? [aMessage(moved.id, 1), ...transcriptOf(moved.id, 4, 5)] : transcriptOf(interview.id, 1, 3)));
      expect(outcomes).to.deep.equal([2, 'VersionConflict', 2, 2, 2, 2]);
      expect(calls, 'the usage of the five saves that committed').to.equal(5);
      for (const interview of interviews) {
        const { stored, messages, sequences } = await storedAs(interview);
        expect(sequences).to.deep.equal([1, 2, 3]);
        if (interview !== moved) expect(messages.slice(1).map((m) => m.text)).to.deep.equal(['message 2', 'message 3']);
        expect(stored).to.deep.equal({ ...withTranscript(interview, messages), version: 2 });
      }
      expect((await storedAs(moved)).messages.slice(1).map((m) => m.id), 'the other instance\'s answer').to.deep.equal(elsewhere.slice(1).map((m) => m.id));
    });

    it('writes saves sent at once each as if alone when one of them fails: only that one is refused', async () => {
      const interviews = Array.from({ length: 4 }, () => anInterview(candidateId));
      for (const interview of interviews) await uow.repositories.interviews.insert(interview, [aMessage(interview.id, 1)]);
      // The third appends a message whose sequence is taken: its write fails, the others' must not.
      const reusing = interviews[2]!;
      const { outcomes, calls } = await savedAtOnce(interviews, (interview) =>
        (interview === reusing ? [aMessage(interview.id, 1), aMessage(interview.id, 1)] : transcriptOf(interview.id, 1, 3)));
      expect(outcomes).to.deep.equal([2, 2, 'VersionConflict', 2]);
      expect(calls, 'the usage of the three saves that committed').to.equal(3);
      for (const interview of interviews) {
        const { stored, messages, sequences } = await storedAs(interview);
        if (interview === reusing) {
          expect(stored).to.deep.equal(interview);
          expect(sequences).to.deep.equal([1]);
        } else {
          expect(sequences).to.deep.equal([1, 2, 3]);
          expect(stored).to.deep.equal({ ...withTranscript(interview, messages), version: 2 });
        }
      }
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
      const transcript = transcriptOf(interview.id, 1, 5);
      await repos.interviews.insert(interview, transcript.slice(0, 1), usage('interviewer'));
      const saved = await repos.interviews.save(withTranscript(interview, transcript.slice(0, 3)), transcript.slice(1, 3), usage('grader', 'interviewer'));
      let refused: unknown;
      try {
        await repos.interviews.save(withTranscript(interview, transcript.slice(0, 4)), transcript.slice(3, 4), usage('grader'));
      } catch (e) {
        refused = e;
      }
      expect(refused).to.be.instanceOf(VersionConflict);
      let rolledBack: unknown;
      try {
        await uow.transaction(async (r) => {
          await r.interviews.save(withTranscript(saved, transcript), transcript.slice(3), usage('grader'));
          throw new Error('the rest of the unit of work failed');
        });
      } catch (e) {
        rolledBack = e;
      }
      expect((rolledBack as Error).message).to.equal('the rest of the unit of work failed');
      expect((await repos.interviews.findById(interview.id))?.version).to.equal(2);
      await uow.transaction((r) => r.interviews.save(withTranscript(saved, transcript), transcript.slice(3), usage('grader', 'interviewer')));
      const logged = (await repos.aiUsage.summary({})).filter((row) => row.provider === provider);
      expect(logged.map((row) => [row.calls, row.inputTokens])).to.deep.equal([[5, 50]]);
      expect((await repos.interviews.allMessages(interview.id)).map((m) => m.sequence)).to.deep.equal([1, 2, 3, 4, 5]);
      const current = await repos.interviews.findById(interview.id);
      expect(current, 'the interview as its whole transcript implies').to.deep.equal({ ...withTranscript(saved, transcript), version: 3 });
      expect((current!.progression as { responses: unknown[] }).responses).to.have.length(2);
    });

    it('pages messages by skip, limit and sequence range, with the total', async () => {
      const interview = anInterview(candidateId);
      const transcript = transcriptOf(interview.id, 1, 9);
      await uow.transaction((r) => r.interviews.insert(withTranscript(interview, transcript), transcript));
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
      // Transcripts of different lengths: each listed interview is the one its own messages imply.
      const mine = [[at(1), 1], [at(3), 5], [at(2), 3]].map(([createdAt, length]) => {
        const interview = anInterview(other.id, { createdAt: createdAt as Date });
        const transcript = transcriptOf(interview.id, 1, length as number);
        return { interview: withTranscript(interview, transcript), transcript };
      });
      for (const { interview, transcript } of mine) await uow.transaction((r) => r.interviews.insert(interview, transcript));
      const list = await uow.repositories.interviews.listForCandidate(other.id, { skip: 0, limit: 2 });
      expect(list.total).to.equal(3);
      expect(list.interviews.map((i) => i.createdAt.toISOString())).to.deep.equal([at(3).toISOString(), at(2).toISOString()]);
      expect(list.interviews).to.deep.equal([mine[1]!.interview, mine[2]!.interview]);
    });

    it('lists open interviews idle since before a time, least recently active first, as many as asked', async () => {
      // Activity long before any other test's, so only these can be idle at the cut-off; an earlier run's
      // (a PostgreSQL database outlives a run) are closed first, and this run's at the end.
      const long = (minutes: number) => new Date(Date.UTC(2001, 0, 1, 0, minutes));
      const closeLeftovers = async () => {
        for (const id of await uow.repositories.interviews.listIdle(long(24 * 60), 1_000)) {
          const left = (await uow.repositories.interviews.findById(id))!;
          await uow.repositories.interviews.save({ ...left, status: 'abandoned' }, []);
        }
      };
      await closeLeftovers();
      const open = [
        anInterview(candidateId, { lastActivityAt: long(20) }),
        anInterview(candidateId, { lastActivityAt: long(5), status: 'scheduled' }),
        anInterview(candidateId, { lastActivityAt: long(10) }),
      ];
      const notListed = [
        anInterview(candidateId, { lastActivityAt: long(1), status: 'completed', completedAt: long(1) }),
        anInterview(candidateId, { lastActivityAt: long(2), status: 'abandoned' }),
        anInterview(candidateId, { lastActivityAt: long(30) }), // active at the cut-off itself
      ];
      for (const interview of [...open, ...notListed]) {
        await uow.transaction((r) => r.interviews.insert(interview, [aMessage(interview.id, 1)]));
      }
      const idle = await uow.repositories.interviews.listIdle(long(30), 10);
      expect(idle).to.deep.equal([open[1]!.id, open[2]!.id, open[0]!.id]);
      expect(await uow.repositories.interviews.listIdle(long(30), 2)).to.deep.equal([open[1]!.id, open[2]!.id]);
      expect(await uow.repositories.interviews.listIdle(long(5), 10)).to.deep.equal([]);
      await closeLeftovers();
      expect(await uow.repositories.interviews.listIdle(long(24 * 60), 10)).to.deep.equal([]);
    });

    it('stores a completing save\'s assessment with the same atomic write, with or without a transaction, and never a second one', async () => {
      const report = (interviewId: string, score: number) => ({
        interviewId, overallScore: score, recommendation: 'advance', report: { skills: ['react'] }, completion: { questions: 1 },
        generatedAt: at(20),
      });
      for (const inTransaction of [false, true]) {
        const interview = anInterview(candidateId);
        const [first, ...turn] = transcriptOf(interview.id, 1, 2);
        await uow.repositories.interviews.insert(interview, [first!]);
        expect(await uow.repositories.assessments.find(interview.id)).to.equal(undefined);
        const completed = { ...withTranscript(interview, [first!, ...turn]), status: 'completed' as const, completedAt: at(20) };
        const save = (r: typeof uow.repositories) => r.interviews.save(completed, turn, undefined, report(interview.id, 81.5));
        const saved = inTransaction ? await uow.transaction(save) : await save(uow.repositories);
        expect(saved.version).to.equal(2);
        expect(await uow.repositories.assessments.find(interview.id)).to.deep.equal(report(interview.id, 81.5));
        expect((await uow.repositories.interviews.findById(interview.id))?.status).to.equal('completed');

        // A stale completing save writes nothing, report included; so does one for an interview already reported.
        const stale = await uow.repositories.interviews.save(completed, transcriptOf(interview.id, 3, 3), undefined, report(interview.id, 10))
          .then(() => undefined, (e: unknown) => e);
        expect(stale).to.be.instanceOf(VersionConflict);
        const again = await uow.repositories.interviews.save(saved, transcriptOf(interview.id, 3, 3), undefined, report(interview.id, 10))
          .then(() => undefined, (e: unknown) => e);
        expect(again).to.be.instanceOf(VersionConflict);
        expect(await uow.repositories.assessments.find(interview.id)).to.deep.equal(report(interview.id, 81.5));
        expect((await uow.repositories.interviews.allMessages(interview.id)).map((m) => m.sequence)).to.deep.equal([1, 2]);
        expect((await uow.repositories.interviews.findById(interview.id))?.version).to.equal(2);
      }
    });

    it('refuses with ResumeNotFound, writing nothing, an interview naming a resume that does not exist (deleted since it was read)', async () => {
      const resume = aResume(candidateId);
      await uow.repositories.resumes.insertActive(resume);
      await uow.repositories.resumes.delete(candidateId, resume.id);
      for (const inTransaction of [false, true]) {
        const interview = anInterview(candidateId, { resumeId: resume.id });
        const insert = (r: typeof uow.repositories) => r.interviews.insert(interview, [aMessage(interview.id, 1)]);
        const error = await (inTransaction ? uow.transaction(insert) : insert(uow.repositories)).then(() => undefined, (e: unknown) => e);
        expect(error, `in a transaction: ${inTransaction}`).to.be.instanceOf(ResumeNotFound);
        expect(await uow.repositories.interviews.findById(interview.id)).to.equal(undefined);
        expect(await uow.repositories.interviews.allMessages(interview.id)).to.deep.equal([]);
      }
    });

    it('detaches a resume from the interviews naming it, moving their versions on, and from no other', async () => {
      const resume = aResume(candidateId);
      await uow.repositories.resumes.insertActive(resume);
      const named = [anInterview(candidateId, { resumeId: resume.id }), anInterview(candidateId, { resumeId: resume.id })];
      const other = anInterview(candidateId);
      for (const interview of [...named, other]) await uow.repositories.interviews.insert(interview, [aMessage(interview.id, 1)]);
      // Read once outside a transaction, so an adapter that keeps reads in memory holds them.
      for (const interview of named) await uow.repositories.interviews.findById(interview.id);
      await uow.transaction(async (r) => {
        await r.interviews.detachResume(resume.id);
        await r.resumes.delete(candidateId, resume.id);
      });
      for (const interview of named) {
        expect(await uow.repositories.interviews.findById(interview.id)).to.deep.equal({ ...interview, resumeId: null, version: 2 });
        // A turn that read the interview before is refused, not written with the deleted resume.
        let error: unknown;
        try {
          await uow.repositories.interviews.save(withTranscript(interview, transcriptOf(interview.id, 1, 3)), transcriptOf(interview.id, 2, 3));
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(VersionConflict);
      }
      expect(await uow.repositories.interviews.findById(other.id)).to.deep.equal(other);
    });

    it('stores idempotent responses per account, scope and key, the first one kept', async () => {
      const idempotency = () => uow.repositories.idempotency;
      expect(await idempotency().find(candidateId, 'scope-a', 'k-1')).to.equal(undefined);
      await uow.transaction((r) => r.idempotency.save(candidateId, 'scope-a', 'k-1', 'h1', { ok: [1] }, at(1)));
      await uow.transaction((r) => r.idempotency.save(candidateId, 'scope-a', 'k-1', 'h2', { ok: [2] }, at(2)));
      expect(await idempotency().find(candidateId, 'scope-a', 'k-1')).to.deep.equal({ requestHash: 'h1', response: { ok: [1] } });
      // The same key in another scope is another request.
      expect(await idempotency().find(candidateId, 'scope-b', 'k-1')).to.equal(undefined);
      await uow.transaction((r) => r.idempotency.save(candidateId, 'scope-b', 'k-1', 'h3', { ok: [3] }, at(3)));
      expect(await idempotency().find(candidateId, 'scope-b', 'k-1')).to.deep.equal({ requestHash: 'h3', response: { ok: [3] } });
      expect(await idempotency().find(candidateId, 'scope-a', 'k-1')).to.deep.equal({ requestHash: 'h1', response: { ok: [1] } });
    });
  });
}
