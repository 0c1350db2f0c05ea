import { expect } from 'chai';
import {
  type AssessmentThresholds, DEFAULT_THRESHOLDS, InvalidThresholds, validateThresholds,
} from '../../../src/domain/assessment/index.js';

type Patch = { [K in keyof AssessmentThresholds]?: Partial<AssessmentThresholds[K]> };
const patched = (p: Patch): AssessmentThresholds => ({
  warmup: { ...DEFAULT_THRESHOLDS.warmup, ...p.warmup }, standard: { ...DEFAULT_THRESHOLDS.standard, ...p.standard },
  boundary: { ...DEFAULT_THRESHOLDS.boundary, ...p.boundary }, levels: { ...DEFAULT_THRESHOLDS.levels, ...p.levels },
  caps: { ...DEFAULT_THRESHOLDS.caps, ...p.caps }, completion: { ...DEFAULT_THRESHOLDS.completion, ...p.completion },
});

describe('assessment thresholds', () => {
  it('defaults to the original system numbers', () => {
    expect(DEFAULT_THRESHOLDS).to.deep.equal({
      warmup: { minQuestions: 2, minMeanConfidence: 0.7, minAccuracy: 0.6 },
      standard: { minQuestions: 4, minMeanAccuracy: 0.8, proficientOfLastThree: 2 },
      boundary: { minConfidence: 0.5, minAccuracy: 0.5 },
      levels: { expert: 0.8, proficient: 0.7 },
      caps: { warmup: 5, standard: 12, advanced: 8 },
      completion: { maxQuestions: 20, minQuestions: 12, minSkillsMapped: 2 },
    });
  });

  it('accepts the defaults and returns them unchanged', () => {
    expect(validateThresholds(DEFAULT_THRESHOLDS)).to.equal(DEFAULT_THRESHOLDS);
  });

  it('is frozen all the way down', () => {
    expect(Object.isFrozen(DEFAULT_THRESHOLDS)).to.equal(true);
    for (const group of Object.values(DEFAULT_THRESHOLDS)) expect(Object.isFrozen(group)).to.equal(true);
    expect(() => { (DEFAULT_THRESHOLDS.warmup as { minQuestions: number }).minQuestions = 9; }).to.throw(TypeError);
  });

  const accepted: Array<[string, Patch]> = [
    ['fractions at 0 and 1', { warmup: { minMeanConfidence: 1, minAccuracy: 0 } }],
    ['no proficient answers required', { standard: { proficientOfLastThree: 0 } }],
    ['all 3 of the last 3 required', { standard: { proficientOfLastThree: 3 } }],
    ['a cap equal to its minimum', { caps: { warmup: 2, standard: 4 } }],
    ['completion minimum equal to the maximum', { completion: { minQuestions: 20 } }],
    ['no mapped skills required', { completion: { minSkillsMapped: 0 } }],
    ['equal bands', { boundary: { minConfidence: 0.7, minAccuracy: 0.7 }, levels: { proficient: 0.7, expert: 0.7 } }],
  ];
  for (const [name, patch] of accepted) {
    it(`accepts ${name}`, () => expect(() => validateThresholds(patched(patch))).not.to.throw());
  }

  const refused: Array<[string, Patch, string, RegExp]> = [
    ['a fraction above 1', { warmup: { minMeanConfidence: 1.2 } }, 'warmup.minMeanConfidence', /between 0 and 1/],
    ['a negative fraction', { warmup: { minAccuracy: -0.1 } }, 'warmup.minAccuracy', /between 0 and 1/],
    ['NaN', { standard: { minMeanAccuracy: Number.NaN } }, 'standard.minMeanAccuracy', /between 0 and 1/],
    ['a zero minimum', { standard: { minQuestions: 0 } }, 'standard.minQuestions', /whole number ≥ 1/],
    ['a fractional count', { warmup: { minQuestions: 2.5 } }, 'warmup.minQuestions', /whole number/],
    ['more than 3 of the last 3', { standard: { proficientOfLastThree: 4 } }, 'standard.proficientOfLastThree', /≤/],
    ['a boundary above the proficient band', { boundary: { minConfidence: 0.75 } }, 'boundary.minConfidence', /≤ levels.proficient/],
    ['a proficient band above expert', { levels: { proficient: 0.85 } }, 'levels.proficient', /≤ levels.expert/],
    ['a zero cap', { caps: { advanced: 0 } }, 'caps.advanced', /whole number ≥ 1/],
    ['a warmup cap below its minimum', { caps: { warmup: 1 } }, 'caps.warmup', /≥ warmup.minQuestions/],
    ['a standard cap below its minimum', { caps: { standard: 3 } }, 'caps.standard', /≥ standard.minQuestions/],
    ['a zero maximum', { completion: { maxQuestions: 0 } }, 'completion.maxQuestions', /whole number ≥ 1/],
    ['completion minimum above the maximum', { completion: { minQuestions: 30 } }, 'completion.minQuestions', /≤ completion.maxQuestions/],
    ['negative mapped skills', { completion: { minSkillsMapped: -1 } }, 'completion.minSkillsMapped', /whole number ≥ 0/],
  ];
  for (const [name, patch, field, message] of refused) {
    it(`refuses ${name}, naming ${field}`, () => {
      try {
        validateThresholds(patched(patch));
        expect.fail('validateThresholds accepted it');
      } catch (error) {
        expect(error).to.be.instanceOf(InvalidThresholds);
        const e = error as InvalidThresholds;
        expect(e.code).to.equal('assessment.invalid_thresholds');
        expect(e.details).to.deep.equal({ field });
        expect(e.message).to.contain(field).and.match(message);
      }
    });
  }

  it('refuses a missing group, naming it', () => {
    const { levels: _levels, ...rest } = DEFAULT_THRESHOLDS;
    expect(() => validateThresholds(rest as AssessmentThresholds)).to.throw(InvalidThresholds, /levels must be an object/);
    expect(() => validateThresholds(null as unknown as AssessmentThresholds)).to.throw(InvalidThresholds);
  });
});
