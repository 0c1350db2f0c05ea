import { DomainError } from '../domain/shared/domain-error.js';
import type { TokenUsage } from './provider-served.js';

/** The provider could not be reached, timed out or answered 5xx: another provider may serve. */
export class ProviderUnavailable extends DomainError {
  constructor(provider: string, reason: string) {
    super('ai.provider_unavailable', `AI provider ${provider} is unavailable: ${reason}`, { provider });
  }
}

/** The provider refused for rate or quota reasons; retryAfterSeconds when it said. */
export class ProviderRateLimited extends DomainError {
  constructor(provider: string, readonly retryAfterSeconds?: number) {
    super('ai.rate_limited', `AI provider ${provider} is rate limiting requests`, { provider, retryAfterSeconds });
  }
}

/**
 * The provider answered, but not with a usable result (bad JSON twice, schema mismatch). `usage`: the
 * tokens its unusable replies cost, when it said (they are billed all the same).
 */
export class ProviderBadResponse extends DomainError {
  constructor(provider: string, reason: string, readonly usage?: TokenUsage) {
    super('ai.bad_response', `AI provider ${provider} returned an unusable answer: ${reason}`, { provider });
  }
}
