import { MemoryUnitOfWork } from '../../src/adapters/memory/unit-of-work.memory.js';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { DEFAULT_THRESHOLDS } from '../../src/domain/assessment/index.js';
import { databaseLegs } from '../support/databases.js';
import { interviewRepositoryContract } from './suites/interview-repository.contract.js';

interviewRepositoryContract('memory', async () => new MemoryUnitOfWork());
for (const leg of databaseLegs()) {
  interviewRepositoryContract(leg.label, async () => new PgUnitOfWork((await leg.open()).knex, { thresholds: DEFAULT_THRESHOLDS }));
  interviewRepositoryContract(`${leg.label}, interviews cached`, async () => new PgUnitOfWork((await leg.open()).knex, { interviewCacheMs: 60_000, thresholds: DEFAULT_THRESHOLDS }));
}
