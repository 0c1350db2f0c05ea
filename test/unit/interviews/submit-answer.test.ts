import { expect } from 'chai';
import { RubricAnswerGrader } from '../../../src/adapters/offline/answer-grader.rubric.js';
import { DEFAULT_THRESHOLDS, type ProgressionState } from '../../../src/domain/assessment/index.js';
import { ConcurrentAnswer, IdempotencyKeyReused, InterviewAccessDenied, InterviewCompleted } from '../../../src/domain/interviews/index.js';
import { CLARIFICATIONS_PER_QUESTION, restatedQuestion } from '../../../src/domain/interviews/clarification.js';
import { finishInterview } from '../../../src/domain/interviews/use-cases/finish.js';
import { transcriptState } from '../../../src/domain/interviews/use-cases/transcript-state.js';
import type { AnswerGrader, Grade, GradeRequest } from '../../../src/ports/answer-grader.js';
import { ProviderUnavailable } from '../../../src/ports/ai-errors.js';
import type { Interviewer } from '../../../src/ports/interviewer.js';
import { aResume, anAccount } from '../../support/builders.js';
import { interviewUseCases } from '../../support/interview-use-cases.js';

/** A grader that holds every call until `release` is called: makes races deterministic. */
class GatedGrader implements AnswerGrader {
  private waiting: Array<() => void> = [];
  /** How many gradings were asked for. */
  calls = 0;
  constructor(private readonly inner: AnswerGrader, private readonly expected: number, private readonly onAllWaiting: () => void) {}
  async grade(request: GradeRequest): Promise<Grade> {
    this.calls++;
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      if (this.waiting.length === this.expected) this.onAllWaiting();
    });
    return this.inner.grade(request);
  }
  release(): void {
    for (const go of this.waiting.splice(0)) go();
  }
}

async function setup(grader?: AnswerGrader) {
  const cases = await interviewUseCases({ grader });
  const { interview } = await cases.start.execute({ candidateId: cases.candidate.id, roleType: 'react' });
  return { ...cases, interview };
}

