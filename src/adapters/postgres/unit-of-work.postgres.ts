import { PgAiSettingsStore } from './ai-settings.postgres.js';
import { PgAiUsageLog } from './ai-usage-log.postgres.js';
import { PgJobQueue } from './job-queue.postgres.js';
import type { Knex } from 'knex';
import type { Repositories, UnitOfWork } from '../../ports/unit-of-work.js';
import { AccountCache } from './account-cache.js';
import { PgAccountRepository } from './account-repository.postgres.js';
import { PgLoginThrottle } from './login-throttle.postgres.js';
import { PgInterviewRepository } from './interview-repository.postgres.js';
import { PgAssessmentResultRepository, PgIdempotencyStore } from './assessment-repositories.postgres.js';
import { PgCandidateProfileRepository } from './candidate-profile-repository.postgres.js';
import { PgResumeRepository } from './resume-repository.postgres.js';

type AccountCacheView = ConstructorParameters<typeof PgAccountRepository>[2];

export function pgRepositories(db: Knex, root: Knex = db, accountCache?: AccountCacheView): Repositories {
  return {
    accounts: new PgAccountRepository(db, root, accountCache),
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

export interface PgUnitOfWorkOptions {
  /** How long an account read by id outside a transaction may be served from memory; 0 = never (see AccountCache). */
  accountCacheMs?: number;
}

/** One knex transaction per unit of work; repositories inside it are bound to that transaction. */
export class PgUnitOfWork implements UnitOfWork {
  readonly repositories: Repositories;
  private readonly accountCache?: AccountCache;

  constructor(private readonly db: Knex, options: PgUnitOfWorkOptions = {}) {
    if (options.accountCacheMs && options.accountCacheMs > 0) this.accountCache = new AccountCache(options.accountCacheMs);
    this.repositories = pgRepositories(db, db, this.accountCache);
  }

  async transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    const cache = this.accountCache;
    if (!cache) return this.db.transaction((trx) => work(pgRepositories(trx, this.db)));
    // Accounts written in the transaction are invalidated again once it has committed or rolled back.
    const written = new Set<string>();
    const view: AccountCacheView = {
      read: (id, load) => cache.read(id, load),
      invalidate: (id) => {
        written.add(id);
        cache.invalidate(id);
      },
    };
    try {
      return await this.db.transaction((trx) => work(pgRepositories(trx, this.db, view)));
    } finally {
      for (const id of written) cache.invalidate(id);
    }
  }
}
