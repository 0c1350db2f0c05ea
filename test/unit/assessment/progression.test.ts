import { expect } from 'chai';
import {
  type AnswerInput, type AnswerOutcome, AnswerOutOfOrder, type AssessmentThresholds, boundaryDetections, completionDecision,
  DEFAULT_THRESHOLDS as T, initialProgression, InvalidProgression, type Phase, PHASES, type ProgressionState,
  readProgression, recordAnswer, resolveSkillArea, type SkillLevel, totalQuestionsEstimate,
} from '../../../src/domain/assessment/index.js';

/** One scripted answer: confidence, accuracy, and optionally the grader's level, skill and follow-up flag. */
interface Scripted { c: number; a: number; level?: SkillLevel; skill?: string; followUp?: boolean; hesitations?: string[] }

const s = (c: number, a: number, more: Omit<Scripted, 'c' | 'a'> = {}): Scripted => ({ c, a, ...more });
const times = (n: number, make: (i: number) => Scripted): Scripted[] => Array.from({ length: n }, (_, i) => make(i));

const STRONG = s(0.9, 0.9, { level: 'expert' });
const WEAK = s(0.4, 0.4, { level: 'novice' });
const MIDDLING = s(0.6, 0.6, { level: 'intermediate' });
/** Two strong warmup answers: the state is in standard from question 3. */
const TO_STANDARD = [STRONG, STRONG];
/** Then four strong standard answers: in advanced from question 7. */
const TO_ADVANCED = [...TO_STANDARD, STRONG, STRONG, STRONG, STRONG];

const with_ = (patch: Partial<{ [K in keyof AssessmentThresholds]: Partial<AssessmentThresholds[K]> }>): AssessmentThresholds => ({
  warmup: { ...T.warmup, ...patch.warmup }, standard: { ...T.standard, ...patch.standard },
  boundary: { ...T.boundary, ...patch.boundary }, levels: { ...T.levels, ...patch.levels },
  caps: { ...T.caps, ...patch.caps }, completion: { ...T.completion, ...patch.completion },
});

function input(n: number, x: Scripted, index: number): AnswerInput {
  return {
    questionNumber: n,
    skillArea: x.skill ?? `skill_${index + 1}`,
    isFollowUp: x.followUp ?? false,
    answer: `  Answer number ${n}: because of reasons.  `,
    grade: {
      score: Math.round(x.a * 100), accuracy: x.a, confidence: x.c, depth: 0.5, level: x.level ?? 'proficient',
      ...(x.hesitations ? { hesitations: x.hesitations } : {}),
    },
  };
}