describe('SubmitAnswer and CompleteInterview use cases', () => {
  it('lets exactly one of two answers that raced on the same question in two processes commit', async () => {
    let grader!: GatedGrader;
    grader = new GatedGrader(new RubricAnswerGrader(), 2, () => grader.release());
    const { uow, candidate, interview, submit, submitInAnotherProcess } = await setup(grader);
    const outcomes = await Promise.allSettled([
      submit.execute({ interviewId: interview.id, candidateId: candidate.id, answer: 'First answer about JSX and components.' }),
      submitInAnotherProcess.execute({ interviewId: interview.id, candidateId: candidate.id, answer: 'Second answer about props and state.' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).to.have.length(1);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).to.be.instanceOf(ConcurrentAnswer);
    const messages = await uow.repositories.interviews.allMessages(interview.id);
    expect(messages.map((m) => m.sequence)).to.deep.equal([1, 2, 3]);
  });

  it('refuses a second answer while one is being worked on in this process before grading it; one with the same Idempotency-Key waits and replays the first', async () => {
    let grader!: GatedGrader;
    let graded!: () => void;
    const grading = new Promise<void>((resolve) => { graded = resolve; });
    // Holds the first grading; once opened, lets every later one through.
    let open = false;
    grader = new GatedGrader(new RubricAnswerGrader(), 1, () => {
      graded();
      if (open) grader.release();
    });
    const { uow, candidate, interview, submit } = await setup(grader);
    const first = submit.execute({ interviewId: interview.id, candidateId: candidate.id, answer: 'First answer about JSX and components.', idempotencyKey: 'k-1' });
    await grading;
    const tokens: string[] = [];
    const second = await submit.execute({
      interviewId: interview.id, candidateId: candidate.id, answer: 'Second answer about props and state.', onToken: (t) => tokens.push(t),
    }).then(() => undefined, (error: unknown) => error);
    expect(second).to.be.instanceOf(ConcurrentAnswer);
    // Refused before any AI work: nothing graded, nothing streamed.
    expect(tokens).to.deep.equal([]);
    const otherKey = await submit.execute({
      interviewId: interview.id, candidateId: candidate.id, answer: 'Third answer.', idempotencyKey: 'k-2',
    }).then(() => undefined, (error: unknown) => error);
    expect(otherKey).to.be.instanceOf(ConcurrentAnswer);
    const retryTokens: string[] = [];
    const retry = submit.execute({
      interviewId: interview.id, candidateId: candidate.id, answer: 'First answer about JSX and components.', idempotencyKey: 'k-1',
      onToken: (t) => retryTokens.push(t),
    });
    const reused = submit.execute({ interviewId: interview.id, candidateId: candidate.id, answer: 'Another text.', idempotencyKey: 'k-1' })
      .then(() => undefined, (error: unknown) => error);
    open = true;
    grader.release();
    const [won, replayed] = await Promise.all([first, retry]);
    expect(won.replayed).to.equal(false);
    expect(replayed).to.deep.equal({ result: won.result, replayed: true });
    expect(await reused).to.be.instanceOf(IdempotencyKeyReused);
    // The retries waited for the first: one grading in all, nothing streamed of their own.
    expect(grader.calls).to.equal(1);
    expect(retryTokens).to.deep.equal([]);
    expect((await uow.repositories.interviews.allMessages(interview.id)).map((m) => m.sequence)).to.deep.equal([1, 2, 3]);
    // Once it is done, the next answer is taken.
    await submit.execute({ interviewId: interview.id, candidateId: candidate.id, answer: 'An answer to the second question.' });
    expect((await uow.repositories.interviews.allMessages(interview.id)).length).to.equal(5);
  });

  it('records in the usage log the AI calls of a turn that failed, though nothing of the turn is saved', async () => {
    const bank = new RubricAnswerGrader();
    // As a fallback chain reports them: a billed grading, then an interviewer that is down.
    const grader: AnswerGrader = {
      async grade(request, options = {}) {
        options.onCall?.({ port: 'grader', provider: 'vendor', model: 'm1', outcome: 'ok', latencyMs: 5, usage: { inputTokens: 420, outputTokens: 90, estimated: false } });
        return bank.grade(request);
      },
    };
    const interviewer: Interviewer = {
      supportedRoles: () => ['react'],
      async nextQuestion(_request, options = {}) {
        options.onCall?.({ port: 'interviewer', provider: 'vendor', model: '', outcome: 'error', latencyMs: 7, error: 'HTTP 503' });
        throw new ProviderUnavailable('vendor', 'HTTP 503');
      },
    };
    const cases = await interviewUseCases({ grader, interviewer });
    const { interview } = await cases.start.execute({ candidateId: cases.candidate.id, roleType: 'react' });
    const failed = await cases.submit.execute({ interviewId: interview.id, candidateId: cases.candidate.id, answer: 'Props flow down; state is owned.' })
      .then(() => undefined, (error: unknown) => error);
    expect(failed).to.be.instanceOf(ProviderUnavailable);
    expect((await cases.uow.repositories.interviews.allMessages(interview.id)).length).to.equal(1);
    const rows = await cases.uow.repositories.aiUsage.summary({});
    expect(rows.map((r) => [r.provider, r.model, r.calls, r.failures, r.inputTokens, r.outputTokens])).to.have.deep.members([
      ['vendor', 'm1', 1, 0, 420, 90], ['vendor', '(unknown)', 1, 1, 0, 0],
    ]);
  });

  it('tells an answer that lost its race to /complete that the interview is completed, not that another answer came', async () => {
    let grader!: GatedGrader;
    let graded!: () => void;
    const grading = new Promise<void>((resolve) => { graded = resolve; });
    grader = new GatedGrader(new RubricAnswerGrader(), 1, () => graded());
    const { uow, candidate, interview, submit, complete } = await setup(grader);
    const answer = submit.execute({ interviewId: interview.id, candidateId: candidate.id, answer: 'An answer about JSX and components.' });
    await grading;
    await complete.execute({ interviewId: interview.id, candidateId: candidate.id });
    grader.release();
    const lost = await answer.then(() => undefined, (error: unknown) => error);
    expect(lost).to.be.instanceOf(InterviewCompleted);
    expect((lost as InterviewCompleted).code).to.equal('INTERVIEW_COMPLETED');
    expect((await uow.repositories.interviews.allMessages(interview.id)).map((m) => m.sequence)).to.deep.equal([1]);
  });

  it('commits an answer in flight while the candidate deletes the interview\'s resume, rather than calling it a concurrent answer', async () => {
    let grader!: GatedGrader;
    let graded!: () => void;
    const grading = new Promise<void>((resolve) => { graded = resolve; });
    grader = new GatedGrader(new RubricAnswerGrader(), 1, () => graded());
    const cases = await interviewUseCases({ grader });
    const resume = aResume(cases.candidate.id);
    await cases.uow.repositories.resumes.insertActive(resume);
    const { interview } = await cases.start.execute({ candidateId: cases.candidate.id, roleType: 'react' });
    expect(interview.resumeId).to.equal(resume.id);
    const answer = cases.submit.execute({ interviewId: interview.id, candidateId: cases.candidate.id, answer: 'JSX is syntax that compiles to function calls.' });
    await grading;
    await cases.uow.transaction(async (r) => {
      await r.interviews.detachResume(resume.id);
      await r.resumes.delete(cases.candidate.id, resume.id);
    });
    grader.release();
    expect((await answer).result.questionNumber).to.equal(2);
    const stored = (await cases.uow.repositories.interviews.findById(interview.id))!;
    expect(stored.resumeId).to.equal(null);
    expect((await cases.uow.repositories.interviews.allMessages(interview.id)).map((m) => m.sequence)).to.deep.equal([1, 2, 3]);
  });

  it('replays the stored result for a repeated idempotency key even when the first request won a race in another process', async () => {
    let grader!: GatedGrader;
    grader = new GatedGrader(new RubricAnswerGrader(), 2, () => grader.release());
    const { candidate, interview, submit, submitInAnotherProcess } = await setup(grader);
    const input = { interviewId: interview.id, candidateId: candidate.id, answer: 'Same answer twice.', idempotencyKey: 'k1' };
    const [a, b] = await Promise.all([submit.execute(input), submitInAnotherProcess.execute(input)]);
    expect(a.result).to.deep.equal(b.result);
    expect([a.replayed, b.replayed].sort()).to.deep.equal([false, true]);
  });

  it('refuses a candidate who does not own the interview', async () => {
    const { interview, submit } = await setup();
    let error: unknown;
    try {
      await submit.execute({ interviewId: interview.id, candidateId: anAccount().id, answer: 'hi' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(InterviewAccessDenied);
  });

  it('produces the same report from the same transcript', async () => {
    const { uow, candidate, interview, submit, complete, clock } = await setup();
    for (let i = 0; i < 3; i++) {
      clock.advance(30_000);
      await submit.execute({ interviewId: interview.id, candidateId: candidate.id, answer: `Answer ${i}: props flow down and state changes re-render the component.` });
    }
    clock.advance(30_000);
    const done = await complete.execute({ interviewId: interview.id, candidateId: candidate.id });
    const reloaded = (await uow.repositories.interviews.findById(interview.id))!;
    const messages = await uow.repositories.interviews.allMessages(interview.id);
    const again = finishInterview({ ...reloaded, status: 'in_progress' }, messages, reloaded.completedAt!);
    expect(again.assessment.report).to.deep.equal(done.assessment.report);
    expect(done.assessment.report.durationSeconds).to.equal(120);
  });

  it('stores the closing words as the last message when the last answer completes the interview, asking nothing', async () => {
    const { uow, candidate, interview, submit } = await setup();
    let last;
    for (let i = 0; i < 25 && !last?.result.interviewComplete; i++) {
      last = await submit.execute({ interviewId: interview.id, candidateId: candidate.id, answer: `I am not sure about this one, sorry (${i}).` });
    }
    expect(last!.result.interviewComplete).to.equal(true);
    const messages = await uow.repositories.interviews.allMessages(interview.id);
    const closing = messages.at(-1)!;
    expect(closing).to.include({ type: 'ai_question', text: last!.result.aiResponse, sequence: messages.length });
    expect(messages.at(-2)!.type).to.equal('candidate_response');
    const stored = (await uow.repositories.interviews.findById(interview.id))!;
    expect(stored.lastSequence).to.equal(closing.sequence);
    const derived = transcriptState(messages, DEFAULT_THRESHOLDS);
    expect(derived.asked).to.have.length(last!.result.questionsAsked);
    expect(derived.asked.map((q) => q.text)).to.not.include(closing.text);
  });

  it('answers a clarification request with the question again: nothing graded or counted, and the next answer is graded against that question', async () => {
    const graded: string[] = [];
    const inner = new RubricAnswerGrader();
    const counting: AnswerGrader = { grade: (request) => { graded.push(request.answer); return inner.grade(request); } };
    const { uow, candidate, interview, submit } = await setup(counting);
    const first = interview.pending!;
    const ask = (answer: string) => submit.execute({ interviewId: interview.id, candidateId: candidate.id, answer });

    const { result } = await ask('Sorry, could you repeat the question?');
    expect(result).to.include({ aiResponse: `Of course. Here is the question again: ${first.text}`, questionNumber: 1, questionsAsked: 1, interviewComplete: false });
    expect(graded).to.deep.equal([]);
    const after = (await uow.repositories.interviews.findById(interview.id))!;
    expect((after.progression as ProgressionState).responses).to.deep.equal([]);
    expect(after.pending).to.deep.include({ questionNumber: 1, text: first.text, sequence: 3, clarifications: 1 });
    let messages = await uow.repositories.interviews.allMessages(interview.id);
    expect(messages.map((m) => [m.sequence, m.type])).to.deep.equal([[1, 'ai_question'], [2, 'candidate_response'], [3, 'ai_question']]);
    expect(messages[1]!.metadata).to.deep.equal({ clarification_of: 1 });
    expect(messages[2]!.metadata).to.include({ question_number: 1, restates_question: true });
    // The transcript implies the same state: the restatement is not a new question, the request not an answer.
    expect(transcriptState(messages, DEFAULT_THRESHOLDS)).to.deep.equal({ progression: after.progression, asked: after.asked });

    const answered = await ask('JSX is a syntax extension that compiles to React.createElement calls returning plain objects.');
    expect(answered.result.questionNumber).to.equal(2);
    messages = await uow.repositories.interviews.allMessages(interview.id);
    expect(messages[3]!.metadata).to.have.nested.property('assessment.question', first.text);
    expect(messages[3]!.metadata).to.have.nested.property('assessment.questionNumber', 1);

    // A hint is not given, but the request is not graded either; the allowance is per question.
    const second = (await uow.repositories.interviews.findById(interview.id))!.pending!;
    const hint = await ask('Can I get a hint?');
    expect(hint.result.aiResponse).to.equal(restatedQuestion(second.text, 'hint'));
    expect(hint.result.aiResponse).to.match(/^I can't give hints during the assessment/);
    // Three requests per question are free; the next message about it is graded as its answer.
    for (let i = 1; i < CLARIFICATIONS_PER_QUESTION; i++) {
      expect((await ask('Can you rephrase that?')).result).to.include({ questionNumber: 2, aiResponse: restatedQuestion(second.text) });
    }
    const past = await ask('Can you rephrase that?');
    expect(past.result.questionNumber).to.equal(3);
    expect(graded).to.deep.equal(['JSX is a syntax extension that compiles to React.createElement calls returning plain objects.', 'Can you rephrase that?']);
    const final = (await uow.repositories.interviews.findById(interview.id))!;
    expect((final.progression as ProgressionState).responses.map((r) => r.questionNumber)).to.deep.equal([1, 2]);
    expect(transcriptState(await uow.repositories.interviews.allMessages(interview.id), DEFAULT_THRESHOLDS))
      .to.deep.equal({ progression: final.progression, asked: final.asked });
  });
});
