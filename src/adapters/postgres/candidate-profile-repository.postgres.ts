import type { Knex } from 'knex';
import { type CandidateProfile, emptyPreferences, type JobPreferences } from '../../domain/candidates/profile.js';
import { VersionConflict } from '../../domain/shared/domain-error.js';
import type { CandidateProfileRepository } from '../../ports/candidate-profile-repository.js';
import { isUniqueViolation } from './pg-errors.js';
import { lockKey } from './transactions.js';

interface ProfileRow {
  candidate_id: string;
  skills: string[];
  experience_years: number | null;
  job_preferences: Partial<JobPreferences>;
  profile_completeness_score: string | number | null;
  version: number;
  updated_at: Date | string;
}

const toProfile = (row: ProfileRow): CandidateProfile => ({
  candidateId: row.candidate_id,
  skills: [...row.skills],
  experienceYears: row.experience_years,
  preferences: { ...emptyPreferences(), ...row.job_preferences },
  completenessScore: row.profile_completeness_score === null ? null : Number(row.profile_completeness_score),
  version: row.version,
  updatedAt: new Date(row.updated_at),
});

const toColumns = (p: CandidateProfile) => ({
  skills: JSON.stringify(p.skills),
  experience_years: p.experienceYears,
  job_preferences: JSON.stringify(p.preferences),
  profile_completeness_score: p.completenessScore,
  updated_at: p.updatedAt,
});

export class PgCandidateProfileRepository implements CandidateProfileRepository {
  constructor(private readonly db: Knex) {}

  async lock(candidateId: string): Promise<void> {
    await lockKey(this.db, `profile:${candidateId}`);
  }

  async find(candidateId: string): Promise<CandidateProfile | undefined> {
    const row = await this.db<ProfileRow>('candidate_profiles').where({ candidate_id: candidateId }).first();
    return row && toProfile(row);
  }

  async save(profile: CandidateProfile): Promise<CandidateProfile> {
    if (profile.version === 0) {
      try {
        const [row] = await this.db('candidate_profiles')
          .insert({ candidate_id: profile.candidateId, ...toColumns(profile), version: 1 })
          .returning('*');
        return toProfile(row as ProfileRow);
      } catch (error) {
        if (isUniqueViolation(error)) throw new VersionConflict('CandidateProfile', profile.candidateId);
        throw error;
      }
    }
    const [row] = await this.db('candidate_profiles')
      .where({ candidate_id: profile.candidateId, version: profile.version })
      .update({ ...toColumns(profile), version: profile.version + 1 })
      .returning('*');
    if (!row) throw new VersionConflict('CandidateProfile', profile.candidateId);
    return toProfile(row as ProfileRow);
  }
}
