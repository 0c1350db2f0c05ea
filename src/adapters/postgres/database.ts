import { chmodSync, mkdirSync } from 'node:fs';
import knex, { type Knex } from 'knex';
import './pg-types.js';
import { runNamedStatementsOn } from './named-statement.js';
import { PgliteThread } from './pglite-thread.js';
import type { DatabaseDriver, DatabaseHealth } from '../../ports/database-health.js';

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

/** What node-postgres wants to know of a server; the embedded session needs none of it. */
const EMBEDDED_DUMMY_SETTINGS = { user: 'postgres', password: 'embedded', database: 'postgres', host: 'embedded', port: 5432 };

/** An open database: knex and its pool are the only path to SQL. */
export class Database implements DatabaseHealth {
  private constructor(
    readonly knex: Knex,
    readonly driver: Exclude<DatabaseDriver, 'memory'>,
    private readonly pglite?: PgliteThread,
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
    if (!dir.startsWith('memory://')) {
      // The database's files are the app's alone (PostgreSQL itself insists on 0700): its directory is created so, and an
      // existing one made so, whatever the process's umask let PGlite give the files inside.
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700);
    }
    const pglite = await PgliteThread.open(dir);
    // Every pooled client is a connection to PGlite's one session, which runs on its own thread; a
    // client inside a transaction has the session to itself until it ends (pglite-worker.ts).
    const db = knex({
      client: 'pg',
      // Read once per pooled client by node-postgres' Client: each client gets a connection of its own.
      connection: async () => ({
        ...EMBEDDED_DUMMY_SETTINGS,
        get connection() {
          return pglite.connection();
        },
      }),
      pool: { min: 1, max: options.poolMax ?? 64 },
      acquireConnectionTimeout: 60_000,
      ...(options.log ? { log: knexLog(options.log) } : {}),
    });
    runNamedStatementsOn(db, pglite.connection());
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
