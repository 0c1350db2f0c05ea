import { MemoryUnitOfWork } from '../../src/adapters/memory/unit-of-work.memory.js';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { databaseLegs } from '../support/databases.js';
import { aiUsageLogContract } from './suites/ai-usage-log.contract.js';

aiUsageLogContract('memory', async () => new MemoryUnitOfWork());
for (const leg of databaseLegs()) {
  aiUsageLogContract(leg.label, async () => new PgUnitOfWork((await leg.open()).knex));
}
