import { MemoryUnitOfWork } from '../../src/adapters/memory/unit-of-work.memory.js';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { databaseLegs } from '../support/databases.js';
import { jobQueueContract } from './suites/job-queue.contract.js';

jobQueueContract('memory', async () => new MemoryUnitOfWork());
for (const leg of databaseLegs()) {
  jobQueueContract(leg.label, async () => new PgUnitOfWork((await leg.open()).knex));
}
