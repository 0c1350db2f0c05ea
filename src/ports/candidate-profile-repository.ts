import type { CandidateProfile } from '../domain/candidates/profile.js';
import { token } from './token.js';

/**
 * Candidate profiles, one per candidate account.
 * Contract: find resolves undefined for a candidate whose profile was never saved; save of a profile
 * at version 0 inserts it (a second insert for the same candidate rejects with VersionConflict);
 * save of version n succeeds only if the stored version is n (else VersionConflict) and resolves the
 * profile at version n + 1; removing the account removes its profile.
 */
export interface CandidateProfileRepository {
  /**
   * Inside a transaction, makes every other transaction that locks the same candidate's profile wait
   * until this one ends (so concurrent edits queue instead of conflicting). Harmless outside one.
   */
  lock(candidateId: string): Promise<void>;
  find(candidateId: string): Promise<CandidateProfile | undefined>;
  save(profile: CandidateProfile): Promise<CandidateProfile>;
}
export const CandidateProfileRepository = token<CandidateProfileRepository>('CandidateProfileRepository');
