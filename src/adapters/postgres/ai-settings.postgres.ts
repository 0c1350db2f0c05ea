import type { Knex } from 'knex';
import type { AiProviderChange, AiProviderSetting, AiSettingsStore } from '../../ports/ai-settings.js';
import { atomically } from './transactions.js';

const KEY = 'ai_providers';

export class PgAiSettingsStore implements AiSettingsStore {
  constructor(private readonly db: Knex) {}

  async load(): Promise<AiProviderSetting | undefined> {
    const row = await this.db('ai_settings').where({ key: KEY }).first();
    return row ? { chain: row.value.chain as string[], updatedAt: new Date(row.updated_at), updatedBy: row.updated_by } : undefined;
  }

  async save(change: AiProviderChange): Promise<void> {
    const write = async (db: Knex) => {
      await db('ai_settings')
        .insert({ key: KEY, value: JSON.stringify({ chain: change.to }), updated_at: change.at, updated_by: change.by })
        .onConflict('key')
        .merge();
      await db('ai_settings_audit').insert({
        key: KEY, from_value: JSON.stringify(change.from), to_value: JSON.stringify(change.to), changed_by: change.by, changed_at: change.at,
      });
    };
    await atomically(this.db, write);
  }

  async history(limit: number): Promise<AiProviderChange[]> {
    const rows = await this.db('ai_settings_audit').where({ key: KEY }).orderBy('id', 'desc').limit(limit);
    return rows.map((r) => ({ at: new Date(r.changed_at), by: r.changed_by, from: r.from_value, to: r.to_value }));
  }
}
