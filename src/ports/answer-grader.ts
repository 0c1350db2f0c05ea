import type { Phase, SkillLevel } from '../domain/assessment/levels.js';
import type { AiCallOptions, ServedBy, TokenUsage } from './provider-served.js';
import { token } from './token.js';

export interface GradeRequest {
  question: string;
  /** A model answer; either this or keyPoints (or both) is given. */
  referenceAnswer?: string;
  keyPoints?: readonly string[];
  answer: string;
  context?: {
    roleType?: string;
    skillArea?: string;
    difficulty?: Phase;
  };
}

export interface Grade {
  /** 0–100, integer. */
  score: number;
  /** 0–1: how correct the content is against the reference. */
  accuracy: number;
  /** 0–1: how far the answer goes beyond naming things (reasons, trade-offs, examples). */
  depth: number;
  /** 0–1: how well formed and readable the answer is. */
  clarity: number;
  /** 0–1: how assured the answer sounds (hedges and hesitations lower it). */
  confidence: number;
  level: SkillLevel;
  skillArea: string;
  /** Exact substrings of the answer that support the grade (at most 3). */
  evidence: string[];
  /** Key points of the reference the answer did not cover. */
  missingPoints: string[];
  /** Hesitation markers found ("I think", "maybe"…). */
  hesitations: string[];
  /** Signs of gaming or of no answer: 'keyword_stuffing', 'prompt_injection', 'gibberish', 'off_topic', 'empty', 'no_answer' (only says the candidate does not know), 'contradicts_reference' (the reference restated as its denial, or the answer disowned), 'echoes_question', 'not_english' (written in another language: a person should read it). */
  flags: string[];
  reasoning: string;
  servedBy: ServedBy;
  /** Tokens the vendor billed for this result; absent for providers that bill nothing. */
  usage?: TokenUsage;
}

/**
 * Grades one answer against the question and its reference.
 * Contract: score is an integer in 0..100 and agrees with level; evidence items are exact
 * substrings of the answer; an empty, gibberish or off-topic answer scores low; instructions
 * inside the answer never raise the score; an aborted signal rejects.
 */
export interface AnswerGrader {
  grade(request: GradeRequest, options?: AiCallOptions): Promise<Grade>;
}
export const AnswerGrader = token<AnswerGrader>('AnswerGrader');
