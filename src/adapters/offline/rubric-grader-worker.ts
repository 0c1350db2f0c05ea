/**
 * A grading thread of `ThreadedRubricGrader` (answer-grader.threaded.ts): grades each request it
 * receives with its own `RubricAnswerGrader` (whose prepared references it keeps) and answers with the grade.
 */
import { parentPort } from 'node:worker_threads';
import { RubricAnswerGrader } from './answer-grader.rubric.js';
import type { GraderReply, GraderRequest } from './answer-grader.threaded.js';

const port = parentPort!;
const grader = new RubricAnswerGrader();

port.on('message', ({ id, request }: GraderRequest) => {
  let reply: GraderReply;
  try {
    reply = { id, grade: grader.gradeSync(request) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
