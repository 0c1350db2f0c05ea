import { RubricAnswerGrader } from '../../src/adapters/offline/answer-grader.rubric.js';
import { ThreadedRubricGrader } from '../../src/adapters/offline/answer-grader.threaded.js';
import { QuestionBankInterviewer } from '../../src/adapters/offline/interviewer.question-bank.js';
import { OfflineResumeParser } from '../../src/adapters/offline/resume-parser.offline.js';
import { OfflineResumeReviewer } from '../../src/adapters/offline/resume-reviewer.offline.js';
import { definePlugin } from '../../src/app/plugin-api.js';
import { AnswerGrader } from '../../src/ports/answer-grader.js';
import { Interviewer } from '../../src/ports/interviewer.js';
import { ResumeParser } from '../../src/ports/resume-parser.js';
import { ResumeReviewer } from '../../src/ports/resume-reviewer.js';

/** The offline grader on `threads` threads of its own, or on the event loop when that is 0. */
export const offlineGrader = (threads: number): RubricAnswerGrader | ThreadedRubricGrader =>
  threads === 0 ? new RubricAnswerGrader() : new ThreadedRubricGrader(threads);

/**
 * The AI providers that need no key and no network: a curated question bank, a rubric grader, and
 * a rule-based resume parser and reviewer over a skills taxonomy. The grader runs on
 * OFFLINE_GRADER_THREADS threads of its own (started on first use, stopped with the app), or on the
 * event loop when that is 0.
 */
export function createOfflinePlugin() {
  let grader: RubricAnswerGrader | ThreadedRubricGrader | undefined;
  return definePlugin({
    name: 'offline',
    apiVersion: 1,
    register(ctx) {
      ctx.provide(Interviewer, 'offline', () => new QuestionBankInterviewer());
      ctx.provide(AnswerGrader, 'offline', ({ config }) => (grader ??= offlineGrader(config.ai.offlineGraderThreads)));
      ctx.provide(ResumeParser, 'offline', () => new OfflineResumeParser());
      ctx.provide(ResumeReviewer, 'offline', () => new OfflineResumeReviewer());
    },
    async stop() {
      if (grader instanceof ThreadedRubricGrader) await grader.close();
      grader = undefined;
    },
  });
}

export default createOfflinePlugin();
