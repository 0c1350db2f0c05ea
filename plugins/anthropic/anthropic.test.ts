import { expect } from 'chai';
import path from 'node:path';
import { container } from 'tsyringe';
import { loadConfig } from '../../src/app/config.js';
import { loadExternalPlugins, PluginHost } from '../../src/app/plugin-host.js';
import { ProviderRateLimited } from '../../src/ports/ai-errors.js';
import { AnswerGrader } from '../../src/ports/answer-grader.js';
import { Interviewer } from '../../src/ports/interviewer.js';
import { answerGraderContract } from '../../test/contract/suites/answer-grader.contract.js';
import { interviewerContract } from '../../test/contract/suites/interviewer.contract.js';
import { FakeAnthropicServer } from '../../test/integration/fake-anthropic.js';
import { competentModel } from '../../test/integration/openai-responder.js';
import { registerCandidate, startTestApp } from '../../test/support/test-app.js';

const PLUGIN = path.resolve('plugins/anthropic/index.ts');

describe('anthropic plugin (a second vendor, added without touching src/)', function () {
  this.timeout(60_000);
  const fake = new FakeAnthropicServer(competentModel());
  const env = () => ({
    PLUGINS: PLUGIN,
    PLUGIN_OPTIONS: JSON.stringify({ anthropic: { apiKey: 'sk-ant-test', model: 'claude-fake', baseUrl: fake.baseUrl, timeoutMs: 2000 } }),
  });
  const resolveProviders = async () => {
    const config = loadConfig({ NODE_ENV: 'test', ...env() });
    const host = new PluginHost(await loadExternalPlugins(config.plugins), config);
    host.select(AnswerGrader, ['anthropic'], 'AI_PROVIDERS');
    host.select(Interviewer, ['anthropic'], 'AI_PROVIDERS');
    const c = container.createChildContainer();
    host.bind(c);
    return host.resolverFor(c);
  };
  before(async () => {
    await fake.start();
  });
  after(async () => fake.kill());
  afterEach(() => {
    fake.respond = competentModel();
  });

  answerGraderContract('anthropic (fake server)', async () => (await resolveProviders()).resolve(AnswerGrader));
  interviewerContract('anthropic (fake server)', async () => (await resolveProviders()).resolve(Interviewer), ['java']);

  it('speaks the Messages API: x-api-key, system apart, and no OpenAI-only options', async () => {
    const before = fake.requests.length;
    const grade = await (await resolveProviders()).resolve(AnswerGrader).grade({ question: 'What is a JVM?', referenceAnswer: 'It runs bytecode.', answer: 'It executes Java bytecode.' });
    const sent = fake.requests[before]!;
    expect(sent.headers['x-api-key']).to.equal('sk-ant-test');
    expect(sent.headers['anthropic-version']).to.be.a('string');
    expect(sent.body.system).to.not.equal(undefined);
    expect(sent.body).to.not.have.property('response_format');
    expect(grade.servedBy).to.deep.equal({ provider: 'anthropic', model: 'claude-fake' });
    expect(grade.usage).to.deep.equal({ inputTokens: 420, outputTokens: 90, estimated: false });
  });

  it('maps a 429 with Retry-After to ProviderRateLimited', async () => {
    fake.respond = () => ({ kind: 'error', status: 429, message: 'rate limited', retryAfter: 4 });
    let error: unknown;
    try {
      await (await resolveProviders()).resolve(AnswerGrader).grade({ question: 'q?', referenceAnswer: 'r', answer: 'a' });
    } catch (e) {
      error = e;
    }
    // The plugin is loaded by path, as PLUGINS loads it: compare by code, not class identity.
    expect((error as ProviderRateLimited).code).to.equal('ai.rate_limited');
    expect((error as ProviderRateLimited).retryAfterSeconds).to.equal(4);
  });

  it('refuses bad options with a message naming the plugin', async () => {
    let error: unknown;
    try {
      const config = loadConfig({ NODE_ENV: 'test', PLUGINS: PLUGIN, PLUGIN_OPTIONS: '{"anthropic":{}}' });
      new PluginHost(await loadExternalPlugins(config.plugins), config);
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).to.equal('Plugin "anthropic": invalid options: apiKey is required (PLUGIN_OPTIONS.anthropic.apiKey)');
  });

  it('serves interviews when enabled by configuration alone', async () => {
    const t = await startTestApp({ ...env(), AI_PROVIDERS: 'anthropic,offline', INTERVIEW_STARTS_PER_HOUR: '1000' });
    try {
      const { token } = await registerCandidate(t);
      const start = await t.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'java' } });
      expect(start.status).to.equal(201);
      expect(start.body.ai_model_used).to.equal('anthropic/claude-fake');
    } finally {
      await t.close();
    }
  });
});
