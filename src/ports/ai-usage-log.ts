import type { PricedCall } from '../domain/interviews/costs.js';
import { token } from './token.js';

export interface UsageSummaryRow {
  day: string;
  provider: string;
  model: string;
  calls: number;
  failures: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/**
 * Per-call AI usage. Contract: record stores every call given, in order, for the interview (for
 * none, null: the calls of an interview start that failed, whose interview was never stored);
 * summary sums calls, failures, tokens and cost by UTC day, provider and model within [from, to).
 */
export interface AiUsageLog {
  record(interviewId: string | null, calls: readonly PricedCall[], at: Date): Promise<void>;
  summary(range: { from?: Date; to?: Date }): Promise<UsageSummaryRow[]>;
}
export const AiUsageLog = token<AiUsageLog>('AiUsageLog');
