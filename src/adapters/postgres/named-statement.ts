import type { Knex } from 'knex';
import { PgliteConnection } from './pglite-thread.js';

/** The connection each embedded database's root knex runs its named statements on outside a transaction. */
const sessions = new WeakMap<Knex.Client, PgliteConnection>();

/**
 * On the embedded database a statement outside a transaction needs no pooled client: the database's
 * thread runs every connection's work on its one session, in order, so the named statements of
 * `knex` (not of its transactions) go straight to `connection`.
 */
export function runNamedStatementsOn(knex: Knex, connection: PgliteConnection): void {
  sessions.set(knex.client as Knex.Client, connection);
}

/**
 * A hot-path SQL statement, prepared once per connection under its name and run on the pooled
 * node-postgres client directly: the same connection and transaction knex would use, without
 * rebuilding the SQL text and its bindings on every call. On the embedded database the database's
 * thread binds it and parses its rows, and outside a transaction it needs no pooled client at all
 * (runNamedStatementsOn). Write it with `?` placeholders, as for `knex.raw`; they become `$1…$n` once, here.
 */
export class NamedStatement {
  readonly text: string;

  constructor(
    readonly name: string,
    sql: string,
  ) {
    if (sql.includes('??') || /\?[|&]/.test(sql)) throw new Error(`${name}: only plain ? placeholders are supported`);
    let n = 0;
    this.text = sql.replace(/\?/g, () => `$${++n}`);
  }

  /** Runs on `db` (the root knex or a transaction) and returns the rows. */
  async rows<R>(db: Knex, values: readonly unknown[]): Promise<R[]> {
    const client = db.client as Knex.Client;
    const session = db.isTransaction ? undefined : sessions.get(client);
    if (session) return (await session.runNamed(this.name, this.text, values)) as R[];
    const connection = await client.acquireConnection();
    try {
      // On the embedded database the statement is bound and its rows parsed on the database's thread.
      const embedded = (connection as { connection?: unknown }).connection;
      if (embedded instanceof PgliteConnection) return (await embedded.runNamed(this.name, this.text, values)) as R[];
      const result = await connection.query({ name: this.name, text: this.text, values });
      return result.rows as R[];
    } finally {
      await client.releaseConnection(connection);
    }
  }
}
