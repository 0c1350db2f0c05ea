import { createAzureChatModel } from '../../src/adapters/llm/chat-model.js';
import { ChatModelAnswerGrader } from '../../src/adapters/llm/answer-grader.chat-model.js';
import { ChatModelInterviewer } from '../../src/adapters/llm/interviewer.chat-model.js';
import { loadPrompt, PROMPTS } from '../../src/adapters/llm/prompts.js';
import { ROLE_IDS } from '../../src/adapters/offline/question-bank/types.js';
import { definePlugin, type Resolver } from '../../src/app/plugin-api.js';
import { AnswerGrader } from '../../src/ports/answer-grader.js';
import { Interviewer } from '../../src/ports/interviewer.js';

const PROVIDER = 'azure';

/** The Azure settings a call needs that are not set, by variable name. */
const missingSettings = (azure: { apiKey?: string; endpoint?: string; deployment?: string }): string[] => [
  !azure.apiKey && 'AZURE_OPENAI_API_KEY', !azure.endpoint && 'AZURE_OPENAI_ENDPOINT', !azure.deployment && 'AZURE_OPENAI_DEPLOYMENT',
].filter((name): name is string => typeof name === 'string');

/** Azure OpenAI (deployment, endpoint, API version, key) behind the Interviewer and AnswerGrader ports. */
export default definePlugin({
  name: 'azure',
  apiVersion: 1,
  register(ctx) {
    const { azure, openai } = ctx.config.ai;
    // Without its settings no call could succeed: the provider is not made, so an admin's switch to it is refused (422).
    const model = () => {
      const missing = missingSettings(azure);
      if (missing.length > 0) throw new Error(`${missing.join(', ')} not set`);
      return createAzureChatModel({
        apiKey: azure.apiKey!, endpoint: azure.endpoint!, deployment: azure.deployment!, apiVersion: azure.apiVersion,
        temperature: openai.temperature, maxTokens: openai.maxTokens, timeoutMs: openai.timeoutMs,
      });
    };
    const name = azure.deployment ?? 'azure-deployment';
    ctx.provide(AnswerGrader, PROVIDER, () => new ChatModelAnswerGrader(model(), PROVIDER, name, loadPrompt(PROMPTS.answerGrader), 'native', openai.timeoutMs));
    ctx.provide(Interviewer, PROVIDER, () => new ChatModelInterviewer(model(), PROVIDER, name, loadPrompt(PROMPTS.interviewer), ROLE_IDS, 'native', openai.timeoutMs));
  },
  async start(resolver: Resolver) {
    const selected = [...resolver.selectedIds(AnswerGrader), ...resolver.selectedIds(Interviewer)].includes(PROVIDER);
    const missing = missingSettings(resolver.config.ai.azure);
    if (selected && missing.length > 0) throw new Error(`${missing.join(', ')} required when AI_PROVIDERS includes "azure"`);
  },
});
