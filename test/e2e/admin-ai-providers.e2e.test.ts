import { expect } from 'chai';
import { AiProvidersResponse } from '../../src/adapters/http/admin/ai-providers.routes.js';
import { bootstrap } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/app/config.js';
import { FakeOpenAiServer } from '../integration/fake-openai.js';
import { competentModel } from '../integration/openai-responder.js';
import { sharedPglite } from '../support/databases.js';
import { registerCandidate, signInStaff, startTestApp, TEST_JWT_SECRET } from '../support/test-app.js';
import { RecordingLogger } from '../../src/adapters/system/logger.pino.js';

describe('e2e: admins switch AI providers at run time', function () {
  this.timeout(60_000);
  let fake: FakeOpenAiServer;
  before(async () => {
    fake = await new FakeOpenAiServer(competentModel()).start();
  });
  after(async () => {
    await fake.kill();
    // The test database is shared: leave AI_PROVIDERS in charge for the other suites.
    await (await sharedPglite()).knex('ai_settings').delete();
  });

  it('lists providers, switches the chain (persisted, audited, effective at once) and refuses bad chains', async () => {
    const env = {
      AI_PROVIDERS: 'offline', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseUrl, OPENAI_MODEL: 'switched-model',
      INTERVIEW_STARTS_PER_HOUR: '1000',
    };
    const t = await startTestApp(env);
    try {
      const admin = await signInStaff(t, 'admin');
      const candidate = await registerCandidate(t);
      expect((await t.request('GET', '/api/v1/admin/ai-providers', { token: candidate.token })).status).to.equal(403);

      const before = await t.request('GET', '/api/v1/admin/ai-providers', { token: admin.token });
      expect(before.status).to.equal(200);
      expect(before.body.registered.interviewer).to.include.members(['offline', 'openai', 'azure']);
      expect(before.body.active_chain).to.deep.equal(['offline']);
      // The body is what the OpenAPI document says it is.
      expect(AiProvidersResponse.strict().safeParse(before.body).success).to.equal(true);
      const documented = (await t.request('GET', '/openapi.json')).body.paths['/api/v1/admin/ai-providers'];
      for (const method of ['get', 'put']) expect(documented[method].responses['200'].content['application/json'].schema.required).to.include('active_chain');

      const first = await t.request('POST', '/api/v1/interviews/start', { token: candidate.token, body: { role_type: 'react' } });
      expect(first.body.ai_model_used).to.equal('offline/question-bank-v1');

      const bad = await t.request('PUT', '/api/v1/admin/ai-providers', { token: admin.token, body: { chain: ['openai', 'nope'] } });
      expect(bad.status).to.equal(422);
      expect(bad.body.detail).to.match(/Unknown AI provider\(s\): nope\. Valid: .*offline.*openai/);
      expect((await t.request('PUT', '/api/v1/admin/ai-providers', { token: admin.token, body: { chain: [] } })).status).to.equal(422);

      const put = await t.request('PUT', '/api/v1/admin/ai-providers', { token: admin.token, body: { chain: ['openai', 'offline'] } });
      expect(put.status).to.equal(200);
      expect(put.body).to.include({ source: 'admin' });
      expect(put.body.active_chain).to.deep.equal(['openai', 'offline']);
      expect(AiProvidersResponse.strict().safeParse(put.body).success).to.equal(true);
      expect(put.body.changes[0]).to.include({ by: admin.email });
      expect(put.body.changes[0].from).to.deep.equal(['offline']);
      expect(put.body.changes[0].to).to.deep.equal(['openai', 'offline']);

      const second = await t.request('POST', '/api/v1/interviews/start', { token: candidate.token, body: { role_type: 'react' } });
      expect(second.body.ai_model_used).to.equal('openai/switched-model');
      const after = await t.request('GET', '/api/v1/admin/ai-providers', { token: admin.token });
      expect(after.body.health.openai).to.include({ in_chain: true, last_outcome: 'ok', calls: 1, failures: 0 });
    } finally {
      await t.close();
    }

    // A restart keeps the admin's choice.
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', ...env });
    const logger = new RecordingLogger();
    const again = await bootstrap(config, { database: await sharedPglite(), logger });
    try {
      expect(logger.entries.some((e) => e.message === 'AI provider chain set by an admin is in force')).to.equal(true);
    } finally {
      await again.close();
    }

    // A restart without the vendor's key serves with AI_PROVIDERS and says why, rather than not starting.
    const { OPENAI_API_KEY: _key, ...keyless } = env;
    const withoutKey = await startTestApp(keyless);
    const warned = withoutKey.logger;
    try {
      expect(warned.entries.some((e) => e.message === 'the AI provider chain saved by an admin cannot be built now; using AI_PROVIDERS')).to.equal(true);
      expect(warned.entries.some((e) => e.message === 'AI provider chain set by an admin is in force')).to.equal(false);
      // The admin view says where the chain in force came from: configuration, the saved one set aside.
      const view = await withoutKey.request('GET', '/api/v1/admin/ai-providers', { token: (await signInStaff(withoutKey, 'admin')).token });
      expect(view.body).to.deep.include({ active_chain: ['offline'], source: 'configuration' });
    } finally {
      await withoutKey.close();
    }
  });

  it('refuses a chain naming a vendor whose settings are missing (422), and the chain in force stays', async () => {
    const t = await startTestApp({ AI_PROVIDERS: 'offline', INTERVIEW_STARTS_PER_HOUR: '1000' });
    try {
      await (await sharedPglite()).knex('ai_settings').delete();
      const admin = await signInStaff(t, 'admin');
      const candidate = await registerCandidate(t);
      const before = (await t.request('GET', '/api/v1/admin/ai-providers', { token: admin.token })).body;
      expect(before.active_chain).to.deep.equal(['offline']);

      const openai = await t.request('PUT', '/api/v1/admin/ai-providers', { token: admin.token, body: { chain: ['openai'] } });
      expect(openai.status).to.equal(422);
      expect(openai.body.detail).to.equal('The chain cannot be built: OPENAI_API_KEY is not set');
      const azure = await t.request('PUT', '/api/v1/admin/ai-providers', { token: admin.token, body: { chain: ['azure', 'offline'] } });
      expect(azure.status).to.equal(422);
      expect(azure.body.detail).to.equal('The chain cannot be built: AZURE_OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_DEPLOYMENT not set');

      const after = await t.request('GET', '/api/v1/admin/ai-providers', { token: admin.token });
      expect(after.body.active_chain).to.deep.equal(['offline']);
      expect(after.body.changes).to.deep.equal(before.changes);
      const start = await t.request('POST', '/api/v1/interviews/start', { token: candidate.token, body: { role_type: 'python' } });
      expect(start.status).to.equal(201);
      expect(start.body.ai_model_used).to.equal('offline/question-bank-v1');
    } finally {
      await t.close();
    }
  });
});
