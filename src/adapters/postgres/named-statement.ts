import type { Knex } from 'knex';
import { PgliteConnection } from './pglite-thread.js';

/**
 * A hot-path SQL statement, prepared once per connection under its name and run on the pooled
 * node-postgres client directly (on the embedded database, by its thread): the same connection and
 * transaction knex would use, without rebuilding the SQL text and its bindings on every call. Write it with `?` placeholders, as for
 * `knex.raw`; they become `$1…$n` once, here.
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
