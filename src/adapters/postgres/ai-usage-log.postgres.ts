import type { Knex } from 'knex';
import type { PricedCall } from '../../domain/interviews/costs.js';
import type { AiUsageLog, UsageSummaryRow } from '../../ports/ai-usage-log.js';
import { NamedStatement } from './named-statement.js';

/** The usage columns, and the recordset shape `usageRows` serialises to (for statements that log calls). */
export const USAGE_COLUMNS = `interview_id, port, provider, model, outcome, input_tokens, output_tokens, estimated,
    cost_usd, latency_ms, error, created_at`;
export const USAGE_FIELDS = `port text, provider text, model text, outcome text, input_tokens int,
    output_tokens int, estimated boolean, cost_usd numeric, latency_ms int, error text`;
export const USAGE_RECORDSET = `r(${USAGE_FIELDS})`;
export const USAGE_SELECT = `r.port, r.provider, r.model, r.outcome, r.input_tokens, r.output_tokens, r.estimated, r.cost_usd,
    r.latency_ms, r.error`;

/** A call as a record of USAGE_FIELDS. */
export const usageRecord = (c: PricedCall) => ({
  port: c.port, provider: c.provider, model: c.model || '(unknown)', outcome: c.outcome,
  input_tokens: c.usage?.inputTokens ?? 0, output_tokens: c.usage?.outputTokens ?? 0, estimated: c.usage?.estimated ?? false,
  cost_usd: c.costUsd, latency_ms: c.latencyMs, error: c.error ?? null,
});

/** The calls as the JSON array `json_to_recordset(…) as ${USAGE_RECORDSET}` reads. */
export function usageRows(calls: readonly PricedCall[]): string {
  return JSON.stringify(calls.map(usageRecord));
}

/** One named statement whatever the number of calls. */
const RECORD = new NamedStatement('ai_usage_record', `insert into ai_usage (${USAGE_COLUMNS})
  select ?::uuid, ${USAGE_SELECT}, ?::timestamptz
  from json_to_recordset(?::json) as ${USAGE_RECORDSET}`);

export class PgAiUsageLog implements AiUsageLog {
  constructor(private readonly db: Knex) {}

  async record(interviewId: string | null, calls: readonly PricedCall[], at: Date): Promise<void> {
    if (calls.length === 0) return;
    await RECORD.rows(this.db, [interviewId, at, usageRows(calls)]);
  }

  async summary(range: { from?: Date; to?: Date }): Promise<UsageSummaryRow[]> {
    const q = this.db('ai_usage')
      .select(this.db.raw(`to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') as day`), 'provider', 'model')
      .count({ calls: '*' })
      .select(this.db.raw(`count(*) filter (where outcome = 'error') as failures`))
      .sum({ input_tokens: 'input_tokens', output_tokens: 'output_tokens', cost_usd: 'cost_usd' })
      .groupBy('day', 'provider', 'model')
      .orderBy([{ column: 'day' }, { column: 'provider' }, { column: 'model' }]);
    if (range.from) q.where('created_at', '>=', range.from);
    if (range.to) q.where('created_at', '<', range.to);
    const rows = (await q) as Array<Record<string, string | number>>;
    return rows.map((r) => ({
      day: String(r.day), provider: String(r.provider), model: String(r.model), calls: Number(r.calls), failures: Number(r.failures),
      inputTokens: Number(r.input_tokens), outputTokens: Number(r.output_tokens), costUsd: Math.round(Number(r.cost_usd) * 1e6) / 1e6,
    }));
  }
}
