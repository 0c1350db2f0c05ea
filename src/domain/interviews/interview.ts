import type { SkillLevel } from '../assessment/levels.js';
import type { InterviewQuestion } from '../../ports/interviewer.js';

export const INTERVIEW_STATUSES = ['scheduled', 'in_progress', 'completed', 'abandoned'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export type MessageType = 'ai_question' | 'candidate_response';

/** The question waiting for an answer, with what is needed to grade it. */
export interface PendingQuestion extends InterviewQuestion {
  /** Sequence number of the message that put it (the latest restatement, after a clarification request). */
  sequence: number;
  questionNumber: number;
  /** How many requests about it the candidate made (see clarification.ts); past the allowance the next message is the answer. */
  clarifications?: number;
  /** Stored before `clarifications`: one request made. */
  clarified?: boolean;
}

/** A question asked and (once answered) how the answer went: what the interviewer sees next turn. */
export interface AskedQuestionRecord extends Pick<InterviewQuestion, 'questionId' | 'text' | 'skillArea' | 'difficulty' | 'isFollowUp'> {
  questionNumber: number;
  answered: boolean;
  score?: number;
  level?: SkillLevel;
  missingPoints?: string[];
}

export interface InterviewContext {
  resumeSkills: string[];
  job?: { title: string; description?: string; requiredSkills: string[] };
}

export interface Interview {
  id: string;
  candidateId: string;
  roleType: string;
  status: InterviewStatus;
  resumeId: string | null;
  jobPostingId: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  durationSeconds: number | null;
  aiModelUsed: string | null;
  totalTokensUsed: number;
  costUsd: number;
  videoRecordingConsent: boolean;
  videoRecordingStatus: string | null;
  context: InterviewContext;
  /** Progressive-assessment state (owned by the assessment module; stored as JSON). */
  progression: unknown;
  asked: AskedQuestionRecord[];
  pending: PendingQuestion | null;
  /** Sequence number of the last message stored. */
  lastSequence: number;
  lastActivityAt: Date;
  createdAt: Date;
  version: number;
}

export interface InterviewMessage {
  id: string;
  interviewId: string;
  sequence: number;
  type: MessageType;
  text: string;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

/** The statuses of an interview that can still be answered. */
export const OPEN_STATUSES: readonly InterviewStatus[] = ['scheduled', 'in_progress'];

export const isOpen = (interview: Interview): boolean => OPEN_STATUSES.includes(interview.status);

/**
 * A turn's outcome (`turned`, worked out from an earlier copy of the interview) on top of `current`,
 * a newer copy at the same point of its transcript that a write other than a turn changed (its resume
 * detached): what a turn writes is the outcome's, the rest and the version current's.
 */
export const rebaseTurn = (turned: Interview, current: Interview): Interview => ({
  ...current,
  status: turned.status,
  completedAt: turned.completedAt,
  durationSeconds: turned.durationSeconds,
  aiModelUsed: turned.aiModelUsed,
  totalTokensUsed: turned.totalTokensUsed,
  costUsd: turned.costUsd,
  progression: turned.progression,
  asked: turned.asked,
  pending: turned.pending,
  lastSequence: turned.lastSequence,
  lastActivityAt: turned.lastActivityAt,
});
