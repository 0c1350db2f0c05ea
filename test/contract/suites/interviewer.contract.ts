import { expect } from 'chai';
import { PHASES } from '../../../src/domain/assessment/levels.js';
import type { AskedQuestion, Interviewer, QuestionRequest } from '../../../src/ports/interviewer.js';

const base = (roleType: string): QuestionRequest => ({
  interviewId: '7b0d7f2e-3c1a-4c59-9d55-2f1f3f2b9a10',
  roleType,
  phase: 'warmup',
  history: [],
  skillsExplored: [],
  boundarySkills: [],
});

/** What every Interviewer provider must do, offline or vendor-backed. */
export function interviewerContract(label: string, open: () => Promise<Interviewer> | Interviewer, roles?: string[]): void {
  describe(`Interviewer contract: ${label}`, function () {
    this.timeout(20_000);
    let interviewer: Interviewer;
    before(async () => {
      interviewer = await open();
    });

    it('supports roles and asks a gradeable question for each phase', async () => {
      const supported = interviewer.supportedRoles();
      expect(supported.length).to.be.greaterThan(0);
      for (const role of roles ?? supported.slice(0, 3)) {
        for (const phase of PHASES) {
          const q = await interviewer.nextQuestion({ ...base(role), phase });
          expect(q.text.trim().length, `${role}/${phase}`).to.be.greaterThan(10);
          expect(q.difficulty).to.equal(phase);
          expect(q.skillArea).to.match(/^[a-z0-9_]+$/);
          expect(q.keyPoints.length > 0 || (q.referenceAnswer ?? '').length > 0).to.equal(true);
          expect(q.servedBy.provider).to.be.a('string').and.not.equal('');
        }
      }
    });

    it('never repeats a question already asked in the interview', async () => {
      const role = (roles ?? interviewer.supportedRoles())[0]!;
      const history: AskedQuestion[] = [];
      for (let i = 0; i < 8; i++) {
        const q = await interviewer.nextQuestion({ ...base(role), history, skillsExplored: [...new Set(history.map((h) => h.skillArea))] });
        expect(history.map((h) => h.text)).not.to.include(q.text);
        history.push({ ...q, answer: 'A reasonable answer covering the main points.', score: 75, level: 'proficient', missingPoints: [] });
      }
    });

    it('rejects when the call is aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      let error: unknown;
      try {
        await interviewer.nextQuestion(base((roles ?? interviewer.supportedRoles())[0]!), { signal: controller.signal });
      } catch (e) {
        error = e;
      }
      expect((error as Error)?.name).to.equal('AbortError');
    });
  });
}
