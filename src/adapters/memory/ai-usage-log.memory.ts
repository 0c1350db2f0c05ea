import type { PricedCall } from '../../domain/interviews/costs.js';
import type { AiUsageLog, UsageSummaryRow } from '../../ports/ai-usage-log.js';
import type { MemoryStore } from './memory-store.js';

export class MemoryAiUsageLog implements AiUsageLog {
  constructor(private readonly store: MemoryStore) {}

  private get rows() {
    return this.store.table<PricedCall & { interviewId: string | null; at: Date }>('ai_usage');
  }

  async record(interviewId: string | null, calls: readonly PricedCall[], at: Date): Promise<void> {
    for (const c of calls) this.rows.set(`${this.rows.size}`, structuredClone({ ...c, interviewId, at }));
  }

  async summary(range: { from?: Date; to?: Date }): Promise<UsageSummaryRow[]> {
    const groups = new Map<string, UsageSummaryRow>();
    for (const r of this.rows.values()) {
      if ((range.from && r.at < range.from) || (range.to && r.at >= range.to)) continue;
      const day = r.at.toISOString().slice(0, 10);
      const model = r.model || '(unknown)';
      const key = `${day}|${r.provider}|${model}`;
      const g = groups.get(key) ?? { day, provider: r.provider, model, calls: 0, failures: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
      g.calls++;
      if (r.outcome === 'error') g.failures++;
      g.inputTokens += r.usage?.inputTokens ?? 0;
      g.outputTokens += r.usage?.outputTokens ?? 0;
      g.costUsd = Math.round((g.costUsd + r.costUsd) * 1e6) / 1e6;
      groups.set(key, g);
    }
    return [...groups.values()].sort((a, b) => `${a.day}${a.provider}${a.model}`.localeCompare(`${b.day}${b.provider}${b.model}`));
  }
}
