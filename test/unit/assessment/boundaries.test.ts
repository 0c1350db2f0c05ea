import { expect } from 'chai';
import {
  type BoundaryEvidence, type BoundaryLevel, boundaryLevels, boundarySkills, classifyAnswer, DEFAULT_THRESHOLDS as T,
  isMapped, mappedSkills, type Phase, quoteOf, type SkillBoundary, summariseBoundaries, updateBoundary,
} from '../../../src/domain/assessment/index.js';

const ev = (questionNumber: number, classification: BoundaryLevel, phase: Phase = 'standard', quote = `quote ${questionNumber}`): BoundaryEvidence =>
  ({ questionNumber, phase, classification, quote });

const build = (...evidence: BoundaryEvidence[]): SkillBoundary =>
  evidence.reduce<SkillBoundary | undefined>((b, e) => updateBoundary(b, e), undefined)!;

describe('skill boundaries', () => {
  describe('classifying one answer (confidence, accuracy)', () => {
    const rows: Array<[number, number, BoundaryLevel]> = [
      [0.8, 0.8, 'expert'], [1, 1, 'expert'], [0.81, 0.95, 'expert'],
      [0.79, 0.9, 'proficient'], [0.9, 0.79, 'proficient'], [0.7, 0.7, 'proficient'], [0.71, 0.75, 'proficient'],
      [0.69, 0.9, 'intermediate'], [0.9, 0.69, 'intermediate'], [0.5, 0.5, 'intermediate'], [0.51, 0.6, 'intermediate'],
      [0.49, 0.9, 'boundary_reached'], [0.9, 0.49, 'boundary_reached'], [0, 0, 'boundary_reached'],
      [(0.7 + 0.7 + 0.7) / 3, 0.7, 'proficient'], // 0.6999999999999998: float noise must not cost a level
    ];
    for (const [c, a, expected] of rows) {
      it(`classifies confidence ${c} and accuracy ${a} as ${expected}`, () => expect(classifyAnswer(c, a, T)).to.equal(expected));
    }

    it('follows configured bands', () => {
      const strict = { ...T, boundary: { minConfidence: 0.6, minAccuracy: 0.6 }, levels: { expert: 0.9, proficient: 0.75 } };
      expect([classifyAnswer(0.55, 0.9, strict), classifyAnswer(0.8, 0.8, strict), classifyAnswer(0.9, 0.9, strict)])
        .to.deep.equal(['boundary_reached', 'proficient', 'expert']);
    });
  });

  describe('updating a skill', () => {
    it('keeps the best level shown and marks where the skill ran out', () => {
      const b = build(ev(1, 'intermediate', 'warmup'), ev(2, 'proficient'), ev(3, 'boundary_reached', 'advanced'), ev(4, 'intermediate', 'advanced'));
      expect(b).to.include({ level: 'proficient', boundaryReached: true, boundaryPhase: 'advanced', answers: 4 });
      expect(b.evidence.map((e) => e.questionNumber)).to.deep.equal([1, 2, 3, 4]);
    });

    it('leaves a skill at novice when its first answer is past the boundary', () => {
      expect(build(ev(1, 'boundary_reached'))).to.include({ level: 'novice', boundaryReached: true, boundaryPhase: 'standard' });
    });

    it('keeps the phase of the first boundary while it stands', () => {
      expect(build(ev(1, 'boundary_reached', 'warmup'), ev(2, 'boundary_reached', 'standard'))).to.include({ boundaryPhase: 'warmup' });
    });

    const lifts: Array<[string, BoundaryEvidence[], boolean, Phase | null]> = [
      ['lifts on a proficient answer at the same phase', [ev(1, 'boundary_reached', 'standard'), ev(2, 'proficient', 'standard')], false, null],
      ['lifts on an expert answer at a harder phase', [ev(1, 'boundary_reached', 'standard'), ev(2, 'expert', 'advanced')], false, null],
      ['stands after an intermediate answer', [ev(1, 'boundary_reached', 'standard'), ev(2, 'intermediate', 'advanced')], true, 'standard'],
      ['stands after a proficient answer at an easier phase', [ev(1, 'boundary_reached', 'standard'), ev(2, 'proficient', 'warmup')], true, 'standard'],
      ['is set again by a later boundary, at its phase', [ev(1, 'boundary_reached', 'warmup'), ev(2, 'proficient', 'standard'), ev(3, 'boundary_reached', 'advanced')], true, 'advanced'],
    ];
    for (const [name, evidence, reached, phase] of lifts) {
      it(`the boundary ${name}`, () => {
        const b = build(...evidence);
        expect(b).to.include({ boundaryReached: reached, boundaryPhase: phase });
        expect(b.evidence).to.have.length(evidence.length);
      });
    }

    it('does not modify the skill it is given', () => {
      const before = Object.freeze(build(ev(1, 'proficient')));
      const after = updateBoundary(before, ev(2, 'boundary_reached'));
      expect(before).to.include({ boundaryReached: false, answers: 1 });
      expect(after).to.include({ boundaryReached: true, answers: 2 });
    });
  });

  describe('mapped skills (a standing boundary, or 2+ proficient/expert answers)', () => {
    const rows: Array<[string, BoundaryEvidence[], boolean]> = [
      ['one boundary answer', [ev(1, 'boundary_reached')], true],
      ['one expert answer', [ev(1, 'expert')], false],
      ['two proficient answers', [ev(1, 'proficient'), ev(2, 'proficient')], true],
      ['expert and intermediate', [ev(1, 'expert'), ev(2, 'intermediate')], false],
      ['two intermediate answers', [ev(1, 'intermediate'), ev(2, 'intermediate')], false],
      ['expert, intermediate, proficient', [ev(1, 'expert'), ev(2, 'intermediate'), ev(3, 'proficient')], true],
      ['a lifted boundary with one strong answer', [ev(1, 'boundary_reached'), ev(2, 'proficient')], false],
    ];
    for (const [name, evidence, mapped] of rows) {
      it(`${mapped ? 'maps' : 'does not map'} a skill with ${name}`, () => expect(isMapped(build(...evidence))).to.equal(mapped));
    }
  });

  describe('views of the map', () => {
    const map = {
      react_hooks: build(ev(1, 'expert', 'warmup'), ev(4, 'proficient')),
      testing: build(ev(2, 'intermediate', 'warmup'), ev(5, 'boundary_reached', 'standard', 'I am not sure'), ev(6, 'boundary_reached', 'standard')),
      css: build(ev(3, 'proficient', 'warmup')),
      sql: build(ev(7, 'intermediate', 'advanced')),
    };

    it('shows levels in the one vocabulary and lists boundary and mapped skills', () => {
      expect(boundaryLevels(map)).to.deep.equal({ react_hooks: 'expert', testing: 'boundary_reached', css: 'proficient', sql: 'intermediate' });
      expect(boundarySkills(map)).to.deep.equal(['testing']);
      expect(mappedSkills(map)).to.deep.equal(['react_hooks', 'testing']);
    });

    it('summarises: highest level first, then skills without a boundary, then by name; with where and why', () => {
      const rows = summariseBoundaries(map);
      expect(rows.map((r) => r.skillArea)).to.deep.equal(['react_hooks', 'css', 'sql', 'testing']);
      expect(rows.find((r) => r.skillArea === 'testing')).to.deep.equal({
        skillArea: 'testing', level: 'intermediate', boundaryReached: true, boundaryPhase: 'standard', boundaryQuestion: 5,
        mapped: true, answers: 3, strongAnswers: 0, questions: [2, 5, 6], quote: 'I am not sure',
      });
      expect(rows[0]).to.include({ boundaryQuestion: null, quote: 'quote 1', strongAnswers: 2 });
      expect(summariseBoundaries({})).to.deep.equal([]);
    });

    it('orders names by code unit, independent of locale', () => {
      const one = build(ev(1, 'proficient'));
      expect(summariseBoundaries({ b: one, B: one, a: one }).map((r) => r.skillArea)).to.deep.equal(['B', 'a', 'b']);
    });
  });

  describe('quotes', () => {
    const long = `${'word '.repeat(60)}end`;
    const rows: Array<[string, string, string | ((q: string) => void)]> = [
      ['trims a short answer', '  short answer \n', 'short answer'],
      ['keeps an empty answer empty', '   ', ''],
      ['cuts a long answer at a word, at most 160 characters', long, (q) => {
        expect(q.length).to.be.at.most(160);
        expect(q.endsWith('word')).to.equal(true);
      }],
      ['cuts an answer without spaces at 160', 'x'.repeat(400), (q) => expect(q).to.have.length(160)],
    ];
    for (const [name, answer, expected] of rows) {
      it(`${name}, verbatim`, () => {
        const quote = quoteOf(answer);
        expect(answer).to.contain(quote);
        if (typeof expected === 'string') expect(quote).to.equal(expected);
        else expected(quote);
      });
    }
  });
});
