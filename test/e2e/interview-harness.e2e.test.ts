import { expect } from 'chai';
import { PHASES } from '../../src/domain/assessment/levels.js';
import {
  type Candidate, clarifying, empty, gibberish, injecting, repeating, runInterview, strong, weak, type InterviewRun,
} from '../support/simulated-candidates.js';
import { registerCandidate, signInStaff, startTestApp, type TestApp } from '../support/test-app.js';

const phaseIndex = (p: string) => PHASES.indexOf(p as (typeof PHASES)[number]);

describe('interviewer harness: simulated candidates run whole interviews over HTTP', function () {
  this.timeout(120_000);
  let t: TestApp;
  const runs: Record<string, InterviewRun> = {};
  let recruiter: string;
  /** Kept apart from runs: half its turns are clarification requests, which are not answers. */
  let asksAgain: InterviewRun;

  before(async () => {
    // Grading on a thread of its own whatever the machine (auto gives none on two cores), so whole interviews run through it.
    t = await startTestApp({ INTERVIEW_STARTS_PER_HOUR: '1000', OFFLINE_GRADER_THREADS: '1' });
    const cast: Array<[string, Candidate, string]> = [
      ['strong', strong, 'react'], ['weak', weak, 'react'], ['empty', empty, 'python'], ['gibberish', gibberish, 'javascript'],
      ['repeating', repeating, 'react'], ['injecting', injecting, 'react'], ['strong-python', strong, 'python'],
      ['weak-python', weak, 'python'],
    ];
    for (const [name, candidate, role] of cast) {
      const { token } = await registerCandidate(t);
      runs[name] = await runInterview(t, token, role, candidate);
    }
    asksAgain = await runInterview(t, (await registerCandidate(t)).token, 'react', clarifying, 45);
    recruiter = (await signInStaff(t, 'recruiter')).token;
  });
  after(async () => t.close());

  it('completes every interview with no error, within the question limits', () => {
    for (const [name, run] of Object.entries(runs)) {
      expect(run.statuses.every((s) => s === 200), name).to.equal(true);
      expect(run.turns, name).to.be.within(12, 20);
      expect(run.results.questions_answered, name).to.equal(run.turns);
    }
  });

  it('never repeats a question within an interview', () => {
    for (const [name, run] of Object.entries(runs)) {
      expect(new Set(run.questions).size, name).to.equal(run.questions.length);
    }
  });

  it('scores strong candidates higher and takes them to a later phase than weak ones', () => {
    for (const [s, w] of [['strong', 'weak'], ['strong-python', 'weak-python']] as const) {
      expect(runs[s]!.results.overall_score).to.be.greaterThan(runs[w]!.results.overall_score + 30);
      expect(phaseIndex(runs[s]!.results.phase_reached)).to.be.greaterThan(phaseIndex(runs[w]!.results.phase_reached));
      expect(runs[s]!.results.recommendation.decision).to.equal('advance');
      expect(runs[w]!.results.recommendation.decision).to.equal('decline');
    }
    expect(runs.strong!.results.phase_reached).to.equal('advanced');
  });

  it('ends empty, gibberish and repeating candidates low, without errors', () => {
    expect(runs.empty!.results.overall_score).to.be.below(10);
    expect(runs.gibberish!.results.overall_score).to.be.below(10);
    expect(runs.repeating!.results.overall_score).to.be.below(40);
    for (const name of ['empty', 'gibberish', 'repeating']) expect(runs[name]!.results.recommendation.decision, name).to.equal('decline');
    expect(runs.gibberish!.results.answer_flags.some((f: { flags: string[] }) => f.flags.includes('gibberish'))).to.equal(true);
  });

  it('gives injected instructions no credit: scores stay low and the attempts are flagged', () => {
    expect(runs.injecting!.results.overall_score).to.be.below(40);
    expect(runs.injecting!.results.overall_score).to.be.at.most(runs.weak!.results.overall_score + 5);
    const flagged = runs.injecting!.results.answer_flags.filter((f: { flags: string[] }) => f.flags.includes('prompt_injection'));
    expect(flagged.length).to.equal(runs.injecting!.turns);
  });

  it('lets a candidate ask to hear every question again without losing anything: nothing counted or graded, the same outcome as strong', () => {
    expect(asksAgain.statuses.every((s) => s === 200)).to.equal(true);
    const answered = asksAgain.results.questions_answered as number;
    expect(answered).to.be.within(12, 20);
    expect(asksAgain.turns).to.equal(2 * answered);
    expect(asksAgain.results.answer_flags).to.deep.equal([]);
    expect(asksAgain.results.providers).to.have.length(answered);
    expect(asksAgain.results.phase_reached).to.equal(runs.strong!.results.phase_reached);
    expect(asksAgain.results.recommendation.decision).to.equal('advance');
    expect(asksAgain.results.overall_score).to.be.at.least(runs.strong!.results.overall_score - 5);
  });

  it('reports per-skill scores and levels, the boundary map, and who served each turn', () => {
    const run = runs.strong!;
    const transcript = run.results.skill_scores as Array<{ evidence: string[]; score: number; level: string }>;
    expect(transcript.length).to.be.greaterThan(1);
    for (const skill of transcript) {
      expect(skill.score).to.be.within(0, 100);
      expect(['novice', 'intermediate', 'proficient', 'expert']).to.include(skill.level);
    }
    expect(run.results.providers).to.have.length(run.turns);
    expect(run.results.providers[0]).to.deep.equal({
      question_number: 1,
      interviewer: { provider: 'offline', model: 'question-bank-v1' },
      grader: { provider: 'offline', model: 'rubric-grader-v1' },
    });
    expect(Object.keys(run.results.skill_boundary_map).length).to.be.greaterThan(1);
  });

  it('quotes evidence that appears verbatim in the candidate answers', async () => {
    for (const name of ['strong', 'strong-python']) {
      const run = runs[name]!;
      const answers: string[] = [];
      // Recruiters may read any candidate's transcript.
      const owner = await t.request('GET', `/api/v1/interviews/${run.interviewId}/transcript`, { token: recruiter });
      for (const m of owner.body.messages) if (m.message_type === 'candidate_response') answers.push(m.content_text);
      const quotes = (run.results.skill_scores as Array<{ evidence: string[] }>).flatMap((s) => s.evidence);
      expect(quotes.length).to.be.greaterThan(0);
      for (const quote of quotes) expect(answers.some((a) => a.includes(quote)), quote).to.equal(true);
    }
  });

});
