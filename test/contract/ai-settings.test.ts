import { MemoryUnitOfWork } from '../../src/adapters/memory/unit-of-work.memory.js';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { databaseLegs } from '../support/databases.js';
import { aiSettingsContract } from './suites/ai-settings.contract.js';

aiSettingsContract('memory', async () => new MemoryUnitOfWork());
for (const leg of databaseLegs()) {
  aiSettingsContract(leg.label, async () => new PgUnitOfWork((await leg.open()).knex), async () => {
    const db = await leg.open();
    await db.knex('ai_settings').delete();
    await db.knex('ai_settings_audit').delete();
  });
}
