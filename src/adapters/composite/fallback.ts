import { ProviderUnavailable } from '../../ports/ai-errors.js';
import type { Logger } from '../../ports/logger.js';
import type { AiCallOptions, AiCallRecord, TokenUsage } from '../../ports/provider-served.js';

export interface RetryPolicy {
  /** Retries of one provider after its first attempt, for timeouts, 429 and 5xx. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}


export interface ChainLink<T> {
  id: string;
  provider: T;
}

export interface FallbackDeps {
  policy: RetryPolicy;
  logger: Logger;
  /** Waits ms or rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1): the jitter. */
  random(): number;
}

export const isAbort = (error: unknown): boolean => (error as Error)?.name === 'AbortError';

// By code, not instanceof: a plugin may bring its own copy of the error classes.
const codeOf = (error: unknown) => (error as { code?: unknown })?.code;
const isRetryable = (error: unknown) => codeOf(error) === 'ai.provider_unavailable' || codeOf(error) === 'ai.rate_limited';
const isPortError = (error: unknown) => isRetryable(error) || codeOf(error) === 'ai.bad_response';

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Calls the chain's providers in order. A provider that times out, rate-limits or fails with 5xx
 * is retried with exponential backoff and full jitter (a Retry-After it gave wins when longer, and
 * one longer than the policy's longest wait is not retried at all);
 * once its retries are spent, or when it answers with something unusable, the next provider
 * serves the call. Aborts are never retried. When every provider fails, the last error is thrown.
 */
export async function callWithFallback<T, R extends { servedBy: { model: string }; usage?: TokenUsage }>(
  chain: readonly ChainLink<T>[],
  deps: FallbackDeps,
  operation: AiCallRecord['port'],
  call: (provider: T) => Promise<R>,
  options: AiCallOptions = {},
): Promise<R> {
  const { signal, onCall } = options;
  // Made only when needed: an error captures a stack trace, and this runs twice per interview turn.
  let lastError: unknown;
  for (const [index, link] of chain.entries()) {
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      try {
        const result = await call(link.provider);
        onCall?.({
          port: operation, provider: link.id, model: result.servedBy.model, outcome: 'ok',
          latencyMs: Math.round(performance.now() - started), ...(result.usage ? { usage: result.usage } : {}),
        });
        return result;
      } catch (error) {
        if (isAbort(error) || signal?.aborted) throw error;
        // An unusable reply was billed all the same: its tokens are counted with the failure.
        const usage = (error as { usage?: TokenUsage }).usage;
        onCall?.({
          port: operation, provider: link.id, model: '', outcome: 'error',
          latencyMs: Math.round(performance.now() - started), error: (error as Error).message, ...(usage ? { usage } : {}),
        });
        lastError = error;
        const retryAfterSeconds = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
        const retryAfterMs = codeOf(error) === 'ai.rate_limited' && retryAfterSeconds ? retryAfterSeconds * 1000 : 0;
        // A vendor asking for a longer pause than a retry may wait is not retried early: the next provider serves,
        // or, with none, its rate limit is answered with its Retry-After.
        const canRetry = isRetryable(error) && attempt < deps.policy.retries && retryAfterMs <= deps.policy.maxDelayMs;
        const next = chain[index + 1]?.id;
        deps.logger.warn(
          { provider: link.id, operation, attempt: attempt + 1, error: (error as Error).message, next: canRetry ? link.id : next ?? null },
          canRetry ? 'AI provider call failed; retrying' : next ? 'AI provider failed; falling back' : 'AI provider failed; no fallback left',
        );
        if (!canRetry) break;
        const backoff = Math.min(deps.policy.maxDelayMs, deps.policy.baseDelayMs * 2 ** attempt) * deps.random();
        await deps.sleep(Math.min(deps.policy.maxDelayMs, Math.max(backoff, retryAfterMs)), signal);
      }
    }
  }
  if (chain.length === 0) throw new ProviderUnavailable('(none)', 'no provider configured');
  if (isPortError(lastError)) throw lastError;
  throw new ProviderUnavailable(chain.map((l) => l.id).join(','), (lastError as Error)?.message ?? String(lastError));
}
