import { MemoryUnitOfWork } from '../../src/adapters/memory/unit-of-work.memory.js';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { databaseLegs } from '../support/databases.js';
import { candidateProfileRepositoryContract } from './suites/candidate-profile-repository.contract.js';

candidateProfileRepositoryContract('memory', async () => new MemoryUnitOfWork());
for (const leg of databaseLegs()) {
  candidateProfileRepositoryContract(leg.label, async () => new PgUnitOfWork((await leg.open()).knex));
}
