import type { Phase, SkillLevel } from '../domain/assessment/levels.js';
import type { AiCallOptions, ServedBy, TokenUsage } from './provider-served.js';
import { token } from './token.js';

export interface AskedQuestion {
  /** Stable id of a bank question, when the question came from one. */
  questionId?: string;
  text: string;
  skillArea: string;
  difficulty: Phase;
  isFollowUp: boolean;
  /** Present once the candidate answered. */
  answer?: string;
  score?: number;
  level?: SkillLevel;
  missingPoints?: readonly string[];
}

export interface QuestionRequest {
  /** Stable per interview: the same request always yields the same question. */
  interviewId: string;
  roleType: string;
  phase: Phase;
  history: readonly AskedQuestion[];
  skillsExplored: readonly string[];
  /** Skill areas where the candidate's skill ran out: avoid going deeper there. */
  boundarySkills: readonly string[];
  /** Skills claimed on the candidate's resume, normalised lower-case. */
  resumeSkills?: readonly string[];
  job?: { title: string; description?: string; requiredSkills: readonly string[] };
}

export interface InterviewQuestion {
  questionId?: string;
  text: string;
  skillArea: string;
  difficulty: Phase;
  isFollowUp: boolean;
  referenceAnswer?: string;
  keyPoints: string[];
  servedBy: ServedBy;
  /** Tokens the vendor billed for this result; absent for providers that bill nothing. */
  usage?: TokenUsage;
}

/**
 * Chooses the next interview question.
 * Contract: the question matches the requested phase; a question already in history is never
 * asked again; a partial last answer may get a follow-up (isFollowUp) on its missing points;
 * keyPoints or referenceAnswer is always present so the answer can be graded.
 */
export interface Interviewer {
  nextQuestion(request: QuestionRequest, options?: AiCallOptions): Promise<InterviewQuestion>;
  /** Role types this interviewer can run interviews for. */
  supportedRoles(): readonly string[];
}
export const Interviewer = token<Interviewer>('Interviewer');
