import { expect } from 'chai';
import {
  type AnswerInput, classifyAnswer, DEFAULT_THRESHOLDS as T, initialProgression, type ProgressionState, recordAnswer,
  totalQuestionsEstimate,
} from '../../../src/domain/assessment/index.js';

const answer = (n: number, c: number, a: number, skillArea = `skill_${n}`, extra: Partial<AnswerInput> = {}): AnswerInput => ({
  questionNumber: n, skillArea, isFollowUp: false, answer: `answer ${n}`,
  grade: { score: Math.round(a * 100), accuracy: a, confidence: c, depth: 0.5, level: 'proficient' }, ...extra,
});

/** Feeds answers (confidence, accuracy[, skill]) in order and returns the last outcome. */
function run(answers: Array<[number, number, string?]>, start: ProgressionState = initialProgression()) {
  let state = start;
  let outcome = recordAnswer(state, answer(1, 1, 1), T);
  state = start;
  answers.forEach(([c, a, skill], i) => {
    outcome = recordAnswer(state, answer(state.responses.length + 1, c, a, skill ?? `skill_${(i % 3) + 1}`), T);
    state = outcome.state;
  });
  return outcome;
}

describe('progressive assessment: progression rules', () => {
  it('seeds the phase history with warmup', () => {
    expect(initialProgression().phaseHistory).to.deep.equal([{ phase: 'warmup', startedAtQuestion: 1, questionsCount: 0 }]);
  });

  it('counts exactly one question per answer, follow-ups included', () => {
    let state = initialProgression();
    state = recordAnswer(state, answer(1, 0.6, 0.6), T).state;
    state = recordAnswer(state, answer(2, 0.6, 0.6, 'x', { isFollowUp: true }), T).state;
    expect(state.responses).to.have.length(2);
    expect(state.phaseHistory[0]!.questionsCount).to.equal(2);
  });

  const warmup: Array<[string, Array<[number, number]>, string]> = [
    ['stays after one strong answer (min 2)', [[0.9, 0.9]], 'warmup'],
    ['advances after two answers at mean confidence 0.7', [[0.7, 0.7], [0.7, 0.7]], 'standard'],
    ['stays at mean confidence just below 0.7', [[0.69, 0.9], [0.69, 0.9]], 'warmup'],
    ['stays when one accuracy is below 0.6', [[0.9, 0.9], [0.9, 0.59]], 'warmup'],
    ['advances with accuracy exactly 0.6', [[0.9, 0.6], [0.9, 0.9]], 'standard'],
    ['is forced on by the warmup cap of 5', [[0.4, 0.4], [0.4, 0.4], [0.4, 0.4], [0.4, 0.4], [0.4, 0.4]], 'standard'],
    ['is not forced on at 4 weak answers', [[0.4, 0.4], [0.4, 0.4], [0.4, 0.4], [0.4, 0.4]], 'warmup'],
  ];
  for (const [name, answers, phase] of warmup) {
    it(`warmup ${name}`, () => expect(run(answers).state.phase).to.equal(phase));
  }

  const toStandard: Array<[number, number]> = [[0.9, 0.9], [0.9, 0.9]];
  const standard: Array<[string, Array<[number, number]>, string]> = [
    ['advances after 4 strong answers', [[0.9, 0.9], [0.9, 0.9], [0.9, 0.9], [0.9, 0.9]], 'advanced'],
    ['stays after 3 strong answers (min 4)', [[0.9, 0.9], [0.9, 0.9], [0.9, 0.9]], 'standard'],
    ['stays at mean accuracy just below 0.8', [[0.9, 0.79], [0.9, 0.79], [0.9, 0.79], [0.9, 0.79]], 'standard'],
    ['advances at mean accuracy exactly 0.8 with 2 of the last 3 proficient', [[0.9, 0.8], [0.9, 0.8], [0.9, 0.8], [0.9, 0.8]], 'advanced'],
    ['stays when only 1 of the last 3 is proficient or expert', [[0.95, 0.95], [0.95, 0.95], [0.6, 0.95], [0.6, 0.95]], 'standard'],
    ['stays with a boundary among the last 3', [[0.95, 1], [0.95, 1], [0.95, 1], [0.4, 0.9], [0.95, 1]], 'standard'],
    ['is forced on by the standard cap of 12', Array.from({ length: 12 }, () => [0.6, 0.6] as [number, number]), 'advanced'],
  ];
  for (const [name, answers, phase] of standard) {
    it(`standard ${name}`, () => expect(run([...toStandard, ...answers]).state.phase).to.equal(phase));
  }

  it('never goes back to an earlier phase', () => {
    const outcome = run([...toStandard, [0.1, 0.1], [0.1, 0.1], [0.1, 0.1]]);
    expect(outcome.state.phase).to.equal('standard');
    expect(outcome.state.phaseHistory.map((e) => e.phase)).to.deep.equal(['warmup', 'standard']);
  });

  it('records the phase change with the question it starts at', () => {
    const outcome = run(toStandard);
    expect(outcome.phaseChanged).to.deep.equal({ from: 'warmup', to: 'standard', forced: false });
    expect(outcome.state.phaseHistory[1]).to.deep.equal({ phase: 'standard', startedAtQuestion: 3, questionsCount: 0 });
  });

  it('uses the grade skill area and tracks skills explored in order', () => {
    const outcome = run([[0.9, 0.9, 'react_hooks'], [0.9, 0.9, 'state_management'], [0.9, 0.9, 'react_hooks']]);
    expect(outcome.state.skillsExplored).to.deep.equal(['react_hooks', 'state_management']);
    expect(outcome.state.boundaries.react_hooks!.answers).to.equal(2);
  });

  const completion: Array<[string, number, (i: number) => [number, number, string], boolean]> = [
    ['not at 11 answers even with skills mapped', 11, () => [0.3, 0.3, 'a'], false],
    ['at 12 answers with 2 skills mapped', 12, (i) => [0.3, 0.3, i % 2 ? 'a' : 'b'], true],
    ['not at 12 with 1 skill mapped and 2 phases seen', 12, () => [0.6, 0.6, 'a'], false],
    ['not at 16 with nothing mapped and only 2 phases seen', 16, (i) => [0.6, 0.6, `s${i}`], false],
    ['at 20 answers whatever happened', 20, (i) => [0.6, 0.6, `s${i}`], true],
  ];
  for (const [name, count, make, complete] of completion) {
    it(`completes ${name}`, () => {
      const outcome = run(Array.from({ length: count }, (_, i) => make(i)));
      expect(outcome.complete).to.equal(complete);
    });
  }

  it('completes at 12 when all three phases were seen', () => {
    const answers: Array<[number, number, string]> = Array.from({ length: 12 }, (_, i) => [0.95, 0.95, `s${i}`]);
    const outcome = run(answers);
    expect(outcome.state.phaseHistory.map((e) => e.phase)).to.deep.equal(['warmup', 'standard', 'advanced']);
    expect(outcome.complete).to.equal(true);
    expect(outcome.completionReason).to.be.oneOf(['all_phases_seen', 'skills_mapped']);
  });

  it('completes when the advanced cap of 8 is reached', () => {
    const answers: Array<[number, number, string]> = Array.from({ length: 14 }, () => [0.95, 0.95, 'only']);
    const outcome = run(answers);
    expect(outcome.state.phase).to.equal('advanced');
    expect(outcome.complete).to.equal(true);
  });

  const classes: Array<[number, number, string]> = [
    [0.8, 0.8, 'expert'], [0.79, 0.9, 'proficient'], [0.7, 0.7, 'proficient'], [0.69, 0.7, 'intermediate'],
    [0.5, 0.5, 'intermediate'], [0.49, 0.9, 'boundary_reached'], [0.9, 0.49, 'boundary_reached'],
  ];
  for (const [c, a, expected] of classes) {
    it(`classifies confidence ${c} and accuracy ${a} as ${expected}`, () => expect(classifyAnswer(c, a, T)).to.equal(expected));
  }

  it('estimates total questions: 15, 18 in advanced, never below the next question, never above 20', () => {
    expect(totalQuestionsEstimate(initialProgression(), T)).to.equal(15);
    expect(totalQuestionsEstimate({ ...initialProgression(), phase: 'advanced' }, T)).to.equal(18);
    const long = run(Array.from({ length: 17 }, (_, i) => [0.6, 0.6, `s${i}`] as [number, number, string])).state;
    expect(totalQuestionsEstimate(long, T)).to.equal(18);
    const longer = run(Array.from({ length: 19 }, (_, i) => [0.6, 0.6, `s${i}`] as [number, number, string])).state;
    expect(totalQuestionsEstimate(longer, T)).to.equal(20);
  });
});
