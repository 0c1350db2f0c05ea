import path from 'node:path';
import { Database } from '../../src/adapters/postgres/database.js';
import { DatabaseMigrator, migrateToLatest } from '../../src/adapters/postgres/migrator.js';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { validateThresholds } from '../../src/domain/assessment/index.js';
import { definePlugin, type Resolver } from '../../src/app/plugin-api.js';
import { DatabaseHealth } from '../../src/ports/database-health.js';
import { Logger } from '../../src/ports/logger.js';
import { UnitOfWork } from '../../src/ports/unit-of-work.js';
import { coreMigrations } from '../../migrations/index.js';

const DRIVERS = ['pglite', 'postgres'] as const;

/**
 * Persistence on PostgreSQL: embedded PGlite under DATA_DIR by default, a real server when
 * DATABASE_URL is set. `shared` lets tests hand in one already-open database (not closed on stop).
 */
export function createPostgresPlugin(shared?: Database) {
  let database: Database | undefined = shared;
  const open = () => {
    if (!database) throw new Error('The postgres plugin has not been started');
    return database;
  };
  return definePlugin({
    name: 'postgres',
    apiVersion: 1,
    register(ctx) {
      for (const id of DRIVERS) {
        ctx.provide(DatabaseHealth, id, () => open());
        ctx.provide(UnitOfWork, id, (r) => new PgUnitOfWork(open().knex, {
          accountCacheMs: r.config.auth.accountCacheMs, interviewCacheMs: r.config.database.interviewCacheMs,
          thresholds: validateThresholds(r.config.interviews.thresholds),
        }));
        ctx.provide(DatabaseMigrator, id, () => ({ latest: (list) => migrateToLatest(open().knex, list) }));
      }
      ctx.migrations(coreMigrations);
    },
    async start(resolver: Resolver) {
      const [driver] = resolver.selectedIds(UnitOfWork);
      if (!driver || database) return;
      const { config } = resolver;
      const logger = resolver.resolve(Logger).child({ component: 'database' });
      const log = { warn: (m: string) => logger.warn({}, m), error: (m: string) => logger.error({}, m) };
      database = await Database.open(
        driver === 'postgres'
          ? { url: config.database.url, poolMax: config.database.poolMax, log }
          : { embeddedDir: path.resolve(config.dataDir, 'pgdata'), log },
      );
    },
    async stop() {
      if (database && database !== shared) await database.close();
      database = undefined;
    },
  });
}

export default createPostgresPlugin();
