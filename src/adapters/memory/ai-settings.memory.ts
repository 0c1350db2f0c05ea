import type { AiProviderChange, AiProviderSetting, AiSettingsStore } from '../../ports/ai-settings.js';
import type { MemoryStore } from './memory-store.js';

export class MemoryAiSettingsStore implements AiSettingsStore {
  constructor(private readonly store: MemoryStore) {}

  private get audit() {
    return this.store.table<AiProviderChange>('ai_settings_audit');
  }

  async load(): Promise<AiProviderSetting | undefined> {
    const row = this.store.table<AiProviderSetting>('ai_settings').get('ai_providers');
    return row && structuredClone(row);
  }

  async save(change: AiProviderChange): Promise<void> {
    this.store.table<AiProviderSetting>('ai_settings').set('ai_providers', structuredClone({ chain: change.to, updatedAt: change.at, updatedBy: change.by }));
    this.audit.set(String(this.audit.size), structuredClone(change));
  }

  async history(limit: number): Promise<AiProviderChange[]> {
    return structuredClone([...this.audit.values()].reverse().slice(0, limit));
  }
}
