import { expect } from 'chai';
import {
  type AssessmentReport, buildReport, completionSummary, DEFAULT_THRESHOLDS, displayName, initialProgression, type Phase,
  type Recommendation, recordAnswer, type ReportInput, type ReportTurn, resolveSkillArea,
} from '../../../src/domain/assessment/index.js';
import type { Grade } from '../../../src/ports/answer-grader.js';

const interviewer = { provider: 'offline', model: 'question-bank-v1' };
const grader = { provider: 'offline', model: 'rubric-grader-v1' };

interface Spec {
  skill: string;
  score: number;
  /** Confidence and accuracy (default 0.9 / 0.9: solid, no boundary). */
  c?: number;
  a?: number;
  /** The question's difficulty; defaults to the phase the interview is in. */
  difficulty?: Phase;
  followUp?: boolean;
  evidence?: string[];
  missing?: string[];
  flags?: string[];
  gradeSkill?: string;
}

const at = (skill: string, score: number, more: Omit<Spec, 'skill' | 'score'> = {}): Spec => ({ skill, score, ...more });
const times = (n: number, make: (i: number) => Spec): Spec[] => Array.from({ length: n }, (_, i) => make(i));

/** Runs the specs through the real progression, as the interview does, and returns the report input. */
function transcript(specs: readonly Spec[], window = { startedAt: '2026-01-01T10:00:00.000Z', completedAt: '2026-01-01T10:25:30.000Z' }): ReportInput {
  let progression = initialProgression();
  const turns: ReportTurn[] = specs.map((x, i) => {
    const n = i + 1;
    const answer = `Answer ${n} on ${x.skill}: it works because of a clear reason. A second sentence adds an example.`;
    const grade: Grade = {
      score: x.score, accuracy: x.a ?? 0.9, depth: 0.5, clarity: 0.6, confidence: x.c ?? 0.9,
      level: x.score >= 80 ? 'expert' : x.score >= 60 ? 'proficient' : x.score >= 40 ? 'intermediate' : 'novice',
      skillArea: x.gradeSkill ?? x.skill,
      evidence: x.evidence ?? [`it works because of a clear reason`, 'a sentence the candidate never said'],
      missingPoints: x.missing ?? (x.score < 60 ? [`the key point of ${x.skill}`] : []),
      hesitations: [], flags: x.flags ?? [], reasoning: '', servedBy: grader,
    };
    const difficulty = x.difficulty ?? progression.phase;
    progression = recordAnswer(progression, {
      questionNumber: n, skillArea: resolveSkillArea(grade.skillArea, x.skill), isFollowUp: x.followUp ?? false, difficulty, grade, answer,
    }, DEFAULT_THRESHOLDS).state;
    return { questionNumber: n, question: `Question ${n}?`, skillArea: x.skill, difficulty, isFollowUp: x.followUp ?? false, answer, grade, interviewer };
  });
  return { interview: { id: 'interview-1', roleType: 'react', ...window }, turns, progression };
}

const report = (specs: readonly Spec[]) => buildReport(transcript(specs));

/** A candidate who answers everything well across three skills. */
const STRONG: Spec[] = times(12, (i) => at(['react_hooks', 'state_management', 'testing'][i % 3]!, 88 + (i % 3)));
/** A candidate who struggles throughout. */
const WEAK: Spec[] = times(12, (i) => at(['react_hooks', 'state_management', 'testing'][i % 3]!, 20 + (i % 4) * 5, { c: 0.45, a: 0.4 }));

