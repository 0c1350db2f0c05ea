import { expect } from 'chai';
import { bootstrap } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/app/config.js';
import { FakeOpenAiServer } from '../integration/fake-openai.js';
import { competentModel } from '../integration/openai-responder.js';
import { sharedPglite } from '../support/databases.js';
import { runInterview, strong } from '../support/simulated-candidates.js';
import { registerCandidate, startTestApp, TEST_JWT_SECRET } from '../support/test-app.js';

describe('e2e: interviews served by a vendor (fake OpenAI server)', function () {
  this.timeout(120_000);
  let fake: FakeOpenAiServer;
  beforeEach(async () => {
    fake = await new FakeOpenAiServer(competentModel()).start();
  });
  afterEach(async () => fake.kill());

  const vendorEnv = (providers: string) => ({
    AI_PROVIDERS: providers, OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseUrl, OPENAI_MODEL: 'gpt-4o-mini-fake',
    OPENAI_TIMEOUT_MS: '2000', AI_RETRIES: '1', AI_RETRY_BASE_MS: '5', INTERVIEW_STARTS_PER_HOUR: '1000',
  });

  it('runs a whole interview with AI_PROVIDERS=openai and the report names the model', async () => {
    const t = await startTestApp(vendorEnv('openai'));
    try {
      const { token } = await registerCandidate(t);
      const run = await runInterview(t, token, 'react', strong);
      expect(run.results.questions_answered).to.be.within(12, 20);
      const models = new Set(run.results.providers.flatMap((p: { interviewer: { model: string }; grader: { model: string } }) => [p.interviewer.model, p.grader.model]));
      expect([...models]).to.deep.equal(['gpt-4o-mini-fake']);
      expect(fake.requests.length).to.equal(2 * run.turns);
    } finally {
      await t.close();
    }
  });

  it('loses no turn when the vendor dies mid-interview with AI_PROVIDERS=openai,offline', async () => {
    const t = await startTestApp(vendorEnv('openai,offline'));
    try {
      const { token } = await registerCandidate(t);
      let turn = 0;
      const dying = (q: string, n: number, prev?: Parameters<typeof strong>[2]) => {
        if (++turn === 4) void fake.kill();
        return strong(q, n, prev);
      };
      const run = await runInterview(t, token, 'python', dying);
      expect(run.statuses.every((s) => s === 200)).to.equal(true);
      const providers = run.results.providers as Array<{ question_number: number; interviewer: { provider: string }; grader: { provider: string } }>;
      expect(providers[0]!.grader.provider).to.equal('openai');
      expect(providers[providers.length - 1]!.grader.provider).to.equal('offline');
      expect(providers.map((p) => p.question_number)).to.deep.equal(Array.from({ length: run.turns }, (_, i) => i + 1));
      const messages = await t.request('GET', `/api/v1/interviews/${run.interviewId}/transcript`, { token });
      expect(messages.body.total_count).to.equal(2 * run.turns);
    } finally {
      await t.close();
    }
  });

  it('fails at start with a clear message when the selected vendor has no key', async () => {
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', AI_PROVIDERS: 'openai,offline' });
    let error: unknown;
    try {
      await bootstrap(config, { database: await sharedPglite() });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).to.equal('Plugin "openai" failed to start: OPENAI_API_KEY is required when AI_PROVIDERS includes "openai"');
  });
});
