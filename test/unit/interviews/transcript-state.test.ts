import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { type AssessmentThresholds, DEFAULT_THRESHOLDS, validateThresholds } from '../../../src/domain/assessment/index.js';
import { type Interview, transcriptState } from '../../../src/domain/interviews/index.js';
import type { StoredParse } from '../../../src/domain/resumes/resume.js';
import type { IdGenerator } from '../../../src/ports/id-generator.js';
import { interviewUseCases } from '../../support/interview-use-cases.js';
import { bankQuestionFor, type Candidate, gibberish, injecting, strong, weak } from '../../support/simulated-candidates.js';

/**
 * The start of a model answer: graded in the follow-up band (35–70) for ~90 % of the bank's questions,
 * so the interviewer follows up on what is missing. (A third of the answer scores above the band for most.)
 */
const partial: Candidate = (question, turn, previous) => {
  const q = bankQuestionFor(question);
  if (!q) return weak(question, turn, previous);
  const words = q.referenceAnswer.split(' ');
  return words.slice(0, Math.ceil(words.length * 0.15)).join(' ');
};

/**
 * Ids in a fixed sequence, so each run asks the same questions: the interviewer breaks ties by the
 * interview's id, and with random ids a run's questions — and whether they draw a follow-up — would vary.
 */
class SequentialIds implements IdGenerator {
  private next = 0;
  newId(): string {
    return `00000000-0000-4000-8000-${(++this.next).toString(16).padStart(12, '0')}`;
  }
}

/** Strong, weak and partial answers in turn. */
const mixed: Candidate = (question, turn, previous) => [strong, partial, weak][turn % 3]!(question, turn, previous);

interface Run {
  /** Every interview as the use cases stored it, after its start and after every turn. */
  states: Interview[];
  questions: string[];
}

/**
 * Runs an interview through the use cases on the memory unit of work (which keeps the aggregate
 * exactly as the use case built it) and, after its start and every turn, checks that the
 * transcript alone rebuilds the same progression and asked list.
 */
async function run(
  role: string, candidate: Candidate, options: { thresholds?: AssessmentThresholds; resumeSkills?: string[]; completeAfter?: number } = {},
): Promise<Run> {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const { uow, clock, candidate: account, start, submit, complete } = await interviewUseCases({ ids: new SequentialIds(), thresholds });
  if (options.resumeSkills) {
    await uow.repositories.resumes.insertActive({
      id: randomUUID(), candidateId: account.id, fileName: 'cv.pdf', fileSize: 1, type: 'pdf', storageKey: `k/${randomUUID()}`,
      uploadedAt: clock.now(), isActive: true, parsingStatus: 'completed', parsedAt: clock.now(),
      parsed: { skills: options.resumeSkills } as StoredParse, errorMessage: null,
    });
  }
  const states: Interview[] = [];
  const check = async (id: string, when: string) => {
    const interview = (await uow.repositories.interviews.findById(id))!;
    const rebuilt = transcriptState(await uow.repositories.interviews.allMessages(id), thresholds);
    expect(rebuilt, when).to.deep.equal({ progression: interview.progression, asked: interview.asked });
    states.push(interview);
  };

  const { interview, firstQuestion } = await start.execute({ candidateId: account.id, roleType: role });
  await check(interview.id, 'after the start');
  let question = firstQuestion.text;
  const questions = [question];
  let previous = bankQuestionFor(question);
  for (let turn = 0; turn < 25; turn++) {
    if (options.completeAfter === turn) {
      await complete.execute({ interviewId: interview.id, candidateId: account.id });
      await check(interview.id, 'after CompleteInterview');
      break;
    }
    clock.advance(20_000);
    const { result } = await submit.execute({ interviewId: interview.id, candidateId: account.id, answer: candidate(question, turn, previous) });
    await check(interview.id, `after turn ${turn + 1}`);
    if (result.interviewComplete) break;
    question = result.aiResponse;
    questions.push(question);
    previous = bankQuestionFor(question) ?? previous;
  }
  return { states, questions };
}

describe('transcriptState: an interview rebuilt from its transcript', () => {
  it('matches what the turns built, after every turn of a strong candidate’s whole interview', async () => {
    const { states } = await run('react', strong);
    expect(states[states.length - 1]!.status).to.equal('completed');
    expect((states[states.length - 1]!.progression as { phase: string }).phase).to.equal('advanced');
  });

  it('matches after every turn of a weak candidate’s whole interview', async () => {
    const { states } = await run('python', weak);
    expect(states[states.length - 1]!.status).to.equal('completed');
  });

  it('matches with follow-up questions', async () => {
    const { states } = await run('javascript', mixed);
    expect(states[states.length - 1]!.asked.some((q) => q.isFollowUp), 'a follow-up was asked').to.equal(true);
  });

  it('matches with questions that lead in with the resume’s skills', async () => {
    const { questions } = await run('react', strong, { resumeSkills: ['redux', 'hooks', 'typescript', 'testing', 'performance'] });
    expect(questions.some((q) => q.startsWith('Your background mentions')), 'a resume-prefixed question').to.equal(true);
  });

  it('matches for gamed answers (gibberish, prompt injection)', async () => {
    await run('node', gibberish);
    await run('typescript', injecting);
  });

  it('matches for an interview completed early through CompleteInterview', async () => {
    const { states } = await run('react', mixed, { completeAfter: 4 });
    const last = states[states.length - 1]!;
    expect(last.status).to.equal('completed');
    expect(last.asked).to.have.length(5);
    expect(last.asked[4]!.answered).to.equal(false);
  });

  it('uses the thresholds it is given', async () => {
    const thresholds = validateThresholds({
      ...DEFAULT_THRESHOLDS,
      warmup: { ...DEFAULT_THRESHOLDS.warmup, minQuestions: 1 },
      completion: { ...DEFAULT_THRESHOLDS.completion, maxQuestions: 8, minQuestions: 8 },
    });
    const { states } = await run('go', mixed, { thresholds });
    const last = states[states.length - 1]!;
    expect(last.status).to.equal('completed');
    expect(last.asked, 'completed at the lowered maxQuestions').to.have.length(8);
  });
});