describe('assessment report', () => {
  describe('overall score', () => {
    const rows: Array<[string, Spec[], number]> = [
      ['is the plain mean within one phase', [at('a', 60, { difficulty: 'standard' }), at('b', 80, { difficulty: 'standard' })], 70],
      ['weights advanced twice warmup: (40×1 + 100×2) / 3', [at('a', 40, { difficulty: 'warmup' }), at('b', 100, { difficulty: 'advanced' })], 80],
      ['weights standard 1.5: (100×1 + 0×1.5) / 2.5', [at('a', 100, { difficulty: 'warmup' }), at('b', 0, { difficulty: 'standard' })], 40],
      ['weights a follow-up half: (90×1.5 + 30×0.75) / 2.25', [at('a', 90, { difficulty: 'standard' }), at('a', 30, { difficulty: 'standard', followUp: true })], 70],
      ['clamps grades outside 0–100', [at('a', 150, { difficulty: 'warmup' }), at('b', -40, { difficulty: 'warmup' })], 50],
      ['rounds to a whole number', [at('a', 33, { difficulty: 'warmup' }), at('b', 34, { difficulty: 'warmup' })], 34],
      ['is 0 with no answers', [], 0],
    ];
    for (const [name, specs, expected] of rows) {
      it(name, () => {
        const r = report(specs);
        expect(r.overallScore).to.equal(expected);
        expect(Number.isInteger(r.overallScore)).to.equal(true);
      });
    }

    it('stays within 0–100 with a level, for strong and weak transcripts alike', () => {
      for (const specs of [STRONG, WEAK]) {
        const r = report(specs);
        expect(r.overallScore).to.be.within(0, 100);
        for (const s of r.skills) expect(s.score).to.be.within(0, 100);
      }
    });
  });

  describe('skills', () => {
    it('scores each skill with a level, its answer count and its boundary, highest first', () => {
      const r = report([at('react_hooks', 90), at('react_hooks', 70), at('testing', 30, { c: 0.4 })]);
      expect(r.skills.map((s) => [s.skillArea, s.displayName, s.score, s.level, s.questions, s.boundary])).to.deep.equal([
        ['react_hooks', 'React Hooks', 80, 'expert', 2, { reached: false, phase: null }],
        ['testing', 'Testing', 30, 'novice', 1, { reached: true, phase: 'standard' }],
      ]);
    });

    it('keeps only evidence that is an exact substring of the answers', () => {
      const input = transcript([at('a', 80), at('a', 70, { evidence: ['A second sentence adds an example.', 'invented'] }), at('b', 60)]);
      const r = buildReport(input);
      const evidence = r.skills.flatMap((s) => s.evidence);
      expect(evidence).to.include('A second sentence adds an example.');
      expect(evidence).not.to.include('invented').and.not.to.include('a sentence the candidate never said');
      for (const skill of r.skills) {
        const answers = input.turns.filter((t) => t.skillArea === skill.skillArea).map((t) => t.answer);
        for (const quote of skill.evidence) expect(answers.some((a) => a.includes(quote)), quote).to.equal(true);
        expect(skill.evidence.length).to.be.within(1, 3);
      }
    });

    it('falls back to the opening of the best answer when no grader evidence is real', () => {
      const r = report([at('a', 50, { evidence: ['not there'] }), at('a', 70, { evidence: [' ', ''] })]);
      expect(r.skills[0]!.evidence).to.deep.equal(['Answer 2 on a: it works because of a clear reason. A second sentence adds an example.']);
    });

    it('credits each answer to the skill the progression recorded (the grade’s), so scores and boundaries agree', () => {
      const r = report([at('react_fundamentals', 20, { gradeSkill: 'React Hooks', c: 0.3 }), at('react_fundamentals', 90, { gradeSkill: 'general' })]);
      expect(r.skills.map((s) => s.skillArea).sort()).to.deep.equal(['react_fundamentals', 'react_hooks']);
      expect(r.skills.find((s) => s.skillArea === 'react_hooks')!.boundary).to.deep.equal({ reached: true, phase: 'warmup' });
      expect(Object.keys(r.skillBoundaryMap).sort()).to.deep.equal(['react_fundamentals', 'react_hooks']);
    });
  });

  describe('strengths and growth areas', () => {
    it('names strengths (≥ 70) with specifics and growth areas (< 60 or at a boundary) with suggestions, each skill once', () => {
      const r = report([
        at('react_hooks', 92), at('testing', 30, { missing: ['mocking the network', 'test isolation'] }), at('css', 65),
        at('sql', 75, { c: 0.4, difficulty: 'warmup', missing: [] }), at('docker', 50, { c: 0.4, difficulty: 'advanced', missing: [] }),
      ]);
      expect(r.strengths.map((s) => s.skillArea)).to.deep.equal(['react_hooks', 'sql']);
      expect(r.strengths[0]!.title).to.equal('Expert React Hooks');
      expect(r.strengths[0]!.detail).to.equal('92/100 over 1 answer, up to warmup questions. For example: "it works because of a clear reason"');
      // A strength whose limit was found says so, and is not listed again as a growth area.
      expect(r.strengths[1]!.detail).to.contain('the limit was found at warmup level');
      expect(r.growthAreas.map((g) => g.skillArea)).to.deep.equal(['testing', 'docker']);
      expect(r.growthAreas[0]).to.deep.equal({
        skillArea: 'testing', displayName: 'Testing', suggestion: 'Review Testing. Points your answers missed: mocking the network; test isolation.',
      });
      expect(r.growthAreas[1]!.suggestion).to.match(/^Deepen Docker: .*Your answers ran out at advanced level: start there\.$/);
    });

    it('says to start at the limit when some answer in the skill went beyond novice level, and with the fundamentals when none did', () => {
      const r = report([
        at('a', 90), at('b', 90), at('testing', 75, { difficulty: 'standard' }), at('testing', 20, { c: 0.4, difficulty: 'standard' }),
        at('docker', 10, { c: 0.2, difficulty: 'standard' }),
      ]);
      const advice = Object.fromEntries(r.growthAreas.map((g) => [g.skillArea, g.suggestion]));
      expect(advice.testing).to.match(/Your answers ran out at standard level: start there\.$/);
      expect(advice.docker).to.match(/Your answers ran out at standard level, all at novice level: start with the fundamentals\.$/);
    });

    it('takes what to review from the answer where the limit was found first, then from the weakest', () => {
      const r = report([
        at('testing', 55, { c: 0.75, a: 0.75, missing: ['naming tests'] }), at('testing', 35, { c: 0.6, a: 0.6, missing: ['test isolation'] }),
        at('testing', 20, { c: 0.4, missing: ['mocking the network'] }), at('testing', 10, { c: 0.6, a: 0.6, missing: ['flaky tests'] }),
      ]);
      expect(r.skillBoundaryMap.testing).to.include({ boundaryReached: true });
      expect(r.growthAreas[0]!.suggestion).to.match(/^Review Testing\. Points your answers missed: mocking the network; flaky tests\./);
    });

    it('marks an example cut from its answer mid-sentence, and quotes the best answer', () => {
      const long = `${'Hooks let a function component keep state between renders and run effects after '.repeat(2)}the commit phase.`;
      const input = transcript([at('react_hooks', 95, { evidence: [] }), at('react_hooks', 85, { evidence: [] })]);
      const turns = input.turns.map((t, i) => (i === 1 ? { ...t, answer: long } : t));
      const r = buildReport({ ...input, turns });
      // No grader evidence: the best answer's opening (the first, 95), not cut.
      expect(r.strengths[0]!.detail).to.match(/For example: "Answer 1 on react_hooks: it works because of a clear reason\. A second sentence adds an example\."$/);
      const cut = buildReport({ ...input, turns: turns.map((t, i) => ({ ...t, grade: { ...t.grade, score: i === 1 ? 99 : 80 } })) });
      expect(cut.strengths[0]!.detail).to.match(/For example: "Hooks let a function component [^"]* effects after…"$/);
    });

    it('never leaves growth areas empty, and lists the same ones as the completion payload: a stretch goal when every skill did well', () => {
      const strong = report([at('react_hooks', 95), at('testing', 85)]);
      expect(strong.growthAreas).to.deep.equal([{
        skillArea: 'testing', displayName: 'Testing', suggestion: 'Stretch Testing further: take on advanced edge cases, architecture and trade-off questions.',
      }]);
      for (const r of [strong, report([]), report([at('a', 20, { c: 0.3 }), at('b', 90)])]) {
        expect(completionSummary(r).growthAreas).to.deep.equal(r.growthAreas.slice(0, 3));
      }
    });

    it('lists at most 5 of each', () => {
      const many = report([...times(7, (i) => at(`strong_${i}`, 90)), ...times(7, (i) => at(`weak_${i}`, 20))]);
      expect(many.strengths).to.have.length(5);
      expect(many.growthAreas).to.have.length(5);
    });
  });

  describe('recommendation', () => {
    // Same score everywhere makes the overall score that score; two solid warmup answers reach standard,
    // and four standard ones make the six answers an advance needs.
    const inStandard = (score: number, more: Spec[] = []) =>
      [at('a', score), at('b', score), ...times(4, (i) => at('abc'[i % 3]!, score, { difficulty: 'standard' })), ...more];
    const rows: Array<[string, Spec[], Recommendation, Phase]> = [
      ['declines at 44 in standard', inStandard(44), 'decline', 'standard'],
      ['holds at 45 in standard', inStandard(45), 'hold', 'standard'],
      ['holds at 69 in standard', inStandard(69), 'hold', 'standard'],
      ['advances at 70 in standard', inStandard(70), 'advance', 'standard'],
      ['declines at 54 still in warmup', [at('a', 54, { c: 0.6, a: 0.6 })], 'decline', 'warmup'],
      ['holds at 55 still in warmup', [at('a', 55, { c: 0.6, a: 0.6 })], 'hold', 'warmup'],
      ['holds at 90 still in warmup', [at('a', 90)], 'hold', 'warmup'],
      ['holds at 80 with a boundary found in warmup',
        [at('x', 80, { c: 0.4 }), at('a', 80), at('b', 80), at('c', 80)], 'hold', 'standard'],
      ['advances at 80 with a boundary in 1 of 3 skills, found in standard',
        [at('a', 80), at('b', 80), at('a', 80), at('b', 80), at('a', 80), at('c', 80, { c: 0.4 })], 'advance', 'standard'],
      ['holds at 80 with boundaries in 2 of 3 skills',
        [at('a', 80), at('a', 80), at('a', 80), at('a', 80), at('b', 80, { c: 0.4 }), at('c', 80, { c: 0.4 })], 'hold', 'standard'],
      ['holds at 100 on five answers reaching standard (too few to advance on)', times(5, (i) => at('abc'[i % 3]!, 100)), 'hold', 'standard'],
      ['holds at 100 on two warmup answers, though the interview moved on to standard', [at('a', 100), at('b', 100)], 'hold', 'warmup'],
    ];
    for (const [name, specs, decision, phase] of rows) {
      it(name, () => {
        const r = report(specs);
        expect(r.phaseReached).to.equal(phase);
        expect(r.recommendation.decision).to.equal(decision);
        expect(r.recommendation.reasoning).to.contain(`${r.overallScore}/100`).and.contain(phase);
      });
    }

    it('says which criteria an advance met, and claims no consistency the answers may not have', () => {
      // 70 overall from a mix of strong and weak answers, one skill limit found in standard.
      const r = report([at('a', 95), at('b', 95), at('a', 95), at('b', 95), at('a', 95), at('c', 20, { c: 0.4 })]);
      expect(r.recommendation.decision).to.equal('advance');
      expect(r.recommendation.reasoning).to.contain('Every advance criterion is met')
        .and.contain('at least 70').and.contain('standard phase or later').and.contain('at least 6 answers').and.contain('no skill ran out in warmup')
        .and.contain('at most half the skills');
      expect(r.recommendation.reasoning).to.not.match(/consistently/i);
    });

    it('says why a short interview is held: too few answers, and no standard question answered', () => {
      const two = report([at('a', 100), at('b', 100)]);
      // The progression moved on to standard after two solid warmup answers; no standard question was answered.
      expect(two.phaseReached).to.equal('warmup');
      expect(two.recommendation.reasoning).to.contain('reaching the warmup phase')
        .and.contain('the standard phase was not reached').and.contain('2 answers are too few to advance on (at least 6)');
    });

    it('says "1 answer is too few" of a one-answer interview', () => {
      const one = report([at('a', 100)]);
      expect(one.recommendation.decision).to.equal('hold');
      expect(one.recommendation.reasoning).to.contain('over 1 answer,').and.contain('1 answer is too few to advance on (at least 6)');
    });

    it('says how many answers were at novice level when it declines on the score, not that most were', () => {
      // Six expert answers and six novice ones (the original said "most answers were at novice level").
      const mixed = report([...Array.from({ length: 6 }, () => at('a', 90)), ...Array.from({ length: 6 }, () => at('b', 10))]);
      expect(mixed.recommendation.decision).to.equal('decline');
      expect(mixed.recommendation.reasoning).to.contain('; 6 of 12 answers were at novice level.').and.not.contain('most');
      const weak = report([...Array.from({ length: 3 }, () => at('a', 70)), ...Array.from({ length: 9 }, () => at('b', 20))]);
      expect(weak.recommendation.decision).to.equal('decline');
      expect(weak.recommendation.reasoning).to.contain('The score is below 45; 9 of 12 answers were at novice level.');
    });

    it('declines an empty transcript', () => {
      expect(report([]).recommendation).to.deep.equal({ decision: 'decline', reasoning: 'No questions were answered, so there is no evidence of skill.' });
    });
  });

  describe('strong and weak transcripts', () => {
    it('ranks the strong candidate above the weak one on every measure', () => {
      const strong = report(STRONG);
      const weak = report(WEAK);
      expect(strong.overallScore).to.be.greaterThan(weak.overallScore + 40);
      expect(strong.phaseReached).to.equal('advanced');
      expect(weak.phaseReached).to.equal('standard');
      expect(strong.recommendation.decision).to.equal('advance');
      expect(weak.recommendation.decision).to.equal('decline');
      expect(strong.strengths.length).to.be.greaterThan(weak.strengths.length);
      expect(strong.growthAreas.length).to.be.lessThan(weak.growthAreas.length);
    });
  });

  describe('bookkeeping', () => {
    it('is deterministic: the same input, even cloned or with turns shuffled, gives a deep-equal report', () => {
      const input = transcript(STRONG);
      const first = buildReport(input);
      expect(buildReport(structuredClone(input))).to.deep.equal(first);
      expect(buildReport({ ...input, turns: [...input.turns].reverse() })).to.deep.equal(first);
      expect(JSON.parse(JSON.stringify(first))).to.deep.equal(first);
    });

    it('does not share state with its input', () => {
      const input = transcript([at('a', 80)]);
      const r = buildReport(input);
      r.skillBoundaryMap.a!.answers = 99;
      expect(input.progression.boundaries.a!.answers).to.equal(1);
    });

    const durations: Array<[string, string, string, number]> = [
      ['25 min 30 s', '2026-01-01T10:00:00.000Z', '2026-01-01T10:25:30.000Z', 1530],
      ['rounded to the second', '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:01.600Z', 2],
      ['never negative', '2026-01-01T10:00:00.000Z', '2026-01-01T09:00:00.000Z', 0],
      ['0 for an unreadable date', 'not a date', '2026-01-01T10:00:00.000Z', 0],
    ];
    for (const [name, startedAt, completedAt, seconds] of durations) {
      it(`measures the duration: ${name}`, () => {
        expect(buildReport(transcript([at('a', 50)], { startedAt, completedAt })).durationSeconds).to.equal(seconds);
      });
    }

    it('counts answers, names who asked and graded each, and lists grader flags', () => {
      const r = report([at('a', 50), at('b', 5, { flags: ['gibberish'] }), at('c', 70)]);
      expect(r).to.include({ interviewId: 'interview-1', roleType: 'react', questionsAnswered: 3 });
      expect(r.providers).to.deep.equal([1, 2, 3].map((questionNumber) => ({ questionNumber, interviewer, grader })));
      expect(r.flags).to.deep.equal([{ questionNumber: 2, flags: ['gibberish'] }]);
    });

    it('handles an empty transcript', () => {
      const r = report([]);
      expect(r).to.deep.include({
        overallScore: 0, overallLevel: 'novice', phaseReached: 'warmup', questionsAnswered: 0, durationSeconds: 1530,
        skills: [], skillBoundaryMap: {}, strengths: [], growthAreas: [{ skillArea: 'general', displayName: 'General', suggestion: 'Complete a full interview so your skills can be assessed.' }], providers: [], flags: [],
      });
    });
  });

  describe('completion summary', () => {
    const full: AssessmentReport = report([
      at('a', 30), at('b', 90), at('c', 65), at('d', 20), at('e', 10), at('f', 15), at('g', 45), at('h', 85),
    ]);

    it('lists skill assessments expert first, down to novice', () => {
      const levels = completionSummary(full).skillAssessments.map((s) => s.proficiencyLevel);
      expect(levels).to.deep.equal(['expert', 'expert', 'proficient', 'intermediate', 'novice', 'novice', 'novice', 'novice']);
      expect(completionSummary(full).skillAssessments[0]).to.deep.equal({ skillArea: 'b', proficiencyLevel: 'expert', displayName: 'B' });
    });

    it('gives at most 3 highlights, ending with participation, and at most 3 growth areas', () => {
      const s = completionSummary(full);
      expect(s.highlights).to.have.length(3);
      expect(s.highlights.map((h) => h.skillArea)).to.deep.equal(['b', 'h', null]);
      expect(s.highlights[2]!.title).to.equal('Active participation');
      expect(s.growthAreas.map((g) => g.skillArea)).to.deep.equal(['e', 'f', 'd']);
    });

    it('never leaves growth areas empty: a stretch goal for a strong candidate, a full interview for an empty one', () => {
      const strong = completionSummary(report(STRONG));
      expect(strong.growthAreas).to.have.length(1);
      expect(strong.growthAreas[0]!.suggestion).to.match(/^Stretch /);
      const empty = completionSummary(report([]));
      expect(empty.growthAreas).to.deep.equal([{ skillArea: 'general', displayName: 'General', suggestion: 'Complete a full interview so your skills can be assessed.' }]);
      expect(empty.highlights).to.deep.equal([{ title: 'Thanks for participating', description: 'No question was answered, so there is no feedback on your skills yet.', skillArea: null }]);
      expect(empty.skillAssessments).to.deep.equal([]);
    });

    it('counts the skills the boundary map places, limit found or not (the replaced system counted its skill → level map)', () => {
      const r = report([at('a', 20, { c: 0.3 }), at('b', 20, { a: 0.3 }), at('c', 80), at('c', 85)]);
      expect(Object.values(r.skillBoundaryMap).filter((b) => b.boundaryReached)).to.have.length(2);
      expect(completionSummary(r).boundariesIdentified).to.equal(3);
      expect(completionSummary(report([])).boundariesIdentified).to.equal(0);
    });
  });

  describe('display names', () => {
    const rows: Array<[string, string]> = [
      ['data_structures', 'Data Structures'], ['async_programming', 'Asynchronous Programming'], ['ci_cd', 'CI/CD'],
      ['some_new_area', 'Some New Area'], ['rest_api_design', 'REST API Design'], ['web_apis', 'Web APIs'],
      ['sql-query-tuning', 'SQL Query Tuning'], ['', 'General'], ['  React_Hooks ', 'React Hooks'],
      ['javascript_fundamentals', 'JavaScript Fundamentals'], ['typescript_basics', 'TypeScript Basics'], ['dom', 'DOM'],
      ['infrastructure_as_code', 'Infrastructure as Code'], ['as_code', 'As Code'],
    ];
    for (const [skill, name] of rows) it(`shows ${JSON.stringify(skill)} as ${name}`, () => expect(displayName(skill)).to.equal(name));
  });
});
