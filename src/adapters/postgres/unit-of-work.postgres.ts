import { PgAiSettingsStore } from './ai-settings.postgres.js';
import { PgAiUsageLog } from './ai-usage-log.postgres.js';
import { PgJobQueue } from './job-queue.postgres.js';
import type { Knex } from 'knex';
import { type AssessmentThresholds, DEFAULT_THRESHOLDS } from '../../domain/assessment/index.js';
import type { Repositories, UnitOfWork } from '../../ports/unit-of-work.js';
import { AccountCache } from './account-cache.js';
import { PgAccountRepository } from './account-repository.postgres.js';
import { PgLoginThrottle } from './login-throttle.postgres.js';
import { InterviewCache } from './interview-cache.js';
import { type InterviewCacheView, PgInterviewRepository } from './interview-repository.postgres.js';
import { PgAssessmentResultRepository, PgIdempotencyStore } from './assessment-repositories.postgres.js';
import { PgCandidateProfileRepository } from './candidate-profile-repository.postgres.js';
import { PgResumeRepository } from './resume-repository.postgres.js';

type AccountCacheView = ConstructorParameters<typeof PgAccountRepository>[2];

export function pgRepositories(
  db: Knex,
  root: Knex,
  thresholds: AssessmentThresholds,
  accountCache?: AccountCacheView,
  interviewCache?: InterviewCacheView,
): Repositories {
  return {
    accounts: new PgAccountRepository(db, root, accountCache),
    loginThrottle: new PgLoginThrottle(db),
    interviews: new PgInterviewRepository(db, root, thresholds, interviewCache),
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
  /** How long an interview may be served from memory since this process last wrote or read it; 0 = never (see InterviewCache). */
  interviewCacheMs?: number;
  /**
   * The assessment thresholds the interview turns run with: an interview's progression is rebuilt
   * from its transcript with them (see PgInterviewRepository). Defaults to DEFAULT_THRESHOLDS.
   */
  thresholds?: AssessmentThresholds;
}

/** One knex transaction per unit of work; repositories inside it are bound to that transaction. */
export class PgUnitOfWork implements UnitOfWork {
  readonly repositories: Repositories;
  private readonly accountCache?: AccountCache;
  private readonly interviewCache?: InterviewCache;
  private readonly thresholds: AssessmentThresholds;

  constructor(private readonly db: Knex, options: PgUnitOfWorkOptions = {}) {
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    if (options.accountCacheMs && options.accountCacheMs > 0) this.accountCache = new AccountCache(options.accountCacheMs);
    if (options.interviewCacheMs && options.interviewCacheMs > 0) this.interviewCache = new InterviewCache(options.interviewCacheMs);
    this.repositories = pgRepositories(db, db, this.thresholds, this.accountCache, this.interviewCache && { cache: this.interviewCache });
  }

  async transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    const { accountCache, interviewCache } = this;
    // What the transaction writes is dropped from the caches before each write and again once it
    // has committed or rolled back, so no read in between keeps a value that may not stand.
    const accounts = new Set<string>();
    const interviews = new Set<string>();
    const accountView: AccountCacheView | undefined = accountCache && {
      read: (id, load) => accountCache.read(id, load),
      invalidate: (id) => {
        accounts.add(id);
        accountCache.invalidate(id);
      },
    };
    const interviewView: InterviewCacheView | undefined = interviewCache && { cache: interviewCache, written: (id) => interviews.add(id) };
    try {
      return await this.db.transaction((trx) => work(pgRepositories(trx, this.db, this.thresholds, accountView, interviewView)));
    } finally {
      for (const id of accounts) accountCache?.invalidate(id);
      for (const id of interviews) interviewCache?.invalidate(id);
    }
  }
}
