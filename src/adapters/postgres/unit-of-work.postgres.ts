import { PgAiSettingsStore } from './ai-settings.postgres.js';
import { PgAiUsageLog } from './ai-usage-log.postgres.js';
import { PgJobQueue } from './job-queue.postgres.js';
import type { Knex } from 'knex';
import type { Repositories, UnitOfWork } from '../../ports/unit-of-work.js';
import { PgAccountRepository } from './account-repository.postgres.js';
import { PgLoginThrottle } from './login-throttle.postgres.js';
import { PgInterviewRepository } from './interview-repository.postgres.js';
import { PgAssessmentResultRepository, PgIdempotencyStore } from './assessment-repositories.postgres.js';
import { PgCandidateProfileRepository } from './candidate-profile-repository.postgres.js';
import { PgResumeRepository } from './resume-repository.postgres.js';

export function pgRepositories(db: Knex, root: Knex = db): Repositories {
  return {
    accounts: new PgAccountRepository(db, root),
    loginThrottle: new PgLoginThrottle(db),
    interviews: new PgInterviewRepository(db, root),
    assessments: new PgAssessmentResultRepository(db),
    idempotency: new PgIdempotencyStore(db),
    profiles: new PgCandidateProfileRepository(db),
    resumes: new PgResumeRepository(db),
    jobs: new PgJobQueue(db),
    aiUsage: new PgAiUsageLog(db),
    aiSettings: new PgAiSettingsStore(db),
  };
}

/** One knex transaction per unit of work; repositories inside it are bound to that transaction. */
export class PgUnitOfWork implements UnitOfWork {
  readonly repositories: Repositories;

  constructor(private readonly db: Knex) {
    this.repositories = pgRepositories(db);
  }

  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction((trx) => work(pgRepositories(trx, this.db)));
  }
}
