import { MemoryUnitOfWork } from '../../src/adapters/memory/unit-of-work.memory.js';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { databaseLegs } from '../support/databases.js';
import { resumeRepositoryContract } from './suites/resume-repository.contract.js';

resumeRepositoryContract('memory', async () => new MemoryUnitOfWork());
for (const leg of databaseLegs()) {
  resumeRepositoryContract(leg.label, async () => new PgUnitOfWork((await leg.open()).knex));
}
