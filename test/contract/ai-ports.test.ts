import { RubricAnswerGrader } from '../../src/adapters/offline/answer-grader.rubric.js';
import { QuestionBankInterviewer } from '../../src/adapters/offline/interviewer.question-bank.js';
import { answerGraderContract } from './suites/answer-grader.contract.js';
import { interviewerContract } from './suites/interviewer.contract.js';

answerGraderContract('offline rubric grader', () => new RubricAnswerGrader());
interviewerContract('offline question bank', () => new QuestionBankInterviewer(), ['react', 'python', 'system_design']);
