/**
 * Anthropic (Claude) as a second vendor for the Interviewer and AnswerGrader ports — a plugin
 * written only against the public plugin API and the reusable LLM adapters; enabling it changes
 * nothing under src/:
 *
 *   PLUGINS=./plugins/anthropic/index.ts
 *   PLUGIN_OPTIONS='{"anthropic":{"apiKey":"sk-ant-…","model":"claude-3-5-haiku-latest"}}'
 *   AI_PROVIDERS=anthropic,offline
 */
import { ChatAnthropic } from '@langchain/anthropic';
import { ChatModelAnswerGrader } from '../../src/adapters/llm/answer-grader.chat-model.js';
import { ChatModelInterviewer } from '../../src/adapters/llm/interviewer.chat-model.js';
import { loadPrompt, PROMPTS } from '../../src/adapters/llm/prompts.js';
import { ROLE_IDS } from '../../src/adapters/offline/question-bank/types.js';
import { definePlugin } from '../../src/app/plugin-api.js';
import { AnswerGrader } from '../../src/ports/answer-grader.js';
import { Interviewer } from '../../src/ports/interviewer.js';

export interface AnthropicOptions {
  apiKey: string;
  model: string;
  baseUrl?: string;
  temperature: number;
  maxTokens: number;
  timeoutMs: number;
}

export function parseAnthropicOptions(raw: unknown): AnthropicOptions {
  const o = (raw ?? {}) as Record<string, unknown>;
  if (typeof o.apiKey !== 'string' || o.apiKey === '') throw new Error('apiKey is required (PLUGIN_OPTIONS.anthropic.apiKey)');
  const num = (key: string, fallback: number, min: number, max: number) => {
    const v = o[key] ?? fallback;
    if (typeof v !== 'number' || !(v >= min && v <= max)) throw new Error(`${key} must be a number from ${min} to ${max}`);
    return v;
  };
  if (o.baseUrl !== undefined && (typeof o.baseUrl !== 'string' || !/^https?:\/\//.test(o.baseUrl))) throw new Error('baseUrl must be an http(s) URL');
  return {
    apiKey: o.apiKey,
    model: typeof o.model === 'string' && o.model ? o.model : 'claude-3-5-haiku-latest',
    ...(typeof o.baseUrl === 'string' ? { baseUrl: o.baseUrl } : {}),
    temperature: num('temperature', 0.2, 0, 1),
    maxTokens: num('maxTokens', 800, 16, 8192),
    timeoutMs: num('timeoutMs', 30_000, 1_000, 300_000),
  };
}

const PROVIDER = 'anthropic';

export default definePlugin<AnthropicOptions>({
  name: 'anthropic',
  apiVersion: 1,
  parseOptions: parseAnthropicOptions,
  register(ctx) {
    const o = ctx.options;
    const model = () => new ChatAnthropic({
      model: o.model, apiKey: o.apiKey, temperature: o.temperature, maxTokens: o.maxTokens, maxRetries: 0,
      clientOptions: { timeout: o.timeoutMs, ...(o.baseUrl ? { baseURL: o.baseUrl } : {}) },
    });
    // Anthropic has no JSON mode: the prompt alone asks for JSON, and invalid JSON gets one repair.
    ctx.provide(AnswerGrader, PROVIDER, () => new ChatModelAnswerGrader(model(), PROVIDER, o.model, loadPrompt(PROMPTS.answerGrader), 'prompt', o.timeoutMs));
    ctx.provide(Interviewer, PROVIDER, () => new ChatModelInterviewer(model(), PROVIDER, o.model, loadPrompt(PROMPTS.interviewer), ROLE_IDS, 'prompt', o.timeoutMs));
  },
});
