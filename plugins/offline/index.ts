import { RubricAnswerGrader } from '../../src/adapters/offline/answer-grader.rubric.js';
import { QuestionBankInterviewer } from '../../src/adapters/offline/interviewer.question-bank.js';
import { OfflineResumeParser } from '../../src/adapters/offline/resume-parser.offline.js';
import { OfflineResumeReviewer } from '../../src/adapters/offline/resume-reviewer.offline.js';
import { definePlugin } from '../../src/app/plugin-api.js';
import { AnswerGrader } from '../../src/ports/answer-grader.js';
import { Interviewer } from '../../src/ports/interviewer.js';
import { ResumeParser } from '../../src/ports/resume-parser.js';
import { ResumeReviewer } from '../../src/ports/resume-reviewer.js';

/**
 * The AI providers that need no key and no network: a curated question bank, a rubric grader, and
 * a rule-based resume parser and reviewer over a skills taxonomy.
 */
export default definePlugin({
  name: 'offline',
  apiVersion: 1,
  register(ctx) {
    ctx.provide(Interviewer, 'offline', () => new QuestionBankInterviewer());
    ctx.provide(AnswerGrader, 'offline', () => new RubricAnswerGrader());
    ctx.provide(ResumeParser, 'offline', () => new OfflineResumeParser());
    ctx.provide(ResumeReviewer, 'offline', () => new OfflineResumeReviewer());
  },
});
