import { expect } from 'chai';
import {
  buildReport, completionSummary, displayName, initialProgression, recordAnswer, DEFAULT_THRESHOLDS, type ReportTurn,
} from '../../../src/domain/assessment/index.js';
import type { Grade } from '../../../src/ports/answer-grader.js';

const served = { provider: 'offline', model: 'test' };

function transcript(scores: Array<[string, number, 'warmup' | 'standard' | 'advanced']>) {
  let state = initialProgression();
  const turns: ReportTurn[] = scores.map(([skill, score, difficulty], i) => {
    const answer = `Answer ${i}: ${skill} works because of reasons. Second sentence here.`;
    const grade: Grade = {
      score, accuracy: score / 100, depth: 0.5, clarity: 0.6, confidence: score >= 50 ? 0.9 : 0.3, level: 'proficient',
      skillArea: skill, evidence: [`Answer ${i}: ${skill} works because of reasons.`, 'not in the answer'], missingPoints: score < 60 ? [`point about ${skill}`] : [],
      hesitations: [], flags: [], reasoning: '', servedBy: served,
    };
    state = recordAnswer(state, { questionNumber: i + 1, skillArea: skill, isFollowUp: false, grade, answer }, DEFAULT_THRESHOLDS).state;
    return { questionNumber: i + 1, question: `Q${i}`, skillArea: skill, difficulty, isFollowUp: false, answer, grade, interviewer: served };
  });
  return {
    interview: { id: 'i-1', roleType: 'react', startedAt: '2026-01-01T10:00:00.000Z', completedAt: '2026-01-01T10:25:30.000Z' },
    turns, progression: state,
  };
}

describe('assessment report', () => {
  it('weights harder phases more in the overall score', () => {
    const r = buildReport(transcript([['a', 40, 'warmup'], ['b', 100, 'advanced']]));
    expect(r.overallScore).to.equal(80);
    expect(r.overallLevel).to.equal('expert');
  });

  it('scores each skill 0–100 with a level and only evidence quoted exactly from answers', () => {
    const input = transcript([['react_hooks', 90, 'standard'], ['react_hooks', 70, 'standard'], ['testing', 30, 'warmup']]);
    const r = buildReport(input);
    const hooks = r.skills.find((s) => s.skillArea === 'react_hooks')!;
    expect(hooks).to.include({ score: 80, level: 'expert', questions: 2, displayName: 'React Hooks' });
    for (const quote of r.skills.flatMap((s) => s.evidence)) {
      expect(input.turns.some((t) => t.answer.includes(quote))).to.equal(true);
    }
    expect(r.skills.flatMap((s) => s.evidence)).not.to.include('not in the answer');
  });

  it('names strengths and growth areas with suggestions from missing points', () => {
    const r = buildReport(transcript([['react_hooks', 90, 'standard'], ['testing', 30, 'warmup']]));
    expect(r.strengths.map((s) => s.skillArea)).to.deep.equal(['react_hooks']);
    expect(r.growthAreas.map((g) => g.skillArea)).to.deep.equal(['testing']);
    expect(r.growthAreas[0]!.suggestion).to.contain('point about testing');
  });

  const recommendations: Array<[string, Array<[string, number, 'warmup' | 'standard' | 'advanced']>, string]> = [
    ['advances a strong candidate past warmup', [['a', 85, 'warmup'], ['b', 85, 'warmup'], ['c', 80, 'standard']], 'advance'],
    ['declines a weak candidate', [['a', 20, 'warmup'], ['b', 30, 'warmup']], 'decline'],
    ['holds mixed evidence', [['a', 60, 'warmup'], ['b', 55, 'standard'], ['c', 70, 'standard']], 'hold'],
  ];
  for (const [name, scores, decision] of recommendations) {
    it(name, () => expect(buildReport(transcript(scores)).recommendation.decision).to.equal(decision));
  }

  it('is deterministic, counts answers and duration, and names the providers of each turn', () => {
    const input = transcript([['a', 50, 'warmup'], ['b', 70, 'warmup']]);
    expect(buildReport(input)).to.deep.equal(buildReport(structuredClone(input)));
    const r = buildReport(input);
    expect(r.questionsAnswered).to.equal(2);
    expect(r.durationSeconds).to.equal(1530);
    expect(r.providers).to.deep.equal([
      { questionNumber: 1, interviewer: served, grader: served }, { questionNumber: 2, interviewer: served, grader: served },
    ]);
  });

  it('handles an empty transcript', () => {
    const r = buildReport({ ...transcript([]), turns: [] });
    expect(r).to.include({ overallScore: 0, questionsAnswered: 0 });
    expect(r.recommendation.decision).to.equal('decline');
  });

  it('summarises for the completion payload, sorted expert first, at most three highlights and growth areas', () => {
    const s = completionSummary(buildReport(transcript([['a', 30, 'warmup'], ['b', 90, 'standard'], ['c', 65, 'standard'], ['d', 20, 'warmup'], ['e', 10, 'warmup'], ['f', 15, 'warmup']])));
    expect(s.skillAssessments[0]!.proficiencyLevel).to.equal('expert');
    expect(s.highlights.length).to.be.within(1, 3);
    expect(s.growthAreas.length).to.equal(3);
    expect(displayName('data_structures')).to.equal('Data Structures');
    expect(displayName('some_new_area')).to.equal('Some New Area');
  });
});
