import { expect } from 'chai';
import { ChatModelAnswerGrader } from '../../src/adapters/llm/answer-grader.chat-model.js';
import { createAzureChatModel } from '../../src/adapters/llm/chat-model.js';
import { ChatModelInterviewer } from '../../src/adapters/llm/interviewer.chat-model.js';
import { loadPrompt, PROMPTS } from '../../src/adapters/llm/prompts.js';
import { ROLE_IDS } from '../../src/adapters/offline/question-bank/types.js';
import { ProviderRateLimited } from '../../src/ports/ai-errors.js';
import { answerGraderContract } from '../contract/suites/answer-grader.contract.js';
import { interviewerContract } from '../contract/suites/interviewer.contract.js';
import { FakeOpenAiServer } from './fake-openai.js';
import { competentModel } from './openai-responder.js';
import { startTestApp, registerCandidate } from '../support/test-app.js';

describe('Azure OpenAI adapters against a fake Azure endpoint', function () {
  this.timeout(30_000);
  const fake = new FakeOpenAiServer(competentModel());
  const endpoint = () => fake.baseUrl.replace(/\/v1$/, '');
  const model = () => createAzureChatModel({
    apiKey: 'azure-key', endpoint: endpoint(), deployment: 'interviews-gpt4o', apiVersion: '2024-10-21',
    temperature: 0.2, maxTokens: 800, timeoutMs: 2_000,
  });
  const grader = () => new ChatModelAnswerGrader(model(), 'azure', 'interviews-gpt4o', loadPrompt(PROMPTS.answerGrader));
  before(async () => {
    await fake.start();
  });
  after(async () => fake.kill());
  afterEach(() => {
    fake.respond = competentModel();
  });

  answerGraderContract('azure (fake endpoint)', grader);
  interviewerContract('azure (fake endpoint)', () => new ChatModelInterviewer(model(), 'azure', 'interviews-gpt4o', loadPrompt(PROMPTS.interviewer), ROLE_IDS), ['go']);

  it('addresses the deployment with the api-version and the api-key header', async () => {
    const before = fake.requests.length;
    const grade = await grader().grade({ question: 'What is a stack?', referenceAnswer: 'Last in, first out.', answer: 'LIFO.' });
    const sent = fake.requests[before]!;
    expect(sent.path).to.equal('/openai/deployments/interviews-gpt4o/chat/completions?api-version=2024-10-21');
    expect(sent.headers['api-key']).to.equal('azure-key');
    expect(grade.servedBy.provider).to.equal('azure');
  });

  it('maps a 429 with Retry-After to ProviderRateLimited', async () => {
    fake.respond = () => ({ kind: 'error', status: 429, message: 'Requests to the deployment have exceeded the rate limit', retryAfter: 3 });
    let error: unknown;
    try {
      await grader().grade({ question: 'q?', referenceAnswer: 'r', answer: 'a' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ProviderRateLimited);
  });

  it('is selected purely by configuration', async () => {
    const t = await startTestApp({
      AI_PROVIDERS: 'azure', AZURE_OPENAI_API_KEY: 'azure-key', AZURE_OPENAI_ENDPOINT: endpoint(),
      AZURE_OPENAI_DEPLOYMENT: 'interviews-gpt4o', INTERVIEW_STARTS_PER_HOUR: '1000',
    });
    try {
      const { token } = await registerCandidate(t);
      const start = await t.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'devops' } });
      expect(start.status).to.equal(201);
      expect(start.body.ai_model_used).to.match(/^azure\//);
    } finally {
      await t.close();
    }
  });
});
