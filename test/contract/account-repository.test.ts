import { MemoryUnitOfWork } from '../../src/adapters/memory/unit-of-work.memory.js';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { databaseLegs } from '../support/databases.js';
import { accountRepositoryContract } from './suites/account-repository.contract.js';

accountRepositoryContract('memory', async () => new MemoryUnitOfWork());
for (const leg of databaseLegs()) {
  accountRepositoryContract(leg.label, async () => new PgUnitOfWork((await leg.open()).knex));
  // With the account cache on, every write must still be visible to the next read.
  accountRepositoryContract(`${leg.label}, account cache on`, async () => new PgUnitOfWork((await leg.open()).knex, { accountCacheMs: 60_000 }));
}
