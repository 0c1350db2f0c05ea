import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import knex, { type Knex } from 'knex';
import pg from 'pg';
import type { DatabaseDriver, DatabaseHealth } from '../../ports/database-health.js';

// Return int8 and numeric as JS numbers, like every count and money amount this app stores.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));

/** Where knex's own warnings go (pool errors, deprecations) instead of the console. */
export interface DatabaseLog {
  warn(message: string): void;
  error(message: string): void;
}

export interface DatabaseOptions {
  /** postgres://… for a real server; absent for embedded PGlite. */
  url?: string;
  /** PGlite data directory, or 'memory://' for an in-memory cluster. */
  embeddedDir?: string;
  poolMax?: number;
  log?: DatabaseLog;
}

const knexLog = (log: DatabaseLog | undefined) =>
  log && {
    warn: (m: unknown) => log.warn(String(m)),
    error: (m: unknown) => log.error(String(m)),
    deprecate: (m: unknown) => log.warn(String(m)),
    debug: () => {},
  };

/** An open database: knex is the only path to SQL. */
export class Database implements DatabaseHealth {
  private constructor(
    readonly knex: Knex,
    readonly driver: Exclude<DatabaseDriver, 'memory'>,
    private readonly pglite?: PGlite,
  ) {}

  static async open(options: DatabaseOptions): Promise<Database> {
    if (options.url) {
      const db = knex({
        client: 'pg',
        connection: options.url,
        pool: { min: 0, max: options.poolMax ?? 10 },
        acquireConnectionTimeout: 10_000,
        ...(options.log ? { log: knexLog(options.log) } : {}),
      });
      return new Database(db, 'postgres');
    }
    const dir = options.embeddedDir ?? 'memory://';
    if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
    const pglite = new PGlite(dir);
    await pglite.waitReady;
    // PGlite is a single connection: one pooled client, and every query in a transaction must use it.
    const db = knex({
      client: 'pg',
      connection: createPgConfig(pglite) as unknown as Knex.PgConnectionConfig,
      pool: { min: 1, max: 1 },
      acquireConnectionTimeout: 60_000,
    });
    return new Database(db, 'pglite', pglite);
  }

  async ping(): Promise<void> {
    await this.knex.raw('select 1');
  }

  async close(): Promise<void> {
    await this.knex.destroy();
    await this.pglite?.close();
  }
}
