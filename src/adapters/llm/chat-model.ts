import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AzureChatOpenAI, ChatOpenAI } from '@langchain/openai';
import type { ZodType } from 'zod';
import { JsonStringFieldStream } from './json-field-stream.js';
import { ProviderBadResponse, ProviderRateLimited, ProviderUnavailable } from '../../ports/ai-errors.js';
import type { AiCallOptions, TokenUsage } from '../../ports/provider-served.js';

export interface ChatModelSettings {
  apiKey: string;
  baseUrl?: string;
  model: string;
  temperature: number;
  maxTokens: number;
  timeoutMs: number;
}

/**
 * The one place chat models are made. Retries are off here: the fallback chain owns retry and
 * backoff, so a failing vendor is retried once per policy, not twice.
 */
export function createOpenAiChatModel(settings: ChatModelSettings): BaseChatModel {
  return new ChatOpenAI({
    model: settings.model,
    apiKey: settings.apiKey,
    temperature: settings.temperature,
    maxTokens: settings.maxTokens,
    timeout: settings.timeoutMs,
    maxRetries: 0,
    ...(settings.baseUrl ? { configuration: { baseURL: settings.baseUrl } } : {}),
  });
}

export interface AzureChatModelSettings {
  apiKey: string;
  /** https://<resource>.openai.azure.com */
  endpoint: string;
  deployment: string;
  apiVersion: string;
  temperature: number;
  maxTokens: number;
  timeoutMs: number;
}

/** Azure OpenAI: same chat models, addressed by resource endpoint, deployment and API version. */
export function createAzureChatModel(settings: AzureChatModelSettings): BaseChatModel {
  return new AzureChatOpenAI({
    azureOpenAIApiKey: settings.apiKey,
    azureOpenAIEndpoint: settings.endpoint,
    azureOpenAIApiDeploymentName: settings.deployment,
    azureOpenAIApiVersion: settings.apiVersion,
    temperature: settings.temperature,
    maxTokens: settings.maxTokens,
    timeout: settings.timeoutMs,
    maxRetries: 0,
  });
}

export type JsonMode = 'native' | 'prompt';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface JsonResult<T> {
  value: T;
  model: string;
  usage: TokenUsage;
}

/** Translates a vendor SDK failure into the port's errors; aborts keep their AbortError name. */
export function toPortError(provider: string, error: unknown): Error {
  const e = error as { name?: string; status?: number; message?: string; retryAfterMs?: number; headers?: unknown };
  if (e?.name === 'AbortError') return Object.assign(new Error('The AI call was aborted'), { name: 'AbortError' });
  if (e?.status === 429) {
    const header = (e.headers as { get?: (k: string) => string | null } | undefined)?.get?.('retry-after')
      ?? (e.headers as Record<string, string> | undefined)?.['retry-after'];
    const seconds = e.retryAfterMs !== undefined ? e.retryAfterMs / 1000 : header ? Number(header) : undefined;
    return new ProviderRateLimited(provider, Number.isFinite(seconds) ? seconds : undefined);
  }
  if (e?.status === undefined || e.status >= 500 || e.status === 408) {
    return new ProviderUnavailable(provider, e?.message ?? String(error));
  }
  return new ProviderBadResponse(provider, `HTTP ${e.status}: ${e.message ?? 'request refused'}`);
}

/** The longest a whole model call may take, its reply read to the end, when the adapter gives none (see withDeadline). */
export const DEFAULT_CALL_DEADLINE_MS = 30_000;

/**
 * A model call's signal bounded by a deadline for the whole call. The vendor SDK's own timeout covers
 * only the wait for the reply's headers: a vendor that sends them and then stalls would hold the call
 * for the HTTP client's 300 s, with no fallback meanwhile. `portError` tells the deadline's abort from the
 * caller's: only the caller's is an AbortError; the deadline's is the provider being unavailable.
 */
function withDeadline(signal: AbortSignal | undefined, deadlineMs: number) {
  const deadline = AbortSignal.timeout(deadlineMs);
  return {
    signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
    portError: (provider: string, error: unknown): Error =>
      (deadline.aborted && !signal?.aborted ? new ProviderUnavailable(provider, `no complete reply within ${deadlineMs} ms`) : toPortError(provider, error)),
  };
}

/** A model call's options: its signal, and the vendor's JSON mode when `jsonMode` asks for it (OpenAI's response_format). */
const callOptions = (signal: AbortSignal, jsonMode: JsonMode) =>
  ({ signal, ...(jsonMode === 'native' ? { response_format: { type: 'json_object' } } : {}) }) as never;

