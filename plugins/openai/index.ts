import { createOpenAiChatModel } from '../../src/adapters/llm/chat-model.js';
import { ChatModelAnswerGrader } from '../../src/adapters/llm/answer-grader.chat-model.js';
import { ChatModelInterviewer } from '../../src/adapters/llm/interviewer.chat-model.js';
import { loadPrompt, PROMPTS } from '../../src/adapters/llm/prompts.js';
import { ROLE_IDS } from '../../src/adapters/offline/question-bank/types.js';
import { definePlugin, type Resolver } from '../../src/app/plugin-api.js';
import { AnswerGrader } from '../../src/ports/answer-grader.js';
import { Interviewer } from '../../src/ports/interviewer.js';

const PROVIDER = 'openai';

/** OpenAI (or any server speaking its chat-completions API) behind the Interviewer and AnswerGrader ports. */
export default definePlugin({
  name: 'openai',
  apiVersion: 1,
  register(ctx) {
    const settings = ctx.config.ai.openai;
    // Without a key no call could succeed: the provider is not made, so an admin's switch to it is refused (422).
    const model = () => {
      if (!settings.apiKey) throw new Error('OPENAI_API_KEY is not set');
      return createOpenAiChatModel({ ...settings, apiKey: settings.apiKey });
    };
    ctx.provide(AnswerGrader, PROVIDER, () => new ChatModelAnswerGrader(model(), PROVIDER, settings.model, loadPrompt(PROMPTS.answerGrader), 'native', settings.timeoutMs));
    ctx.provide(Interviewer, PROVIDER, () => new ChatModelInterviewer(model(), PROVIDER, settings.model, loadPrompt(PROMPTS.interviewer), ROLE_IDS, 'native', settings.timeoutMs));
  },
  async start(resolver: Resolver) {
    const selected = [...resolver.selectedIds(AnswerGrader), ...resolver.selectedIds(Interviewer)].includes(PROVIDER);
    if (selected && !resolver.config.ai.openai.apiKey) {
      throw new Error('OPENAI_API_KEY is required when AI_PROVIDERS includes "openai"');
    }
  },
});
