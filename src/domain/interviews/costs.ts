import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { AiCallRecord } from '../../ports/provider-served.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';

/** Prices in US dollars per million tokens, by model name. */
export type PriceTable = Record<string, { input: number; output: number }>;

export interface PricedCall extends AiCallRecord {
  costUsd: number;
}

/** What a call cost: its tokens × the model's price (a model missing from the table costs 0, visibly). */
export function priceCall(record: AiCallRecord, prices: PriceTable): PricedCall {
  const price = prices[record.model];
  const usage = record.usage;
  const costUsd = price && usage ? (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000 : 0;
  return { ...record, costUsd: Math.round(costUsd * 1e6) / 1e6 };
}

/**
 * AI calls no saved write took with it (a turn that failed, lost a race or was left; a start that failed), written
 * to the usage log on their own for `interviewId` (null: no interview was stored), so costs count what vendors bill.
 * A failure to write them is logged, not thrown: the caller is already answering with the error that mattered.
 */
export async function recordUnsavedCalls(
  deps: { uow: UnitOfWork; clock: Clock; prices: PriceTable; logger?: Logger }, interviewId: string | null, calls: readonly AiCallRecord[],
): Promise<void> {
  if (calls.length === 0) return;
  await deps.uow.repositories.aiUsage.record(interviewId, calls.map((c) => priceCall(c, deps.prices)), deps.clock.now()).catch((error: unknown) =>
    deps.logger?.warn({ interviewId, calls: calls.length, err: String(error) }, 'could not record the AI calls of work that was not saved'));
}

export const tokensOf = (calls: readonly PricedCall[]): number =>
  calls.reduce((n, c) => n + (c.usage ? c.usage.inputTokens + c.usage.outputTokens : 0), 0);

export const costOf = (calls: readonly PricedCall[]): number =>
  Math.round(calls.reduce((n, c) => n + c.costUsd, 0) * 1e6) / 1e6;
