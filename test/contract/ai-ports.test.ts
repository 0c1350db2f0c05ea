import { RubricAnswerGrader } from '../../src/adapters/offline/answer-grader.rubric.js';
import { ThreadedRubricGrader } from '../../src/adapters/offline/answer-grader.threaded.js';
import { QuestionBankInterviewer } from '../../src/adapters/offline/interviewer.question-bank.js';
import { answerGraderContract } from './suites/answer-grader.contract.js';
import { interviewerContract } from './suites/interviewer.contract.js';

answerGraderContract('offline rubric grader', () => new RubricAnswerGrader());
const threaded = new ThreadedRubricGrader(2);
answerGraderContract('offline rubric grader on threads', () => threaded, () => threaded.close());
interviewerContract('offline question bank', () => new QuestionBankInterviewer(), ['react', 'python', 'system_design']);
