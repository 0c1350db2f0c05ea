import { MemoryUnitOfWork } from '../../src/adapters/memory/unit-of-work.memory.js';
import { RubricAnswerGrader } from '../../src/adapters/offline/answer-grader.rubric.js';
import { QuestionBankInterviewer } from '../../src/adapters/offline/interviewer.question-bank.js';
import { FixedClock } from '../../src/adapters/system/clock.system.js';
import { UuidIdGenerator } from '../../src/adapters/system/id-generator.uuid.js';
import { SilentLogger } from '../../src/adapters/system/logger.pino.js';
import { type AssessmentThresholds, DEFAULT_THRESHOLDS } from '../../src/domain/assessment/index.js';
import { CompleteInterview, StartInterview, SubmitAnswer } from '../../src/domain/interviews/index.js';
import type { AnswerGrader } from '../../src/ports/answer-grader.js';
import type { IdGenerator } from '../../src/ports/id-generator.js';
import type { Interviewer } from '../../src/ports/interviewer.js';
import { anAccount } from './builders.js';

/**
 * The interview use cases as a unit test runs them: a memory unit of work, the offline providers,
 * a fixed clock (2026-07-01 09:00 UTC) and one registered candidate.
 */
export async function interviewUseCases(
  options: { grader?: AnswerGrader; interviewer?: Interviewer; ids?: IdGenerator; thresholds?: AssessmentThresholds } = {},
) {
  const uow = new MemoryUnitOfWork();
  const clock = new FixedClock(new Date('2026-07-01T09:00:00Z'));
  const ids = options.ids ?? new UuidIdGenerator();
  const bank = new QuestionBankInterviewer();
  const candidate = anAccount();
  await uow.transaction((r) => r.accounts.insert(candidate));
  const grader = options.grader ?? new RubricAnswerGrader();
  const interviewer = options.interviewer ?? bank;
  const submitAnswer = () => new SubmitAnswer({
    uow, interviewer, grader, clock, ids, thresholds: options.thresholds ?? DEFAULT_THRESHOLDS, prices: {}, budgetUsd: 5, logger: new SilentLogger(),
  });
  return {
    uow,
    clock,
    candidate,
    start: new StartInterview({ uow, interviewer: bank, clock, ids, prices: {} }),
    submit: submitAnswer(),
    /** The same use case as another server process on the same database runs it: it knows nothing of this process's turns in flight. */
    submitInAnotherProcess: submitAnswer(),
    complete: new CompleteInterview({ uow, clock }),
  };
}
