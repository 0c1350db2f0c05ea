import { MemoryAiSettingsStore } from './ai-settings.memory.js';
import { MemoryAiUsageLog } from './ai-usage-log.memory.js';
import { MemoryJobQueue } from './job-queue.memory.js';
import type { Repositories, UnitOfWork } from '../../ports/unit-of-work.js';
import { MemoryAccountRepository } from './account-repository.memory.js';
import { MemoryLoginThrottle } from './login-throttle.memory.js';
import {
  MemoryAssessmentResultRepository, MemoryIdempotencyStore, MemoryInterviewRepository,
} from './interview-repository.memory.js';
import { MemoryStore, Mutex } from './memory-store.js';
import { MemoryCandidateProfileRepository } from './candidate-profile-repository.memory.js';
import { MemoryResumeRepository } from './resume-repository.memory.js';

export function memoryRepositories(store: MemoryStore): Repositories {
  return {
    accounts: new MemoryAccountRepository(store),
    loginThrottle: new MemoryLoginThrottle(store),
    interviews: new MemoryInterviewRepository(store),
    assessments: new MemoryAssessmentResultRepository(store),
    idempotency: new MemoryIdempotencyStore(store),
    profiles: new MemoryCandidateProfileRepository(store),
    resumes: new MemoryResumeRepository(store),
    jobs: new MemoryJobQueue(store),
    aiUsage: new MemoryAiUsageLog(store),
    aiSettings: new MemoryAiSettingsStore(store),
  };
}

/** Transactions run one at a time and roll back by restoring a snapshot. */
export class MemoryUnitOfWork implements UnitOfWork {
  readonly repositories: Repositories;
  private readonly mutex = new Mutex();

  constructor(readonly store: MemoryStore = new MemoryStore()) {
    this.repositories = memoryRepositories(store);
  }

  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      const before = this.store.snapshot();
      try {
        return await work(this.repositories);
      } catch (error) {
        this.store.restore(before);
        throw error;
      }
    });
  }
}
