import type { AccountRepository } from './account-repository.js';
import type { AssessmentResultRepository, IdempotencyStore, InterviewRepository } from './interview-repository.js';
import type { CandidateProfileRepository } from './candidate-profile-repository.js';
import type { ResumeRepository } from './resume-repository.js';
import type { AiSettingsStore } from './ai-settings.js';
import type { AiUsageLog } from './ai-usage-log.js';
import type { JobQueue } from './job-queue.js';
import type { LoginThrottle } from './login-throttle.js';
import { token } from './token.js';

/** Every repository, bound either to a transaction or to the database at large. */
export interface Repositories {
  accounts: AccountRepository;
  loginThrottle: LoginThrottle;
  interviews: InterviewRepository;
  assessments: AssessmentResultRepository;
  idempotency: IdempotencyStore;
  profiles: CandidateProfileRepository;
  resumes: ResumeRepository;
  jobs: JobQueue;
  aiUsage: AiUsageLog;
  aiSettings: AiSettingsStore;
}

/**
 * Transaction boundary. Contract: writes inside transaction() commit together when work resolves
 * and are all rolled back when it rejects; `repositories` reads outside any transaction.
 */
export interface UnitOfWork {
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  readonly repositories: Repositories;
}
export const UnitOfWork = token<UnitOfWork>('UnitOfWork');
