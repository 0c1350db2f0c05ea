import { expect } from 'chai';
import { Database } from '../../src/adapters/postgres/database.js';
import { migrateToLatest } from '../../src/adapters/postgres/migrator.js';
import { FixedClock } from '../../src/adapters/system/clock.system.js';
import { AbandonIdleInterviews } from '../../src/domain/interviews/index.js';
import { Clock } from '../../src/ports/clock.js';
import { coreMigrations } from '../../migrations/index.js';
import { registerCandidate, startTestApp } from '../support/test-app.js';

describe('e2e: idle interviews are abandoned', function () {
  this.timeout(30_000);

  it('the job worker marks an interview nobody answered for INTERVIEW_ABANDON_AFTER_MINUTES abandoned; it then takes no answer', async () => {
    const clock = new FixedClock(new Date());
    // A database of its own: the shared one holds other tests' open interviews, idle too at this clock.
    const database = await Database.open({ embeddedDir: 'memory://' });
    await migrateToLatest(database.knex, coreMigrations);
    const t = await startTestApp({ INTERVIEW_ABANDON_AFTER_MINUTES: '45' }, { database, overrides: [[Clock, clock]] });
    try {
      const { token } = await registerCandidate(t);
      const start = async () => (await t.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'python' } })).body.id as string;
      const idle = await start();
      expect((await t.request('POST', `/api/v1/interviews/${idle}/messages`, { token, body: { message_text: 'A list is mutable, a tuple is not.' } })).status).to.equal(200);
      clock.advance(30 * 60_000);
      const active = await start();
      clock.advance(15 * 60_000 + 1);

      expect(await t.app.worker.runDueTasks()).to.equal(1);
      const status = async (id: string) => (await t.request('GET', `/api/v1/interviews/${id}/status`, { token })).body.status;
      expect(await status(idle)).to.equal('abandoned');
      expect(await status(active)).to.equal('in_progress');
      const refused = await t.request('POST', `/api/v1/interviews/${idle}/messages`, { token, body: { message_text: 'I am back.' } });
      expect(refused.status).to.equal(400);
      expect(refused.body.code).to.equal('INTERVIEW_NOT_ACTIVE');
      expect((await t.request('POST', `/api/v1/interviews/${idle}/complete`, { token })).status).to.equal(400);
      // No report, ever: said as such, not as "not yet".
      const results = await t.request('GET', `/api/v1/interviews/${idle}/results`, { token });
      expect(results.status).to.equal(409);
      expect(results.body).to.include({ code: 'interviews.not_completed', detail: `Interview ${idle} was abandoned before it was completed: it has no results` });
      // The transcript stays readable: the first question, the answer and the next question.
      expect((await t.request('GET', `/api/v1/interviews/${idle}/transcript`, { token })).body.messages).to.have.length(3);
    } finally {
      await t.close();
      await database.close();
    }
  });

  it('is off with INTERVIEW_ABANDON_AFTER_MINUTES=0', async () => {
    const t = await startTestApp({ INTERVIEW_ABANDON_AFTER_MINUTES: '0' });
    try {
      expect(await t.app.worker.runDueTasks()).to.equal(0);
      expect(t.app.container.isRegistered(AbandonIdleInterviews)).to.equal(false);
    } finally {
      await t.close();
    }
  });
});