const textOf = (content: unknown): string =>
  typeof content === 'string' ? content
    : Array.isArray(content) ? content.map((p) => (typeof p === 'string' ? p : (p as { text?: string }).text ?? '')).join('') : '';

/**
 * Asks for a JSON object and validates it with a zod schema. Invalid JSON or a schema mismatch
 * gets one repair request; a second failure is a ProviderBadResponse — never a made-up value.
 */
export async function invokeJson<T>(
  model: BaseChatModel,
  provider: string,
  schema: ZodType<T>,
  messages: ChatMessage[],
  options: AiCallOptions = {},
  /** 'native' asks the vendor for JSON mode (OpenAI's response_format); 'prompt' relies on the prompt alone. */
  jsonMode: JsonMode = 'native',
  /** The longest each model call may take, its reply read to the end (see withDeadline). */
  deadlineMs = DEFAULT_CALL_DEADLINE_MS,
): Promise<JsonResult<T>> {
  const conversation = [...messages];
  let inputTokens = 0;
  let outputTokens = 0;
  let estimated = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    let reply;
    const call = withDeadline(options.signal, deadlineMs);
    try {
      reply = await model.invoke(
        conversation.map((m) => [m.role, m.content] as [string, string]),
        callOptions(call.signal, jsonMode),
      );
    } catch (error) {
      throw call.portError(provider, error);
    }
    const text = textOf(reply.content);
    if (reply.usage_metadata) {
      inputTokens += reply.usage_metadata.input_tokens ?? 0;
      outputTokens += reply.usage_metadata.output_tokens ?? 0;
    } else {
      // No counts from the vendor: estimate at about four characters a token.
      estimated = true;
      inputTokens += Math.ceil(conversation.reduce((n, m) => n + m.content.length, 0) / 4);
      outputTokens += Math.ceil(text.length / 4);
    }
    let problem: string;
    try {
      const parsed = schema.safeParse(JSON.parse(text.replace(/^```(?:json)?\s*|\s*```$/g, '')));
      if (parsed.success) {
        return {
          value: parsed.data,
          model: String((reply.response_metadata as { model_name?: string })?.model_name ?? ''),
          usage: { inputTokens, outputTokens, estimated },
        };
      }
      problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    } catch (error) {
      problem = `not valid JSON (${(error as Error).message})`;
    }
    conversation.push(
      { role: 'assistant', content: text },
      { role: 'user', content: `That reply was unusable: ${problem}. Answer again with only the corrected JSON object.` },
    );
  }
  throw new ProviderBadResponse(provider, 'invalid JSON after one repair attempt', { inputTokens, outputTokens, estimated });
}

/**
 * Streams a JSON reply, handing the decoded text of one string field to `onText` as it arrives,
 * then validates the whole object. Anything unusable falls back to invokeJson (with its repair).
 */
export async function streamJson<T>(
  model: BaseChatModel,
  provider: string,
  schema: ZodType<T>,
  messages: ChatMessage[],
  field: string,
  onText: (text: string) => void,
  options: AiCallOptions = {},
  jsonMode: JsonMode = 'native',
  deadlineMs = DEFAULT_CALL_DEADLINE_MS,
): Promise<JsonResult<T> & { streamed: string }> {
  const extractor = new JsonStringFieldStream(field);
  let text = '';
  let streamed = '';
  let inputTokens = 0;
  let outputTokens = 0;
  let modelName = '';
  const call = withDeadline(options.signal, deadlineMs);
  try {
    const stream = await model.stream(
      messages.map((m) => [m.role, m.content] as [string, string]),
      callOptions(call.signal, jsonMode),
    );
    for await (const chunk of stream) {
      const piece = textOf(chunk.content);
      text += piece;
      const decoded = extractor.push(piece);
      if (decoded) {
        streamed += decoded;
        onText(decoded);
      }
      if (chunk.usage_metadata) {
        inputTokens = chunk.usage_metadata.input_tokens ?? inputTokens;
        outputTokens = chunk.usage_metadata.output_tokens ?? outputTokens;
      }
      modelName = String((chunk.response_metadata as { model_name?: string })?.model_name ?? modelName);
    }
  } catch (error) {
    throw call.portError(provider, error);
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text.replace(/^```(?:json)?\s*|\s*```$/g, '')));
    if (parsed.success) {
      const estimated = inputTokens === 0 && outputTokens === 0;
      return {
        value: parsed.data, model: modelName, streamed,
        usage: estimated
          ? { inputTokens: Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4), outputTokens: Math.ceil(text.length / 4), estimated: true }
          : { inputTokens, outputTokens, estimated: false },
      };
    }
  } catch {
    /* repaired below */
  }
  return { ...(await invokeJson(model, provider, schema, messages, options, jsonMode, deadlineMs)), streamed };
}
