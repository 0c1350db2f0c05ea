import { expect } from 'chai';
import { bootstrap } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/app/config.js';
import { type FakeReply, FakeOpenAiServer, type RecordedRequest } from '../integration/fake-openai.js';
import { competentModel } from '../integration/openai-responder.js';
import { sharedPglite } from '../support/databases.js';
import { runInterview, strong } from '../support/simulated-candidates.js';
import { parseSse } from '../support/sse.js';
import { registerCandidate, signInStaff, startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app.js';

/** Resolves once `condition` holds, checking after each turn of the event loop. */
const until = (condition: () => boolean) => new Promise<void>((resolve) => {
  const check = () => (condition() ? resolve() : setImmediate(check));
  check();
});

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
      // Every question and answer, and the closing words after the last answer.
      expect(messages.body.total_count).to.equal(2 * run.turns + 1);
    } finally {
      await t.close();
    }
  });

  /** Runs `body` on an app served by the fake vendor alone, for a candidate with a react interview started (`interviewId` is undefined with `started: false`). */
  const withVendorApp = async (body: (t: TestApp, token: string, interviewId?: string) => Promise<void>, started = true) => {
    const t = await startTestApp(vendorEnv('openai'));
    try {
      const { token } = await registerCandidate(t);
      const interview = started ? await t.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'react' } }) : undefined;
      await body(t, token, interview?.body.id as string | undefined);
    } finally {
      await t.close();
    }
  };
  /** The fake answers as a competent model would, each reply with what `extra` adds (a delay, a stall). */
  const competentWith = (extra: (request: RecordedRequest) => Partial<FakeReply>) => {
    const model = competentModel();
    fake.respond = async (r) => ({ ...(await model(r)), ...extra(r) } as FakeReply);
  };

  it('stops a turn whose client went away: no retry, no next question, nothing saved', () => withVendorApp(async (t, token, interviewId) => {
    const asked = fake.requests.length;
    // The vendor now takes its time: long enough for the client to leave while the answer is graded.
    competentWith(() => ({ delayMs: 1_500 }));
    const controller = new AbortController();
    const path = `/api/v1/interviews/${interviewId}/messages`;
    const answering = fetch(`${t.baseUrl}${path}`, {
      method: 'POST', signal: controller.signal,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ message_text: 'Props flow down from parent to child; state is owned by the component.' }),
    }).catch(() => undefined);
    await until(() => fake.requests.length > asked);
    controller.abort();
    await answering;
    // The server's one log line for the request is written when it is done with it.
    await until(() => t.logger.entries.some((e) => e.message === 'request' && e.fields.path === path));
    expect(fake.requests.length).to.equal(asked + 1);
    // A client that left is no server error: the request is logged 499, and nothing at error level.
    expect(t.logger.entries.find((e) => e.message === 'request' && e.fields.path === path)!.fields.status).to.equal(499);
    expect(t.logger.entries.filter((e) => e.level === 'error')).to.deep.equal([]);
    const transcript = await t.request('GET', `/api/v1/interviews/${interviewId}/transcript`, { token });
    expect(transcript.body.total_count).to.equal(1);
  }));

  it('streams a reset before a retry\'s text when the vendor\'s stream stalls, so the tokens after it are the stored question', () => withVendorApp(async (t, token, interviewId) => {
    let streams = 0;
    // The first streamed question stops after two chunks (the call gives up at OPENAI_TIMEOUT_MS); the retry is whole.
    competentWith((r) => (r.body.stream && streams++ === 0 ? { stallAfter: 2 } : {}));
    const res = await fetch(`${t.baseUrl}/api/v1/interviews/${interviewId}/messages/stream`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ message_text: 'Props flow down from parent to child; state is owned by the component that holds it.' }),
    });
    const events = parseSse(await res.text());
    const names = events.map((e) => e.event);
    expect(names).to.include('reset');
    const final = events.find((e) => e.event === 'final')!.data;
    const after = events.slice(names.lastIndexOf('reset') + 1).filter((e) => e.event === 'token').map((e) => e.data.text).join('');
    expect(after).to.equal(final.ai_response);
    const stored = await t.request('GET', `/api/v1/interviews/${interviewId}/messages?skip=2`, { token });
    expect(stored.body.messages[0].content_text).to.equal(final.ai_response);
  }));

  it('stops a start whose client went away: no interview is created', () => withVendorApp(async (t, token) => {
    competentWith(() => ({ delayMs: 1_500 }));
    const controller = new AbortController();
    const starting = fetch(`${t.baseUrl}/api/v1/interviews/start`, {
      method: 'POST', signal: controller.signal,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ role_type: 'react' }),
    }).catch(() => undefined);
    await until(() => fake.requests.length > 0);
    controller.abort();
    await starting;
    await until(() => t.logger.entries.some((e) => e.message === 'request' && e.fields.path === '/api/v1/interviews/start'));
    expect(fake.requests.length).to.equal(1);
    expect((await t.request('GET', '/api/v1/interviews', { token })).body.total).to.equal(0);
  }, false));

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

