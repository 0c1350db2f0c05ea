import type { Grade } from '../../../ports/answer-grader.js';
import type { InterviewQuestion } from '../../../ports/interviewer.js';
import type { InterviewMessage, PendingQuestion } from '../interview.js';

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
): InterviewMessage => ({
  id,
  interviewId,
  sequence,
  type: 'candidate_response',
  text,
  metadata: { assessment: stored },
  createdAt: at,
});

export const storedGradeOf = (message: InterviewMessage): StoredGrade | undefined =>
  (message.metadata as { assessment?: StoredGrade }).assessment;
