import { expect } from 'chai';
import {
  boundaryLevels, boundarySkills, DEFAULT_THRESHOLDS, InvalidThresholds, isMapped, quoteOf, updateBoundary, validateThresholds,
} from '../../../src/domain/assessment/index.js';

describe('skill boundaries', () => {
  const ev = (n: number, classification: 'expert' | 'proficient' | 'intermediate' | 'boundary_reached', phase: 'warmup' | 'standard' | 'advanced' = 'standard') =>
    ({ questionNumber: n, phase, classification, quote: `q${n}` });

  it('keeps the best level shown and marks where the skill ran out', () => {
    let b = updateBoundary(undefined, ev(1, 'intermediate', 'warmup'));
    b = updateBoundary(b, ev(2, 'proficient'));
    b = updateBoundary(b, ev(3, 'boundary_reached', 'advanced'));
    b = updateBoundary(b, ev(4, 'intermediate', 'advanced'));
    expect(b).to.include({ level: 'proficient', boundaryReached: true, boundaryPhase: 'advanced', answers: 4 });
    expect(b.evidence.map((e) => e.questionNumber)).to.deep.equal([1, 2, 3, 4]);
  });

  it('leaves a skill at novice when its first answer is past the boundary', () => {
    expect(updateBoundary(undefined, ev(1, 'boundary_reached'))).to.include({ level: 'novice', boundaryReached: true });
  });

  it('counts a skill as mapped at a boundary or after two proficient answers', () => {
    expect(isMapped(updateBoundary(undefined, ev(1, 'boundary_reached')))).to.equal(true);
    expect(isMapped(updateBoundary(undefined, ev(1, 'expert')))).to.equal(false);
    expect(isMapped(updateBoundary(updateBoundary(undefined, ev(1, 'expert')), ev(2, 'intermediate')))).to.equal(true);
    expect(isMapped(updateBoundary(updateBoundary(undefined, ev(1, 'intermediate')), ev(2, 'intermediate')))).to.equal(false);
  });

  it('shows the map in the one vocabulary and lists boundary skills', () => {
    const map = { a: updateBoundary(undefined, ev(1, 'expert')), b: updateBoundary(undefined, ev(2, 'boundary_reached')) };
    expect(boundaryLevels(map)).to.deep.equal({ a: 'expert', b: 'boundary_reached' });
    expect(boundarySkills(map)).to.deep.equal(['b']);
  });

  it('quotes the opening of an answer verbatim', () => {
    const long = `${'word '.repeat(60)}end`;
    const quote = quoteOf(long);
    expect(long).to.contain(quote);
    expect(quote.length).to.be.at.most(160);
    expect(quoteOf('  short answer ')).to.equal('short answer');
  });
});

describe('assessment thresholds', () => {
  it('accepts the defaults (the original system numbers)', () => {
    expect(validateThresholds(DEFAULT_THRESHOLDS)).to.equal(DEFAULT_THRESHOLDS);
    expect(DEFAULT_THRESHOLDS.warmup).to.deep.equal({ minQuestions: 2, minMeanConfidence: 0.7, minAccuracy: 0.6 });
    expect(DEFAULT_THRESHOLDS.caps).to.deep.equal({ warmup: 5, standard: 12, advanced: 8 });
    expect(DEFAULT_THRESHOLDS.completion).to.deep.equal({ maxQuestions: 20, minQuestions: 12, minSkillsMapped: 2 });
  });

  const bad: Array<[string, object, RegExp]> = [
    ['a fraction above 1', { warmup: { ...DEFAULT_THRESHOLDS.warmup, minMeanConfidence: 1.2 } }, /warmup.minMeanConfidence must be between 0 and 1/],
    ['a zero minimum', { standard: { ...DEFAULT_THRESHOLDS.standard, minQuestions: 0 } }, /standard.minQuestions must be a whole number/],
    ['a cap below the minimum', { caps: { ...DEFAULT_THRESHOLDS.caps, warmup: 1 } }, /caps.warmup must be ≥ warmup.minQuestions/],
    ['completion min above max', { completion: { ...DEFAULT_THRESHOLDS.completion, minQuestions: 30 } }, /completion.minQuestions must be ≤/],
  ];
  for (const [name, patch, message] of bad) {
    it(`refuses ${name}, naming the field`, () => {
      expect(() => validateThresholds({ ...DEFAULT_THRESHOLDS, ...patch })).to.throw(InvalidThresholds, message);
    });
  }
});