describe('e2e: AI cost and usage', function () {
  this.timeout(120_000);
  let fake: FakeOpenAiServer;
  before(async () => {
    fake = await new FakeOpenAiServer(competentModel()).start();
  });
  after(async () => fake.kill());

  it('records vendor tokens and cost per interview and per call, sums them for admins, and warns past the budget', async () => {
    const t = await startTestApp({
      AI_PROVIDERS: 'openai,offline', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseUrl, OPENAI_MODEL: 'priced-model',
      AI_PRICES: JSON.stringify({ 'priced-model': { input: 1000, output: 2000 } }), AI_BUDGET_USD: '1', AI_RETRIES: '0',
      INTERVIEW_STARTS_PER_HOUR: '1000',
    });
    try {
      const { token } = await registerCandidate(t);
      const start = await t.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'go' } });
      // The fake bills 350 prompt + 120 completion tokens for a question: 350×1000 + 120×2000 per million = $0.59.
      expect(start.body).to.include({ total_tokens_used: 470, cost_usd: 0.59, ai_model_used: 'openai/priced-model' });
      await t.request('POST', `/api/v1/interviews/${start.body.id}/messages`, { token, body: { message_text: 'Goroutines are cheap threads managed by the Go runtime.' } });
      const after = await t.request('GET', `/api/v1/interviews/${start.body.id}`, { token });
      // + a grade (420 + 90 tokens = $0.60) + the next question ($0.59).
      expect(after.body).to.include({ total_tokens_used: 470 + 510 + 470, cost_usd: 1.78 });
      expect(t.logger.entries.filter((e) => e.message === 'interview AI cost passed its budget')).to.have.length(1);

      expect((await t.request('GET', '/api/v1/admin/costs', { token })).status).to.equal(403);
      const admin = await signInStaff(t, 'admin');
      const costs = await t.request('GET', '/api/v1/admin/costs', { token: admin.token });
      expect(costs.status).to.equal(200);
      const row = costs.body.rows.find((r: { provider: string; model: string }) => r.provider === 'openai' && r.model === 'priced-model');
      expect(row).to.include({ calls: 3, failures: 0, input_tokens: 350 + 420 + 350, output_tokens: 120 + 90 + 120 });
      expect(row.cost_usd).to.be.closeTo(1.78, 1e-9);
      expect(costs.body.total_cost_usd).to.be.at.least(1.78);
      const none = await t.request('GET', '/api/v1/admin/costs?from=2000-01-01&to=2000-01-02', { token: admin.token });
      expect(none.body).to.deep.equal({ rows: [], total_cost_usd: 0, total_tokens: 0 });
      for (const range of ['from=2026-01-02&to=2026-01-01', 'from=2026-01-01&to=2026-01-01']) {
        const backwards = await t.request('GET', `/api/v1/admin/costs?${range}`, { token: admin.token });
        expect(backwards.status, range).to.equal(422);
        expect(backwards.body.detail).to.deep.equal([{ loc: ['query', 'to'], msg: 'must be after from (to is exclusive)', type: 'custom' }]);
      }

      const failuresOf = async () => ((await t.request('GET', '/api/v1/admin/costs', { token: admin.token })).body.rows
        .find((r: { provider: string; model: string }) => r.provider === 'openai' && r.model === '(unknown)')?.failures ?? 0) as number;
      const failuresBefore = await failuresOf();
      fake.respond = () => ({ kind: 'error', status: 500, message: 'down' });
      const fallback = await t.request('POST', `/api/v1/interviews/${start.body.id}/messages`, { token, body: { message_text: 'Channels pass values between goroutines.' } });
      expect(fallback.status).to.equal(200);
      // Both vendor calls of the turn failed (grade and next question) and were logged; offline served them.
      expect((await failuresOf()) - failuresBefore).to.equal(2);
      const offline = (await t.request('GET', '/api/v1/admin/costs', { token: admin.token })).body.rows
        .filter((r: { provider: string }) => r.provider === 'offline');
      expect(offline.reduce((n: number, r: { calls: number }) => n + r.calls, 0)).to.be.at.least(2);
      expect(offline.every((r: { cost_usd: number; failures: number }) => r.cost_usd === 0 && r.failures === 0)).to.equal(true);
    } finally {
      await t.close();
    }
  });
});

describe('e2e: the streamed route with a vendor', function () {
  this.timeout(60_000);
  it('delivers the first token over HTTP before the model has finished', async () => {
    const responder = competentModel();
    const fake = await new FakeOpenAiServer(async (r) => ({ ...(await responder(r)), chunkDelayMs: 20 } as never)).start();
    const t = await startTestApp({
      AI_PROVIDERS: 'openai', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseUrl, INTERVIEW_STARTS_PER_HOUR: '1000',
    });
    try {
      const { token } = await registerCandidate(t);
      const start = await t.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'node' } });
      const res = await fetch(`${t.baseUrl}/api/v1/interviews/${start.body.id}/messages/stream`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ message_text: 'Node runs JavaScript on V8 with an event loop and non-blocking I/O.' }),
      });
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let firstTokenAt = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        if (!firstTokenAt && text.includes('event: token')) firstTokenAt = Date.now();
      }
      const streamed = fake.streams[fake.streams.length - 1]!;
      expect(firstTokenAt).to.be.greaterThan(0);
      expect(firstTokenAt).to.be.below(streamed.finishedAt!);
      const final = JSON.parse(/event: final\ndata: (.*)\n/.exec(text)![1]!);
      const tokens = [...text.matchAll(/event: token\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!).text).join('');
      expect(tokens).to.equal(final.ai_response);
    } finally {
      await t.close();
      await fake.kill();
    }
  });
});
