import type { Phase } from './levels.js';
import { DomainError } from '../shared/domain-error.js';

/** The progressive-assessment rules as numbers; the defaults are the original system's. */
export interface AssessmentThresholds {
  warmup: { minQuestions: number; minMeanConfidence: number; minAccuracy: number };
  standard: { minQuestions: number; minMeanAccuracy: number; proficientOfLastThree: number };
  /** Below either, an answer marks the skill's boundary. */
  boundary: { minConfidence: number; minAccuracy: number };
  /** Reaching a phase's cap forces the next phase; in advanced it ends the interview. */
  caps: Record<Phase, number>;
  completion: { maxQuestions: number; minQuestions: number; minSkillsMapped: number };
}

export const DEFAULT_THRESHOLDS: AssessmentThresholds = Object.freeze({
  warmup: Object.freeze({ minQuestions: 2, minMeanConfidence: 0.7, minAccuracy: 0.6 }),
  standard: Object.freeze({ minQuestions: 4, minMeanAccuracy: 0.8, proficientOfLastThree: 2 }),
  boundary: Object.freeze({ minConfidence: 0.5, minAccuracy: 0.5 }),
  caps: Object.freeze({ warmup: 5, standard: 12, advanced: 8 }),
  completion: Object.freeze({ maxQuestions: 20, minQuestions: 12, minSkillsMapped: 2 }),
}) as AssessmentThresholds;

export class InvalidThresholds extends DomainError {
  constructor(field: string, rule: string) {
    super('assessment.invalid_thresholds', `Assessment threshold ${field} ${rule}`, { field });
  }
}

/** Refuses thresholds that would make an interview never advance or never end. */
export function validateThresholds(t: AssessmentThresholds): AssessmentThresholds {
  const fraction = (field: string, v: number) => {
    if (!(v >= 0 && v <= 1)) throw new InvalidThresholds(field, 'must be between 0 and 1');
  };
  const count = (field: string, v: number, min = 1) => {
    if (!Number.isInteger(v) || v < min) throw new InvalidThresholds(field, `must be a whole number ≥ ${min}`);
  };
  count('warmup.minQuestions', t.warmup.minQuestions);
  fraction('warmup.minMeanConfidence', t.warmup.minMeanConfidence);
  fraction('warmup.minAccuracy', t.warmup.minAccuracy);
  count('standard.minQuestions', t.standard.minQuestions);
  fraction('standard.minMeanAccuracy', t.standard.minMeanAccuracy);
  count('standard.proficientOfLastThree', t.standard.proficientOfLastThree, 0);
  if (t.standard.proficientOfLastThree > 3) throw new InvalidThresholds('standard.proficientOfLastThree', 'must be at most 3');
  fraction('boundary.minConfidence', t.boundary.minConfidence);
  fraction('boundary.minAccuracy', t.boundary.minAccuracy);
  for (const phase of ['warmup', 'standard', 'advanced'] as const) count(`caps.${phase}`, t.caps[phase]);
  if (t.caps.warmup < t.warmup.minQuestions) throw new InvalidThresholds('caps.warmup', 'must be ≥ warmup.minQuestions');
  if (t.caps.standard < t.standard.minQuestions) throw new InvalidThresholds('caps.standard', 'must be ≥ standard.minQuestions');
  count('completion.maxQuestions', t.completion.maxQuestions);
  count('completion.minQuestions', t.completion.minQuestions);
  count('completion.minSkillsMapped', t.completion.minSkillsMapped, 0);
  if (t.completion.minQuestions > t.completion.maxQuestions) {
    throw new InvalidThresholds('completion.minQuestions', 'must be ≤ completion.maxQuestions');
  }
  return t;
}
