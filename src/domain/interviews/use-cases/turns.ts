import type { AnswerInput } from '../../assessment/index.js';
import type { Grade } from '../../../ports/answer-grader.js';
import type { InterviewQuestion } from '../../../ports/interviewer.js';
import { type ClarificationKind, restatedQuestion } from '../clarification.js';
import type { AskedQuestionRecord, InterviewMessage, PendingQuestion } from '../interview.js';

export const toPending = (q: InterviewQuestion, sequence: number, questionNumber: number): PendingQuestion => ({
  ...q,
  sequence,
  questionNumber,
});

export const questionMessage = (id: string, interviewId: string, q: PendingQuestion, at: Date): InterviewMessage => ({
  id,
  interviewId,
  sequence: q.sequence,
  type: 'ai_question',
  text: q.text,
  metadata: {
    question_number: q.questionNumber,
    question_id: q.questionId ?? null,
    skill_area: q.skillArea,
    difficulty_level: q.difficulty,
    is_followup: q.isFollowUp,
    served_by: q.servedBy,
  },
  createdAt: at,
});

/**
 * The pending question put again after a clarification request (at `q.sequence`): the same
 * question number, marked as a restatement so the transcript does not count it as a new question.
 */
export const restatementMessage = (
  id: string, interviewId: string, q: PendingQuestion, kind: ClarificationKind, at: Date,
): InterviewMessage => {
  const message = questionMessage(id, interviewId, q, at);
  return { ...message, text: restatedQuestion(q.text, kind), metadata: { ...message.metadata, restates_question: true } };
};

/** How many requests about the pending question the candidate has made (see clarification.ts). */
export const clarificationsOf = (q: PendingQuestion): number => q.clarifications ?? (q.clarified ? 1 : 0);

/** A candidate's message with its metadata (an answer's grade, or what a clarification request was about). */
const candidateMessage = (
  id: string, interviewId: string, sequence: number, text: string, metadata: Record<string, unknown>, at: Date,
): InterviewMessage => ({ id, interviewId, sequence, type: 'candidate_response', text, metadata, createdAt: at });

/** A candidate's clarification request about question `questionNumber`: stored, never graded. */
export const clarificationMessage = (
  id: string, interviewId: string, sequence: number, text: string, questionNumber: number, at: Date,
): InterviewMessage => candidateMessage(id, interviewId, sequence, text, { clarification_of: questionNumber }, at);

/** Whether an `ai_question` message restates the pending question (see restatementMessage) rather than asking a new one. */
export const isRestatement = (message: InterviewMessage): boolean =>
  (message.metadata as { restates_question?: boolean }).restates_question === true;

/**
 * The interviewer's closing words after the last answer, stored so the transcript holds what the
 * candidate was told: an `ai_question` message (the contract's only interviewer type) marked as
 * closing, which asks nothing.
 */
export const closingMessage = (id: string, interviewId: string, sequence: number, text: string, at: Date): InterviewMessage => ({
  id, interviewId, sequence, type: 'ai_question', text, metadata: { closing: true }, createdAt: at,
});

/** Whether an `ai_question` message puts a new question (neither a restatement nor the closing words). */
export const asksNewQuestion = (message: InterviewMessage): boolean =>
  !isRestatement(message) && (message.metadata as { closing?: boolean }).closing !== true;

/** What is kept of a grade on the candidate's message: enough to rebuild the report exactly. */
export interface StoredGrade {
  questionNumber: number;
  question: string;
  questionId?: string;
  skillArea: string;
  difficulty: PendingQuestion['difficulty'];
  isFollowUp: boolean;
  interviewer: PendingQuestion['servedBy'];
  grade: Grade;
}

export const answerMessage = (
  id: string,
  interviewId: string,
  sequence: number,
  text: string,
  stored: StoredGrade,
  at: Date,
): InterviewMessage => candidateMessage(id, interviewId, sequence, text, { assessment: stored }, at);

export const storedGradeOf = (message: InterviewMessage): StoredGrade | undefined =>
  (message.metadata as { assessment?: StoredGrade }).assessment;

/** What the interviewer is told of a question just asked. */
export const askedRecord = (q: Omit<AskedQuestionRecord, 'answered'>): AskedQuestionRecord => ({
  questionNumber: q.questionNumber,
  ...(q.questionId ? { questionId: q.questionId } : {}),
  text: q.text,
  skillArea: q.skillArea,
  difficulty: q.difficulty,
  isFollowUp: q.isFollowUp,
  answered: false,
});

/** The asked list once question `questionNumber` has been answered with `grade`. */
export const withAnswer = (asked: readonly AskedQuestionRecord[], questionNumber: number, grade: Grade): AskedQuestionRecord[] =>
  asked.map((q) =>
    q.questionNumber === questionNumber
      ? { ...q, answered: true, score: grade.score, level: grade.level, missingPoints: grade.missingPoints }
      : q,
  );

/**
 * An answer as the progression records it: in the grade's skill area unless that is empty or the
 * catch-all 'general', else in the question's.
 */
export const answerInput = (
  q: Pick<PendingQuestion, 'questionNumber' | 'questionId' | 'skillArea' | 'isFollowUp' | 'difficulty'>,
  grade: Grade,
  answer: string,
): AnswerInput => ({
  questionNumber: q.questionNumber,
  questionId: q.questionId,
  skillArea: grade.skillArea && grade.skillArea !== 'general' ? grade.skillArea : q.skillArea,
  isFollowUp: q.isFollowUp,
  difficulty: q.difficulty,
  grade,
  answer,
});

/** The question an `ai_question` message put (see questionMessage). */
export const askedOf = (message: InterviewMessage): AskedQuestionRecord => {
  const m = message.metadata as {
    question_number: number; question_id: string | null; skill_area: string;
    difficulty_level: PendingQuestion['difficulty']; is_followup: boolean;
  };
  return askedRecord({
    questionNumber: m.question_number,
    ...(m.question_id ? { questionId: m.question_id } : {}),
    text: message.text,
    skillArea: m.skill_area,
    difficulty: m.difficulty_level,
    isFollowUp: m.is_followup,
  });
};
