import { token } from './token.js';

export interface AiProviderSetting {
  chain: string[];
  updatedAt: Date;
  updatedBy: string;
}

export interface AiProviderChange {
  at: Date;
  by: string;
  from: string[];
  to: string[];
}

/**
 * The AI provider chain chosen by an admin at run time, with its audit trail.
 * Contract: load resolves undefined until a chain is saved; save replaces the chain and appends an
 * audit entry (who, when, from, to) atomically; history is newest first.
 */
export interface AiSettingsStore {
  load(): Promise<AiProviderSetting | undefined>;
  save(change: AiProviderChange): Promise<void>;
  history(limit: number): Promise<AiProviderChange[]>;
}
export const AiSettingsStore = token<AiSettingsStore>('AiSettingsStore');