function deepFreeze<V>(v: V): V {
  if (typeof v === 'object' && v !== null) {
    Object.values(v).forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
}

/** Feeds the answers in order (question numbers 1, 2, …) on frozen states; returns every outcome. */
function play(answers: readonly Scripted[], t: AssessmentThresholds = T, start: ProgressionState = initialProgression()) {
  let state = deepFreeze(start);
  const outcomes: AnswerOutcome[] = [];
  answers.forEach((x, i) => {
    const outcome = recordAnswer(state, input(state.responses.length + 1, x, i), t);
    outcomes.push(outcome);
    state = deepFreeze(outcome.state);
  });
  const last = outcomes[outcomes.length - 1]!;
  return { state, outcomes, last };
}

describe('progressive assessment: progression', () => {
  describe('initial state', () => {
    it('starts in warmup with a seeded phase history and nothing recorded', () => {
      expect(initialProgression()).to.deep.equal({
        phase: 'warmup',
        phaseHistory: [{ phase: 'warmup', startedAtQuestion: 1, questionsCount: 0 }],
        responses: [], skillsExplored: [], boundaries: {},
      });
    });

    it('gives a fresh object each time', () => {
      const a = initialProgression();
      a.skillsExplored.push('x');
      expect(initialProgression().skillsExplored).to.deep.equal([]);
    });
  });

  describe('one question counted per answer', () => {
    it('counts every answer once, follow-ups included, in the phase it was given in', () => {
      const { state, outcomes } = play([MIDDLING, { ...MIDDLING, followUp: true }, STRONG, { ...STRONG, followUp: true }, STRONG]);
      expect(state.responses.map((r) => r.questionNumber)).to.deep.equal([1, 2, 3, 4, 5]);
      expect(state.responses.map((r) => r.isFollowUp)).to.deep.equal([false, true, false, true, false]);
      expect(state.phaseHistory.reduce((n, e) => n + e.questionsCount, 0)).to.equal(5);
      outcomes.forEach((o, i) => expect(o.state.responses).to.have.length(i + 1));
    });

    const misordered: Array<[string, number]> = [['the same question twice', 2], ['an earlier question', 1], ['question 0', 0], ['a fractional number', 2.5]];
    for (const [name, n] of misordered) {
      it(`refuses ${name} with AnswerOutOfOrder, leaving the state untouched`, () => {
        const { state } = play([MIDDLING, MIDDLING]);
        expect(() => recordAnswer(state, input(n, MIDDLING, 0), T)).to.throw(AnswerOutOfOrder);
        expect(state.responses).to.have.length(2);
      });
    }

    it('accepts a gap in question numbers (a question skipped by the caller)', () => {
      const { state } = play([MIDDLING]);
      expect(recordAnswer(state, input(5, MIDDLING, 1), T).state.responses.map((r) => r.questionNumber)).to.deep.equal([1, 5]);
    });
  });

  describe('warmup → standard (min 2 answers, mean confidence ≥ 0.7, no accuracy < 0.6, cap 5)', () => {
    const rows: Array<[string, Scripted[], Phase, boolean?, AssessmentThresholds?]> = [
      ['stays after one strong answer (below the minimum of 2)', [STRONG], 'warmup'],
      ['advances at 2 answers with mean confidence exactly 0.7', [s(0.7, 0.9), s(0.7, 0.9)], 'standard', false],
      ['advances at mean confidence 0.7 from 0.6 and 0.8', [s(0.6, 0.9), s(0.8, 0.9)], 'standard', false],
      ['stays at mean confidence just below (0.69)', [s(0.69, 0.9), s(0.69, 0.9)], 'warmup'],
      ['advances at mean confidence just above (0.71)', [s(0.71, 0.9), s(0.71, 0.9)], 'standard', false],
      ['stays with one accuracy just below 0.6', [s(0.9, 0.9), s(0.9, 0.59)], 'warmup'],
      ['advances with an accuracy exactly 0.6', [s(0.9, 0.6), s(0.9, 0.9)], 'standard', false],
      ['advances with accuracies just above 0.6', [s(0.9, 0.61), s(0.9, 0.61)], 'standard', false],
      ['stays while an early inaccurate answer stands (4 answers)', [s(0.9, 0.55), STRONG, STRONG, STRONG], 'warmup'],
      ['is forced on by that answer at the cap of 5', [s(0.9, 0.55), STRONG, STRONG, STRONG, STRONG], 'standard', true],
      ['stays at 4 weak answers (one below the cap)', times(4, () => WEAK), 'warmup'],
      ['is forced on at 5 weak answers (the cap)', times(5, () => WEAK), 'standard', true],
      ['counts 0.7 + 0.7 + 0.7 over 3 as 0.7 despite float error', times(3, () => s(0.7, 0.9)), 'standard', false, with_({ warmup: { minQuestions: 3 } })],
      ['counts 0.6, 0.7, 0.8 as a mean of 0.7', [s(0.6, 0.9), s(0.7, 0.9), s(0.8, 0.9)], 'standard', false, with_({ warmup: { minQuestions: 3 } })],
    ];
    for (const [name, answers, phase, forced, t] of rows) {
      it(name, () => {
        const { last } = play(answers, t);
        expect(last.state.phase).to.equal(phase);
        if (forced === undefined) expect(last.phaseChanged).to.equal(undefined);
        else expect(last.phaseChanged).to.deep.equal({ from: 'warmup', to: 'standard', forced });
      });
    }

    it('decides on the state including the current answer: the answer meeting the rule moves the phase', () => {
      const { outcomes } = play([STRONG, STRONG]);
      expect(outcomes[0]!.state.phase).to.equal('warmup');
      expect(outcomes[1]!.state.phase).to.equal('standard');
      expect(outcomes[1]!.state.responses[1]!.phase).to.equal('warmup');
    });

    it('records the new phase as starting at the next question', () => {
      expect(play(TO_STANDARD).state.phaseHistory).to.deep.equal([
        { phase: 'warmup', startedAtQuestion: 1, questionsCount: 2 },
        { phase: 'standard', startedAtQuestion: 3, questionsCount: 0 },
      ]);
    });
  });

  describe('standard → advanced (min 4, mean accuracy ≥ 0.8, 2 of last 3 proficient/expert, no boundary in last 3, cap 12)', () => {
    const P = (a: number, level: SkillLevel = 'proficient', c = 0.9) => s(c, a, { level });
    const rows: Array<[string, Scripted[], Phase, boolean?]> = [
      ['advances after 4 strong answers', [P(0.9), P(0.9), P(0.9), P(0.9)], 'advanced', false],
      ['stays after 3 strong answers (below the minimum of 4)', [P(0.9), P(0.9), P(0.9)], 'standard'],
      ['stays at mean accuracy just below 0.8 (0.79)', times(4, () => P(0.79)), 'standard'],
      ['advances at mean accuracy exactly 0.8', times(4, () => P(0.8)), 'advanced', false],
      ['advances at mean accuracy 0.8 from 0.75, 0.85, 0.8, 0.8', [P(0.75), P(0.85), P(0.8), P(0.8)], 'advanced', false],
      ['advances at mean accuracy just above (0.81)', times(4, () => P(0.81)), 'advanced', false],
      ['advances with exactly 2 of the last 3 graded proficient or expert',
        [P(0.9, 'novice'), P(0.9, 'intermediate'), P(0.9, 'proficient'), P(0.9, 'expert')], 'advanced', false],
      ['stays with only 1 of the last 3 graded proficient or expert',
        [P(0.9, 'expert'), P(0.9, 'expert'), P(0.9, 'intermediate'), P(0.9, 'intermediate')], 'standard'],
      ['uses the grader level, not the confidence band, for "proficient"',
        [P(0.9, 'expert', 0.6), P(0.9, 'expert', 0.6), P(0.9, 'expert', 0.6), P(0.9, 'expert', 0.6)], 'advanced', false],
      ['stays with a low-confidence boundary among the last 3', [P(1), P(1), s(0.4, 1, { level: 'proficient' }), P(1)], 'standard'],
      ['stays with a low-accuracy boundary as the latest answer (mean still 0.86)', [P(1), P(1), P(1), P(0.45)], 'standard'],
      ['advances once the boundary is 4 answers back', [s(0.4, 0.95, { level: 'proficient' }), P(0.95), P(0.95), P(0.95)], 'advanced', false],
      ['stays at 11 middling answers (one below the cap)', times(11, () => MIDDLING), 'standard'],
      ['is forced on at 12 middling answers (the cap)', times(12, () => MIDDLING), 'advanced', true],
    ];
    for (const [name, answers, phase, forced] of rows) {
      it(name, () => {
        const { last } = play([...TO_STANDARD, ...answers], with_({ completion: { maxQuestions: 40, minQuestions: 40 } }));
        expect(last.state.phase).to.equal(phase);
        if (forced === undefined) expect(last.phaseChanged).to.equal(undefined);
        else expect(last.phaseChanged).to.deep.equal({ from: 'standard', to: 'advanced', forced });
      });
    }

    it('looks only at standard answers for the mean, not at warmup ones', () => {
      const warmupInaccurate = [s(0.9, 0.6), s(0.9, 0.6)];
      expect(play([...warmupInaccurate, ...times(4, () => s(0.9, 0.8, { level: 'expert' }))]).state.phase).to.equal('advanced');
    });
  });

  describe('phases never regress', () => {
    const rows: Array<[string, Scripted[], Phase]> = [
      ['standard stays standard after weak answers', [...TO_STANDARD, WEAK, WEAK, WEAK, WEAK], 'standard'],
      ['advanced stays advanced after weak answers', [...TO_ADVANCED, WEAK, WEAK, WEAK], 'advanced'],
      ['advanced stays advanced after strong answers (no phase beyond it)', [...TO_ADVANCED, STRONG, STRONG, STRONG], 'advanced'],
    ];
    for (const [name, answers, phase] of rows) {
      it(name, () => {
        const { state, outcomes } = play(answers);
        expect(state.phase).to.equal(phase);
        expect(outcomes.filter((o) => o.phaseChanged).map((o) => o.phaseChanged!.to)).to.deep.equal(PHASES.slice(1, PHASES.indexOf(phase) + 1));
      });
    }

    it('holds its invariants over 200 pseudo-random interviews', () => {
      let seed = 12345;
      const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const levels: SkillLevel[] = ['novice', 'intermediate', 'proficient', 'expert'];
      for (let run = 0; run < 200; run++) {
        let state = initialProgression();
        for (let n = 1; n <= 30; n++) {
          const x = s(Math.round(next() * 100) / 100, Math.round(next() * 100) / 100, {
            level: levels[Math.floor(next() * 4)]!, skill: `s${Math.floor(next() * 5)}`, followUp: next() < 0.2,
          });
          const outcome = recordAnswer(state, input(n, x, n), T);
          expect(PHASES.indexOf(outcome.state.phase)).to.be.at.least(PHASES.indexOf(state.phase));
          expect(outcome.state.responses).to.have.length(n);
          expect(outcome.state.phaseHistory.reduce((k, e) => k + e.questionsCount, 0)).to.equal(n);
          expect(outcome.state.phaseHistory.map((e) => e.phase)).to.deep.equal(PHASES.slice(0, outcome.state.phaseHistory.length));
          expect(outcome.state.phaseHistory.at(-1)!.phase).to.equal(outcome.state.phase);
          expect(JSON.parse(JSON.stringify(outcome.state))).to.deep.equal(outcome.state);
          state = outcome.state;
          if (outcome.complete) {
            expect(n).to.be.at.most(T.completion.maxQuestions);
            break;
          }
          expect(n).to.be.below(T.completion.maxQuestions);
        }
      }
    });
  });

  describe('completion (20; or ≥ 12 with 2 skills mapped; or ≥ 12 with an answer in every phase; advanced cap)', () => {
    // Boundary answers in two skills map both; unique skills with one answer each map nothing.
    const twoBoundaries = (n: number) => times(n, (i) => s(0.3, 0.3, { level: 'novice', skill: i % 2 ? 'a' : 'b' }));
    const nothingMapped = (n: number) => times(n, (i) => s(0.6, 0.6, { level: 'intermediate', skill: `u${i}` }));
    const wide = with_({ caps: { standard: 30 } });
    const rows: Array<[string, Scripted[], boolean, string | undefined, AssessmentThresholds?]> = [
      ['not at 11 answers with 2 skills mapped', twoBoundaries(11), false, undefined],
      ['at 12 answers with 2 skills mapped', twoBoundaries(12), true, 'skills_mapped'],
      ['not at 12 answers with 1 skill mapped and 2 phases seen', times(12, () => s(0.3, 0.3, { skill: 'a' })), false, undefined],
      ['at 12 with 2 skills mapped by two proficient answers each', [...TO_STANDARD, ...times(10, (i) => s(0.9, 0.75, { level: 'intermediate', skill: i < 2 ? 'p' : i < 4 ? 'q' : `u${i}` }))], true, 'skills_mapped'],
      ['not at 12 when a skill has one proficient and one intermediate answer',
        [...TO_STANDARD, ...times(10, (i) => s(0.9, i < 2 && i % 2 ? 0.6 : 0.75, { level: 'intermediate', skill: i < 2 ? 'p' : `u${i}` }))], false, undefined],
      ['not at 19 with nothing mapped and 2 phases seen', nothingMapped(19), false, undefined, wide],
      ['at 20 whatever happened', nothingMapped(20), true, 'max_questions', wide],
      ['at 12 with an answer in every phase and nothing mapped', [...TO_ADVANCED, ...times(6, (i) => s(0.9, 0.9, { skill: `v${i}` }))].map((x, i) => ({ ...x, skill: `w${i}` })), true, 'all_phases_seen'],
      ['not at 11 with an answer in every phase', [...TO_ADVANCED, ...times(5, () => STRONG)].map((x, i) => ({ ...x, skill: `w${i}` })), false, undefined],
      ['at the advanced cap (3 here) before question 12', [...TO_ADVANCED, STRONG, STRONG, STRONG].map((x, i) => ({ ...x, skill: `w${i}` })), true, 'advanced_cap', with_({ caps: { advanced: 3 } })],
    ];
    for (const [name, answers, complete, reason, t] of rows) {
      it(`completes ${name}`, () => {
        const { last } = play(answers, t);
        expect(last.state.responses).to.have.length(answers.length);
        expect(last.complete).to.equal(complete);
        expect(last.completionReason).to.equal(reason);
      });
    }

    it('does not complete at 12 when advanced was only entered (no advanced answer yet), but at 13', () => {
      const t = with_({ caps: { standard: 10 } });
      const answers = [...TO_STANDARD, ...nothingMapped(10), s(0.6, 0.6, { skill: 'last' })];
      const { outcomes } = play(answers, t);
      expect(outcomes[11]!.phaseChanged).to.deep.equal({ from: 'standard', to: 'advanced', forced: true });
      expect(outcomes[11]!.complete).to.equal(false);
      expect(outcomes[12]).to.include({ complete: true, completionReason: 'all_phases_seen' });
    });

    it('reports completion consistently with completionDecision', () => {
      const { last } = play(twoBoundaries(12));
      expect(completionDecision(last.state, T)).to.equal(last.completionReason);
    });
  });

  describe('boundaries and skills', () => {
    it('credits the grade skill area, normalised, and lists skills explored in first-seen order, once', () => {
      const { state } = play([s(0.9, 0.9, { skill: 'React Hooks' }), s(0.9, 0.9, { skill: 'state-management' }), s(0.9, 0.9, { skill: 'react_hooks' })]);
      expect(state.skillsExplored).to.deep.equal(['react_hooks', 'state_management']);
      expect(state.boundaries.react_hooks!.answers).to.equal(2);
    });

    const resolved: Array<[string | undefined, string, string]> = [
      ['react_hooks', 'react_fundamentals', 'react_hooks'], ['general', 'react_fundamentals', 'react_fundamentals'],
      ['', 'react_fundamentals', 'react_fundamentals'], [undefined, 'Web APIs', 'web_apis'], ['  ', '', 'general'],
    ];
    for (const [grade, question, expected] of resolved) {
      it(`resolves the skill of grade ${JSON.stringify(grade)} / question ${JSON.stringify(question)} to ${expected}`, () => {
        expect(resolveSkillArea(grade, question)).to.equal(expected);
      });
    }

    it('reports a boundary detection with its evidence when an answer falls below the boundary', () => {
      const { outcomes, state } = play([STRONG, s(0.42, 0.61, { skill: 'testing', hesitations: ['I think', 'maybe', 'not sure', 'perhaps'] })]);
      expect(outcomes[0]!.boundary).to.equal(undefined);
      const b = outcomes[1]!.boundary!;
      expect(b).to.deep.include({ skill: 'testing', questionNumber: 2, phase: 'warmup', confidence: 0.42, accuracy: 0.61, hesitations: ['I think', 'maybe', 'not sure'] });
      expect(b.quote).to.equal('Answer number 2: because of reasons.');
      expect(b.evidence).to.equal('Confidence 0.42, accuracy 0.61; hesitations: I think, maybe, not sure; answer: "Answer number 2: because of reasons."');
      expect(outcomes[1]!.classification).to.equal('boundary_reached');
      expect(boundaryDetections(state)).to.deep.equal([b]);
      expect(state.boundaries.testing).to.include({ boundaryReached: true, boundaryPhase: 'warmup', level: 'novice' });
    });

    it('places a skill\'s limit at the difficulty of the question that showed it, which can be above the interview\'s phase', () => {
      // In standard, a role out of standard questions is asked advanced ones: running out there is an advanced limit.
      const { state } = play(TO_STANDARD);
      const harder = recordAnswer(state, { ...input(3, WEAK, 2), skillArea: 'kubernetes', difficulty: 'advanced' }, T);
      expect(harder.state.phase).to.equal('standard');
      expect(harder.state.responses[2]!.phase).to.equal('standard');
      expect(harder.boundary).to.include({ skill: 'kubernetes', phase: 'advanced' });
      expect(harder.state.boundaries.kubernetes).to.include({ boundaryReached: true, boundaryPhase: 'advanced' });
      // Without the question's difficulty the interview's phase stands in.
      const unknown = recordAnswer(state, { ...input(3, WEAK, 2), skillArea: 'kubernetes' }, T);
      expect(unknown.state.boundaries.kubernetes).to.include({ boundaryPhase: 'standard' });
    });

    it('clamps out-of-range grade numbers instead of storing them', () => {
      const { state } = play([{ ...s(1.4, -0.2), level: 'expert' }]);
      expect(state.responses[0]).to.include({ confidence: 1, accuracy: 0, score: 0, classification: 'boundary_reached' });
    });
  });

  describe('total questions estimate', () => {
    const rows: Array<[string, Scripted[], number, AssessmentThresholds?]> = [
      ['15 before any answer', [], 15],
      ['15 in warmup', [MIDDLING], 15],
      ['15 in standard', TO_STANDARD, 15],
      ['14 once in advanced from question 7 (its cap of 8 ends it there)', TO_ADVANCED, 14],
      ['18 once in advanced with room for more', TO_ADVANCED, 18, with_({ caps: { advanced: 20 } })],
      ['12 once two skills are mapped (completion comes at 12)', [...TO_STANDARD, ...times(4, (i) => s(0.9, 0.9, { level: 'expert', skill: i % 2 ? 'a' : 'b' }))], 12, with_({ standard: { minQuestions: 10 } })],
      ['the next question number once past 15 (17 answered → 18)', times(17, () => MIDDLING), 18, with_({ caps: { standard: 30 } })],
      ['the hard maximum at 19 answered (never 21)', times(19, () => MIDDLING), 20, with_({ caps: { standard: 30 } })],
      ['the number answered once complete (12)', times(12, (i) => s(0.3, 0.3, { skill: i % 2 ? 'a' : 'b' })), 12],
      ['at most a lower configured maximum (10)', [MIDDLING], 10, with_({ completion: { maxQuestions: 10, minQuestions: 8 } })],
    ];
    for (const [name, answers, expected, t] of rows) {
      it(`is ${name}`, () => {
        const state = answers.length > 0 ? play(answers, t).state : initialProgression();
        expect(totalQuestionsEstimate(state, t ?? T)).to.equal(expected);
      });
    }

    it('never decreases and never falls below the next question while nothing shows an earlier end', () => {
      const t = with_({ caps: { standard: 30 } });
      const { outcomes } = play(times(20, () => MIDDLING), t);
      let previous = 0;
      for (const [i, o] of outcomes.entries()) {
        if (o.complete) break;
        const estimate = totalQuestionsEstimate(o.state, t);
        expect(estimate).to.be.at.least(previous).and.at.least(i + 2);
        previous = estimate;
      }
    });
  });

  describe('reading stored state', () => {
    it('reads missing state as a fresh interview', () => {
      expect(readProgression(undefined)).to.deep.equal(initialProgression());
      expect(readProgression(null)).to.deep.equal(initialProgression());
    });

    it('round-trips a state through JSON unchanged', () => {
      const { state } = play([...TO_ADVANCED, WEAK, s(0.9, 0.9, { skill: 'React Hooks', hesitations: ['um'] })]);
      expect(readProgression(JSON.parse(JSON.stringify(state)))).to.deep.equal(state);
    });

    it('rebuilds an empty phase history (the original /start defect) from the answers', () => {
      const { state } = play(TO_ADVANCED);
      const read = readProgression({ ...state, phaseHistory: [] });
      expect(read.phaseHistory).to.deep.equal([
        { phase: 'warmup', startedAtQuestion: 1, questionsCount: 2 },
        { phase: 'standard', startedAtQuestion: 3, questionsCount: 4 },
        { phase: 'advanced', startedAtQuestion: 7, questionsCount: 0 },
      ]);
      expect(readProgression({ phase: 'warmup', phaseHistory: [] }).phaseHistory).to.deep.equal(initialProgression().phaseHistory);
    });

    it('rebuilds missing skills and boundaries from the answers', () => {
      const { state } = play([STRONG, s(0.3, 0.3, { skill: 'skill_1' })]);
      const read = readProgression({ phase: state.phase, phaseHistory: state.phaseHistory, responses: state.responses });
      expect(read.skillsExplored).to.deep.equal(['skill_1']);
      expect(read.boundaries.skill_1).to.include({ boundaryReached: true, answers: 2, level: 'expert' });
    });

    const bad: Array<[string, unknown]> = [
      ['a string', 'warmup'], ['an unknown phase', { phase: 'expert' }], ['responses that are not a list', { responses: {} }],
      ['a response without a number', { responses: [{ phase: 'warmup', skillArea: 'a', score: 1, accuracy: 1, confidence: 1 }] }],
      ['responses out of order', { responses: [2, 1].map((n) => ({ questionNumber: n, phase: 'warmup', skillArea: 'a', score: 1, accuracy: 1, confidence: 1 })) }],
      ['a phase behind its answers', { phase: 'warmup', responses: [{ questionNumber: 1, phase: 'standard', skillArea: 'a', score: 1, accuracy: 1, confidence: 1 }] }],
      ['a history not ending in the current phase', { phase: 'standard', phaseHistory: [{ phase: 'warmup', startedAtQuestion: 1, questionsCount: 0 }] }],
      ['a malformed boundary', { boundaries: { a: { level: 'guru' } } }],
    ];
    for (const [name, raw] of bad) {
      it(`refuses ${name} with InvalidProgression`, () => expect(() => readProgression(raw)).to.throw(InvalidProgression));
    }
  });
});
