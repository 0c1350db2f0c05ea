import { expect } from 'chai';
import { QuestionBankInterviewer } from '../../../src/adapters/offline/interviewer.question-bank.js';
import { ResumeNotFound, StartInterview } from '../../../src/domain/interviews/index.js';
import { ProviderUnavailable } from '../../../src/ports/ai-errors.js';
import type { Interviewer } from '../../../src/ports/interviewer.js';
import { aResume } from '../../support/builders.js';
import { interviewUseCases } from '../../support/interview-use-cases.js';

/**
 * A resume deleted while an interview starts (after it was read, while the first question is chosen):
 * the interviewer here deletes it as it is asked for that question, as a racing DELETE /resumes would.
 */
async function startingWhileDeleted(named: boolean) {
  const cases = await interviewUseCases();
  const resume = aResume(cases.candidate.id, { parsingStatus: 'completed' });
  await cases.uow.repositories.resumes.insertActive(resume);
  const bank = new QuestionBankInterviewer();
  const interviewer: Interviewer = {
    supportedRoles: () => bank.supportedRoles(),
    nextQuestion: async (request, options) => {
      await cases.uow.transaction((r) => r.resumes.delete(cases.candidate.id, resume.id));
      return bank.nextQuestion(request, options);
    },
  };
  const start = new StartInterview({ uow: cases.uow, interviewer, clock: cases.clock, ids: { newId: () => crypto.randomUUID() }, prices: {} });
  const outcome = await start.execute({ candidateId: cases.candidate.id, roleType: 'python', ...(named ? { resumeId: resume.id } : {}) })
    .then((value) => ({ value }), (error: unknown) => ({ error }));
  return { ...cases, outcome };
}

describe('StartInterview use case', () => {
  it('starts naming no resume when the active one is deleted while the first question is chosen', async () => {
    const { uow, candidate, outcome } = await startingWhileDeleted(false);
    expect('value' in outcome, String((outcome as { error?: unknown }).error)).to.equal(true);
    const { interview } = (outcome as { value: Awaited<ReturnType<StartInterview['execute']>> }).value;
    expect(interview.resumeId).to.equal(null);
    expect(await uow.repositories.interviews.findById(interview.id)).to.deep.include({ resumeId: null, lastSequence: 1, candidateId: candidate.id });
  });

  it('refuses with ResumeNotFound, storing nothing, when the resume it was asked for is deleted meanwhile', async () => {
    const { uow, candidate, outcome } = await startingWhileDeleted(true);
    expect((outcome as { error?: unknown }).error).to.be.instanceOf(ResumeNotFound);
    expect((await uow.repositories.interviews.listForCandidate(candidate.id, { skip: 0, limit: 10 })).total).to.equal(0);
  });

  it('records the AI calls of a start that failed, though no interview is stored', async () => {
    const cases = await interviewUseCases();
    const interviewer: Interviewer = {
      supportedRoles: () => ['react'],
      async nextQuestion(_request, options = {}) {
        // As a fallback chain reports them: a billed reply that was unusable, then the last provider down.
        options.onCall?.({ port: 'interviewer', provider: 'vendor', model: 'm1', outcome: 'error', latencyMs: 9, error: 'bad JSON', usage: { inputTokens: 300, outputTokens: 40, estimated: false } });
        throw new ProviderUnavailable('vendor', 'HTTP 503');
      },
    };
    const start = new StartInterview({ uow: cases.uow, interviewer, clock: cases.clock, ids: { newId: () => crypto.randomUUID() }, prices: {} });
    const failed = await start.execute({ candidateId: cases.candidate.id, roleType: 'react' }).then(() => undefined, (error: unknown) => error);
    expect(failed).to.be.instanceOf(ProviderUnavailable);
    expect((await cases.uow.repositories.interviews.listForCandidate(cases.candidate.id, { skip: 0, limit: 10 })).total).to.equal(0);
    const rows = await cases.uow.repositories.aiUsage.summary({});
    expect(rows.map((r) => [r.provider, r.calls, r.failures, r.inputTokens])).to.deep.equal([['vendor', 1, 1, 300]]);
  });
});
