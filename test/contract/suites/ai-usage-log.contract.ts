import { expect } from 'chai';
import type { PricedCall } from '../../../src/domain/interviews/costs.js';
import type { UnitOfWork } from '../../../src/ports/unit-of-work.js';
import { anAccount } from '../../support/builders.js';
import { anInterview } from './interview-repository.contract.js';

const call = (over: Partial<PricedCall>): PricedCall => ({
  port: 'grader', provider: 'vendor-x', model: 'm-1', outcome: 'ok', latencyMs: 120,
  usage: { inputTokens: 100, outputTokens: 20, estimated: false }, costUsd: 0.001, ...over,
});

export function aiUsageLogContract(label: string, open: () => Promise<UnitOfWork>): void {
  describe(`AiUsageLog contract: ${label}`, () => {
    it('sums calls, failures, tokens and cost by UTC day, provider and model within a range', async () => {
      const uow = await open();
      const account = anAccount();
      const interview = anInterview(account.id);
      await uow.transaction(async (r) => {
        await r.accounts.insert(account);
        await r.interviews.insert(interview, []);
      });
      const provider = `vendor-${Date.now()}`;
      const day1 = new Date('2031-03-01T23:30:00Z');
      const day2 = new Date('2031-03-02T00:30:00Z');
      await uow.transaction((r) => r.aiUsage.record(interview.id, [
        call({ provider }), call({ provider, port: 'interviewer', costUsd: 0.002 }),
        call({ provider, outcome: 'error', model: '', usage: undefined, costUsd: 0, error: 'HTTP 500' }),
      ], day1));
      await uow.transaction((r) => r.aiUsage.record(interview.id, [call({ provider, model: 'm-2', costUsd: 0.5 })], day2));
      const rows = (await uow.repositories.aiUsage.summary({ from: new Date('2031-03-01T00:00:00Z'), to: new Date('2031-03-03T00:00:00Z') }))
        .filter((r) => r.provider === provider);
      expect(rows).to.deep.equal([
        { day: '2031-03-01', provider, model: '(unknown)', calls: 1, failures: 1, inputTokens: 0, outputTokens: 0, costUsd: 0 },
        { day: '2031-03-01', provider, model: 'm-1', calls: 2, failures: 0, inputTokens: 200, outputTokens: 40, costUsd: 0.003 },
        { day: '2031-03-02', provider, model: 'm-2', calls: 1, failures: 0, inputTokens: 100, outputTokens: 20, costUsd: 0.5 },
      ]);
      const day2Only = (await uow.repositories.aiUsage.summary({ from: new Date('2031-03-02T00:00:00Z') })).filter((r) => r.provider === provider);
      expect(day2Only.map((r) => r.model)).to.deep.equal(['m-2']);
    });

    it('records calls made for no stored interview (a start that failed) and counts them like any', async () => {
      const uow = await open();
      const provider = `vendor-${Date.now()}-start`;
      await uow.repositories.aiUsage.record(null, [call({ provider, port: 'interviewer', costUsd: 0.004 })], new Date('2031-04-01T10:00:00Z'));
      const rows = (await uow.repositories.aiUsage.summary({ from: new Date('2031-04-01T00:00:00Z') })).filter((r) => r.provider === provider);
      expect(rows).to.deep.equal([
        { day: '2031-04-01', provider, model: 'm-1', calls: 1, failures: 0, inputTokens: 100, outputTokens: 20, costUsd: 0.004 },
      ]);
    });
  });
}
