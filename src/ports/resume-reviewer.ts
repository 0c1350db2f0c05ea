import type { ParsedResume } from '../domain/resumes/parsed-resume.js';
import type { AiCallOptions, ServedBy, TokenUsage } from './provider-served.js';
import { token } from './token.js';

export interface ResumeReviewRequest {
  text: string;
  parsed: ParsedResume;
  /** A role id or spelling ("react", "Node.js", "data engineering"); fullstack when absent or unknown. */
  targetRole?: string;
}

/** Points per criterion, out of 25 / 25 / 20 / 15 / 15. */
export interface ResumeScoreBreakdown {
  clarity: number;
  impact: number;
  technicalDepth: number;
  formatting: number;
  keywords: number;
}

export interface ResumeReview {
  /** 0–100, integer. */
  overallScore: number;
  /** 3–5 each, specific to this resume. */
  strengths: string[];
  weaknesses: string[];
  suggestions: string[];
  /** Keywords the target role expects that the resume never mentions. */
  keywordsMissing: string[];
  /** How the score splits; present when the provider reports it. */
  breakdown?: ResumeScoreBreakdown;
  servedBy: ServedBy;
  /** Tokens the vendor billed for this result; absent for providers that bill nothing. */
  usage?: TokenUsage;
}

/**
 * Reviews a resume like a career coach.
 * Contract: overallScore is an integer in 0..100; strengths, weaknesses and suggestions hold 3–5
 * non-empty items each; a strong resume scores above a thin one; keywordsMissing never lists a
 * skill the resume names; instructions aimed at an AI never raise the score; empty text gets a low
 * score and a valid shape; an aborted signal rejects with an AbortError.
 */
export interface ResumeReviewer {
  review(request: ResumeReviewRequest, options?: AiCallOptions): Promise<ResumeReview>;
}
export const ResumeReviewer = token<ResumeReviewer>('ResumeReviewer');
