import { DomainError } from '../shared/domain-error.js';
import { PHASES, type Phase } from './levels.js';

/** The progressive-assessment rules as numbers; the defaults are the original system's. */
export interface AssessmentThresholds {
  /** Warmup → standard: enough answers, assured on average, none clearly wrong. */
  warmup: { minQuestions: number; minMeanConfidence: number; minAccuracy: number };
  /** Standard → advanced: enough answers, accurate on average, mostly solid lately. */
  standard: { minQuestions: number; minMeanAccuracy: number; proficientOfLastThree: number };
  /** Below either, an answer marks the skill's boundary (`boundary_reached`). */
  boundary: { minConfidence: number; minAccuracy: number };
  /**
   * Confidence and accuracy both at or above these classify an answer as expert / proficient
   * (the original's "comfortable" 0.8 and "proficient" 0.7 bands, in the one vocabulary).
   */
  levels: { expert: number; proficient: number };
  /** Reaching a phase's cap forces the next phase; in advanced it ends the interview. */
  caps: Record<Phase, number>;
  /**
   * Complete at maxQuestions answers, or from minQuestions answers on once minSkillsMapped skills
   * are mapped or every phase has been answered in.
   */
  completion: { maxQuestions: number; minQuestions: number; minSkillsMapped: number };
}

export const DEFAULT_THRESHOLDS: AssessmentThresholds = Object.freeze({
  warmup: Object.freeze({ minQuestions: 2, minMeanConfidence: 0.7, minAccuracy: 0.6 }),
  standard: Object.freeze({ minQuestions: 4, minMeanAccuracy: 0.8, proficientOfLastThree: 2 }),
  boundary: Object.freeze({ minConfidence: 0.5, minAccuracy: 0.5 }),
  levels: Object.freeze({ expert: 0.8, proficient: 0.7 }),
  caps: Object.freeze({ warmup: 5, standard: 12, advanced: 8 }),
  completion: Object.freeze({ maxQuestions: 20, minQuestions: 12, minSkillsMapped: 2 }),
}) as AssessmentThresholds;

export class InvalidThresholds extends DomainError {
  constructor(readonly field: string, rule: string) {
    super('assessment.invalid_thresholds', `Assessment threshold ${field} ${rule}`, { field });
  }
}

const GROUPS = ['warmup', 'standard', 'boundary', 'levels', 'caps', 'completion'] as const;

/**
 * Refuses thresholds that are malformed or would make the rules contradict themselves (a cap below
 * its phase's minimum, a proficient band under the boundary…). Returns its argument unchanged.
 * Throws InvalidThresholds naming the first offending field.
 */
export function validateThresholds(t: AssessmentThresholds): AssessmentThresholds {
  if (typeof t !== 'object' || t === null) throw new InvalidThresholds('thresholds', 'must be an object');
  for (const group of GROUPS) {
    if (typeof t[group] !== 'object' || t[group] === null) throw new InvalidThresholds(group, 'must be an object');
  }
  const fraction = (field: string, v: number) => {
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new InvalidThresholds(field, 'must be between 0 and 1');
  };
  const count = (field: string, v: number, min = 1) => {
    if (!Number.isInteger(v) || v < min) throw new InvalidThresholds(field, `must be a whole number ≥ ${min}`);
  };
  const atMost = (field: string, v: number, limitField: string, limit: number) => {
    if (v > limit) throw new InvalidThresholds(field, `must be ≤ ${limitField} (${limit})`);
  };

  count('warmup.minQuestions', t.warmup.minQuestions);
  fraction('warmup.minMeanConfidence', t.warmup.minMeanConfidence);
  fraction('warmup.minAccuracy', t.warmup.minAccuracy);

  count('standard.minQuestions', t.standard.minQuestions);
  fraction('standard.minMeanAccuracy', t.standard.minMeanAccuracy);
  count('standard.proficientOfLastThree', t.standard.proficientOfLastThree, 0);
  atMost('standard.proficientOfLastThree', t.standard.proficientOfLastThree, 'the 3 answers it looks at', 3);

  fraction('boundary.minConfidence', t.boundary.minConfidence);
  fraction('boundary.minAccuracy', t.boundary.minAccuracy);
  fraction('levels.proficient', t.levels.proficient);
  fraction('levels.expert', t.levels.expert);
  // Bands must nest, or a level could never be given (or be given to an answer past the boundary).
  atMost('boundary.minConfidence', t.boundary.minConfidence, 'levels.proficient', t.levels.proficient);
  atMost('boundary.minAccuracy', t.boundary.minAccuracy, 'levels.proficient', t.levels.proficient);
  atMost('levels.proficient', t.levels.proficient, 'levels.expert', t.levels.expert);

  for (const phase of PHASES) count(`caps.${phase}`, t.caps[phase]);
  // A cap below the phase minimum would force every candidate on before the rules could apply.
  if (t.caps.warmup < t.warmup.minQuestions) throw new InvalidThresholds('caps.warmup', 'must be ≥ warmup.minQuestions');
  if (t.caps.standard < t.standard.minQuestions) throw new InvalidThresholds('caps.standard', 'must be ≥ standard.minQuestions');

  count('completion.maxQuestions', t.completion.maxQuestions);
  count('completion.minQuestions', t.completion.minQuestions);
  count('completion.minSkillsMapped', t.completion.minSkillsMapped, 0);
  atMost('completion.minQuestions', t.completion.minQuestions, 'completion.maxQuestions', t.completion.maxQuestions);
  return t;
}
