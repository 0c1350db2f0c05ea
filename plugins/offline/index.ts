import { RubricAnswerGrader } from '../../src/adapters/offline/answer-grader.rubric.js';
import { QuestionBankInterviewer } from '../../src/adapters/offline/interviewer.question-bank.js';
import { definePlugin } from '../../src/app/plugin-api.js';
import { AnswerGrader } from '../../src/ports/answer-grader.js';
import { Interviewer } from '../../src/ports/interviewer.js';

/** The AI providers that need no key and no network: a curated question bank and a rubric grader. */
export default definePlugin({
  name: 'offline',
  apiVersion: 1,
  register(ctx) {
    ctx.provide(Interviewer, 'offline', () => new QuestionBankInterviewer());
    ctx.provide(AnswerGrader, 'offline', () => new RubricAnswerGrader());
  },
});
