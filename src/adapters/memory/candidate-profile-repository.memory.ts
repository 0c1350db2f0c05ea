import type { CandidateProfile } from '../../domain/candidates/profile.js';
import { VersionConflict } from '../../domain/shared/domain-error.js';
import type { CandidateProfileRepository } from '../../ports/candidate-profile-repository.js';
import type { MemoryStore } from './memory-store.js';

export class MemoryCandidateProfileRepository implements CandidateProfileRepository {
  constructor(private readonly store: MemoryStore) {}

  private get rows() {
    return this.store.table<CandidateProfile>('candidate_profiles');
  }

  /** Memory transactions already run one at a time. */
  async lock(): Promise<void> {}

  async find(candidateId: string): Promise<CandidateProfile | undefined> {
    const row = this.rows.get(candidateId);
    return row && structuredClone(row);
  }

  async save(profile: CandidateProfile): Promise<CandidateProfile> {
    const current = this.rows.get(profile.candidateId);
    if ((current?.version ?? 0) !== profile.version) throw new VersionConflict('CandidateProfile', profile.candidateId);
    if (!this.store.table('accounts').has(profile.candidateId)) throw new Error(`No account ${profile.candidateId} for this profile`);
    const saved = { ...structuredClone(profile), version: profile.version + 1 };
    this.rows.set(profile.candidateId, saved);
    return structuredClone(saved);
  }
}
