import type { AiCallRecord } from '../../ports/provider-served.js';

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

export const tokensOf = (calls: readonly PricedCall[]): number =>
  calls.reduce((n, c) => n + (c.usage ? c.usage.inputTokens + c.usage.outputTokens : 0), 0);

export const costOf = (calls: readonly PricedCall[]): number =>
  Math.round(calls.reduce((n, c) => n + c.costUsd, 0) * 1e6) / 1e6;
