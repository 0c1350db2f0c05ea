import { expect } from 'chai';
import { QuestionBankInterviewer } from '../../../src/adapters/offline/interviewer.question-bank.js';
import { QUESTION_BANK } from '../../../src/adapters/offline/question-bank/index.js';
import { tagName } from '../../../src/adapters/offline/question-bank/tag-names.js';
import { ROLE_IDS } from '../../../src/adapters/offline/question-bank/types.js';
import { bankQuestionFor } from '../../support/simulated-candidates.js';
import { type Phase, PHASES } from '../../../src/domain/assessment/levels.js';
import type { AskedQuestion, QuestionRequest } from '../../../src/ports/interviewer.js';

const interviewer = new QuestionBankInterviewer();
const base = (over: Partial<QuestionRequest> = {}): QuestionRequest => ({
  interviewId: 'interview-1', roleType: 'react', phase: 'warmup', history: [], skillsExplored: [], boundarySkills: [], ...over,
});
const answered = (q: { questionId?: string; text: string; skillArea: string; difficulty: Phase; isFollowUp: boolean }, score = 80, missing: string[] = []): AskedQuestion =>
  ({ ...q, answer: 'an answer', score, level: score >= 60 ? 'proficient' : 'intermediate', missingPoints: missing });

describe('question-bank interviewer (offline)', () => {
  it('asks a question of the requested role and phase, with key points to grade it', async () => {
    for (const phase of ['warmup', 'standard', 'advanced'] as const) {
      const q = await interviewer.nextQuestion(base({ phase }));
      const source = QUESTION_BANK.find((b) => b.id === q.questionId)!;
      expect(source.role).to.equal('react');
      expect(source.difficulty).to.equal(phase);
      expect(q.keyPoints).to.deep.equal(source.keyPoints);
      expect(q.servedBy).to.deep.equal({ provider: 'offline', model: 'question-bank-v1' });
    }
  });

  it('is deterministic for the same request and varies across interviews', async () => {
    expect(await interviewer.nextQuestion(base())).to.deep.equal(await interviewer.nextQuestion(base()));
    const firsts = new Set<string>();
    for (let i = 0; i < 10; i++) firsts.add((await interviewer.nextQuestion(base({ interviewId: `iv-${i}` }))).text);
    expect(firsts.size).to.be.greaterThan(2);
  });

  for (const role of ROLE_IDS) {
    it(`never repeats a question over a 20-question ${role} interview`, async () => {
      const history: AskedQuestion[] = [];
      const phases: Phase[] = [...Array(5).fill('warmup'), ...Array(9).fill('standard'), ...Array(6).fill('advanced')];
      for (const phase of phases) {
        const q = await interviewer.nextQuestion(base({ roleType: role, phase, history, skillsExplored: history.map((h) => h.skillArea) }));
        expect(history.map((h) => h.text)).not.to.include(q.text);
        // Never easier than the phase (the bank holds enough), and labelled with its own difficulty.
        const source = QUESTION_BANK.find((b) => b.id === q.questionId)!;
        expect(q.difficulty).to.equal(source.difficulty);
        expect(PHASES.indexOf(source.difficulty)).to.be.at.least(PHASES.indexOf(phase));
        history.push(answered(q));
      }
    });
  }

  it('prefers skill areas not explored yet and avoids boundary skills', async () => {
    const all = QUESTION_BANK.filter((q) => q.role === 'react' && q.difficulty === 'standard');
    const areas = [...new Set(all.map((q) => q.skillArea))];
    const explored = areas.slice(0, -1);
    const q = await interviewer.nextQuestion(base({ phase: 'standard', skillsExplored: explored }));
    expect(q.skillArea).to.equal(areas[areas.length - 1]);
    const avoided = await interviewer.nextQuestion(base({ phase: 'standard', boundarySkills: ['react_hooks'], skillsExplored: areas }));
    expect(avoided.skillArea).not.to.equal('react_hooks');
  });

  it('favours skills from the resume and names them', async () => {
    const q = await interviewer.nextQuestion(base({ phase: 'standard', resumeSkills: ['redux'] }));
    const source = QUESTION_BANK.find((b) => b.id === q.questionId)!;
    expect(source.tags).to.include('redux');
    expect(q.text).to.equal(`Your background mentions Redux. ${source.text}`);
  });

  it('matches resume and job skills by the skills taxonomy\'s names, and says where a skill came from', async () => {
    // As the resume parser stores them: multi-word names with spaces, aliases resolved ("Next.js" → "next.js").
    const cases: Array<[string, Phase, string, string]> = [
      ['devops', 'advanced', 'incident management', 'incident management'], ['devops', 'warmup', 'github actions', 'GitHub Actions'],
      ['react', 'advanced', 'next.js', 'Next.js'], ['devops', 'standard', 'hashicorp vault', 'Vault'],
    ];
    for (const [roleType, phase, skill, said] of cases) {
      const q = await interviewer.nextQuestion(base({ roleType, phase, resumeSkills: [skill] }));
      expect(q.text, skill).to.match(new RegExp(`^Your background mentions ${said.replace('.', '\\.')}\\. `));
      expect(bankQuestionFor(q.text), skill).not.to.equal(undefined);
    }
    // A skill only the job asks for is the role's, not the candidate's background (job skills are free text).
    const job = await interviewer.nextQuestion(base({ roleType: 'devops', phase: 'standard', job: { title: 'SRE', requiredSkills: ['Kubernetes'] } }));
    expect(job.text).to.match(/^This role calls for Kubernetes\. /);
  });

  it('never names the role\'s own subject as the background, and names a skill once per interview', async () => {
    // A Python interview with a resume claiming Python and Django: every question is about Python, so Django is the one named.
    const history: AskedQuestion[] = [];
    const leads: string[] = [];
    for (let i = 0; i < 12; i++) {
      const q = await interviewer.nextQuestion(base({ roleType: 'python', phase: 'standard', resumeSkills: ['Python', 'Django'], history }));
      const lead = /^(Your background mentions|This role calls for) .+?\. (?=\S)/.exec(q.text)?.[0];
      if (lead) leads.push(lead);
      history.push(answered(q, 90));
    }
    expect(leads).to.deep.equal(['Your background mentions Django. ']);
    expect(history.filter((h) => QUESTION_BANK.find((b) => b.id === h.questionId)?.tags.includes('django')).length).to.be.above(1);
  });

  it('names every tag of the bank as written in a sentence: products as spelled, concepts in lower case', () => {
    const tags = new Set(QUESTION_BANK.flatMap((q) => q.tags));
    // A tag without a proper name is read as plain lower-case words ("incident management").
    for (const tag of tags) if (tagName(tag) === tag.replace(/-/g, ' ')) expect(tagName(tag), tag).to.match(/^[a-z][a-z0-9 ]*$/);
    expect(['postgresql', 'ci-cd', 'github-actions', 'nextjs', 'javascript', 'concurrency'].map(tagName))
      .to.deep.equal(['PostgreSQL', 'CI/CD', 'GitHub Actions', 'Next.js', 'JavaScript', 'concurrency']);
  });

  it('follows up once on the missing points of a partial answer, and not after a follow-up', async () => {
    const first = await interviewer.nextQuestion(base());
    const partial = answered(first, 50, ['keys give items a stable identity']);
    const follow = await interviewer.nextQuestion(base({ history: [partial] }));
    expect(follow.isFollowUp).to.equal(true);
    expect(follow.skillArea).to.equal(first.skillArea);
    expect(follow.keyPoints).to.deep.equal(['keys give items a stable identity']);
    expect(follow.text).to.contain('keys give items a stable identity');
    const next = await interviewer.nextQuestion(base({ history: [partial, answered(follow, 50, ['still missing'])] }));
    expect(next.isFollowUp).to.equal(false);
    const strongAnswer = await interviewer.nextQuestion(base({ history: [answered(first, 90, ['x'])] }));
    expect(strongAnswer.isFollowUp).to.equal(false);
    // Praise only for an answer about half right or better.
    expect(follow.text).to.match(/^Good start\. One point your answer did not cover: /);
    const weakPartial = await interviewer.nextQuestion(base({ history: [answered(first, 40, ['keys give items a stable identity'])] }));
    expect(weakPartial.text).to.equal("Let's go a little deeper. One point your answer did not cover: keys give items a stable identity. Can you explain it?");
  });

  it('words a follow-up so that any key point reads as written: acronyms keep their case, no point is forced after "how"', async () => {
    for (const q of QUESTION_BANK) {
      const asked = { questionId: q.id, text: q.text, skillArea: q.skillArea, difficulty: q.difficulty, isFollowUp: false };
      for (const missing of [q.keyPoints.slice(0, 1), q.keyPoints.slice(1, 3)]) {
        const follow = await interviewer.nextQuestion(base({ roleType: q.role, phase: q.difficulty, history: [answered(asked, 50, missing)] }));
        expect(follow.isFollowUp, q.id).to.equal(true);
        for (const point of missing) expect(follow.text, q.id).to.contain(point.replace(/\.$/, ''));
        expect(follow.text, q.id).to.match(/^Good start\. .*\?$/);
        expect(follow.text, q.id).to.not.match(/\bhow (how|caused|satisfied|no|[a-z][A-Z])/);
      }
    }
    const two = await interviewer.nextQuestion(base({ roleType: 'system_design', phase: 'advanced', history: [answered(
      { text: 'Explain the CAP theorem.', skillArea: 'distributed_systems', difficulty: 'advanced', isFollowUp: false }, 50,
      ['CP systems refuse or delay', 'AP systems serve possibly stale data'],
    )] }));
    expect(two.text).to.equal(
      'Good start. Two points your answer did not cover: CP systems refuse or delay; and AP systems serve possibly stale data. Can you explain them?',
    );
  });

  const askedAll = (filter: (q: (typeof QUESTION_BANK)[number]) => boolean): AskedQuestion[] => QUESTION_BANK.filter(filter)
    .map((q) => answered({ questionId: q.id, text: q.text, skillArea: q.skillArea, difficulty: q.difficulty, isFollowUp: false }));
  const sourceOf = (q: { questionId?: string }) => QUESTION_BANK.find((b) => b.id === q.questionId)!;
  const history = (asked: AskedQuestion[]) => asked.map((h) => h.text);

  it('when the role\'s questions of the phase are used up, asks the role\'s harder ones, then fullstack\'s, never an easier one first', async () => {
    // Standard, go's standard questions asked: a go advanced question, said to be advanced.
    const goStandard = askedAll((q) => q.role === 'go' && q.difficulty === 'standard');
    const harder = await interviewer.nextQuestion(base({ roleType: 'go', phase: 'standard', history: goStandard }));
    expect(sourceOf(harder)).to.include({ role: 'go', difficulty: 'advanced' });
    expect(harder.difficulty).to.equal('advanced');
    // ...and with go's advanced ones asked too: fullstack's standard questions, before go's warmup ones.
    const goStandardAndAdvanced = askedAll((q) => q.role === 'go' && q.difficulty !== 'warmup');
    const shared = await interviewer.nextQuestion(base({ roleType: 'go', phase: 'standard', history: goStandardAndAdvanced }));
    expect(sourceOf(shared)).to.include({ role: 'fullstack', difficulty: 'standard' });
    expect(shared.difficulty).to.equal('standard');
    // Advanced, go's advanced questions asked: fullstack's advanced ones, not go's easier ones.
    const goAdvanced = askedAll((q) => q.role === 'go' && q.difficulty === 'advanced');
    const advanced = await interviewer.nextQuestion(base({ roleType: 'go', phase: 'advanced', history: goAdvanced }));
    expect(sourceOf(advanced)).to.include({ role: 'fullstack', difficulty: 'advanced' });
    expect(history(goAdvanced)).not.to.include(advanced.text);
  });

  it('labels an easier question with its own difficulty once nothing of the phase\'s or harder remains', async () => {
    // Advanced, with every advanced question of go and fullstack asked: a go standard question, said
    // to be standard (the report weighs it as such), before any warmup one.
    const advancedUsed = askedAll((q) => (q.role === 'go' || q.role === 'fullstack') && q.difficulty === 'advanced');
    const easier = await interviewer.nextQuestion(base({ roleType: 'go', phase: 'advanced', history: advancedUsed }));
    expect(sourceOf(easier)).to.include({ role: 'go', difficulty: 'standard' });
    expect(easier.difficulty).to.equal('standard');
  });

  it('streams the question word by word in order, and stops when aborted mid-stream', async () => {
    const tokens: string[] = [];
    const q = await interviewer.nextQuestion(base(), { onToken: (t) => tokens.push(t) });
    expect(tokens.length).to.be.greaterThan(3);
    expect(tokens.join('')).to.equal(q.text);
    const controller = new AbortController();
    const partial: string[] = [];
    let error: unknown;
    try {
      await interviewer.nextQuestion(base(), {
        signal: controller.signal,
        onToken: (t) => {
          partial.push(t);
          if (partial.length === 2) controller.abort();
        },
      });
    } catch (e) {
      error = e;
    }
    expect((error as Error).name).to.equal('AbortError');
    expect(partial).to.have.length(2);
  });

  it('rejects an aborted call and an unknown role', async () => {
    const controller = new AbortController();
    controller.abort();
    let aborted: unknown;
    try {
      await interviewer.nextQuestion(base(), { signal: controller.signal });
    } catch (e) {
      aborted = e;
    }
    expect((aborted as Error).name).to.equal('AbortError');
    let unknown: unknown;
    try {
      await interviewer.nextQuestion(base({ roleType: 'cobol' }));
    } catch (e) {
      unknown = e;
    }
    expect((unknown as Error).message).to.match(/no questions for role "cobol"/);
  });
});
