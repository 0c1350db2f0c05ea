import { expect } from 'chai';
import type { UnitOfWork } from '../../../src/ports/unit-of-work.js';

export function aiSettingsContract(label: string, open: () => Promise<UnitOfWork>, reset: () => Promise<void> = async () => {}): void {
  describe(`AiSettingsStore contract: ${label}`, () => {
    // A shared test database must not keep a saved chain: it would override AI_PROVIDERS elsewhere.
    before(reset);
    after(reset);
    it('keeps the latest chain and an audit trail newest first, and rolls back with its transaction', async () => {
      const uow = await open();
      const store = uow.repositories.aiSettings;
      const t1 = new Date('2031-05-01T10:00:00.000Z');
      const t2 = new Date('2031-05-01T11:00:00.000Z');
      await uow.transaction((r) => r.aiSettings.save({ at: t1, by: 'a@example.com', from: ['offline'], to: ['openai', 'offline'] }));
      await uow.transaction((r) => r.aiSettings.save({ at: t2, by: 'b@example.com', from: ['openai', 'offline'], to: ['offline'] }));
      expect(await store.load()).to.deep.equal({ chain: ['offline'], updatedAt: t2, updatedBy: 'b@example.com' });
      const history = await store.history(2);
      expect(history).to.deep.equal([
        { at: t2, by: 'b@example.com', from: ['openai', 'offline'], to: ['offline'] },
        { at: t1, by: 'a@example.com', from: ['offline'], to: ['openai', 'offline'] },
      ]);
      try {
        await uow.transaction(async (r) => {
          await r.aiSettings.save({ at: t2, by: 'c@example.com', from: ['offline'], to: ['azure'] });
          throw new Error('rollback');
        });
      } catch {
        /* expected */
      }
      expect((await store.load())?.chain).to.deep.equal(['offline']);
      expect((await store.history(1))[0]!.by).to.equal('b@example.com');
    });
  });
}
