import { expect } from 'chai';
import { chmodSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Database } from '../../src/adapters/postgres/database.js';
import { NamedStatement } from '../../src/adapters/postgres/named-statement.js';
import { PgliteThread } from '../../src/adapters/postgres/pglite-thread.js';
import { sharedPglite } from '../support/databases.js';

/** A node-postgres client on the embedded database's thread, as the knex pool makes them. */
async function client(thread: PgliteThread): Promise<pg.Client> {
  const c = new pg.Client({ connection: thread.connection() } as pg.ClientConfig);
  await c.connect();
  return c;
}

const names = async (c: pg.Client) => (await c.query('select name from t order by name')).rows.map((r) => r.name as string);

describe('embedded PostgreSQL on its own thread (PgliteThread)', function () {
  let thread: PgliteThread;
  let a: pg.Client;
  let b: pg.Client;

  before(async () => {
    thread = await PgliteThread.open('memory://');
    a = await client(thread);
    b = await client(thread);
    await a.query('create table t (name text primary key)');
  });
  after(async () => {
    await thread?.close();
  });
  beforeEach(async () => {
    await a.query('delete from t');
  });

  it('gives a transaction the session to itself: another connection neither joins it nor sees it, and runs after it', async () => {
    await a.query('begin');
    await a.query("insert into t values ('a')");
    const other = b.query("insert into t values ('b')");
    // a's next round trip shows b's insert has not run inside a's transaction.
    expect(await names(a)).to.deep.equal(['a']);
    await a.query('rollback');
    await other;
    expect(await names(a)).to.deep.equal(['b']);
  });

  it('serialises concurrent read-modify-write transactions through the pool without losing an update', async () => {
    const db = await sharedPglite();
    await db.knex.raw('create table if not exists pglite_thread_counter (id int primary key, n int not null)');
    await db.knex.raw('insert into pglite_thread_counter values (1, 0) on conflict (id) do update set n = 0');
    await Promise.all(Array.from({ length: 25 }, () => db.knex.transaction(async (trx) => {
      const { rows } = await trx.raw('select n from pglite_thread_counter where id = 1');
      await trx.raw('update pglite_thread_counter set n = ? where id = 1', [rows[0].n + 1]);
    })));
    const { rows } = await db.knex.raw('select n from pglite_thread_counter where id = 1');
    expect(rows[0].n).to.equal(25);
    await db.knex.raw('drop table pglite_thread_counter');
  });

  it('lets every connection use a named statement another connection prepared in the shared session', async () => {
    const first = await a.query({ name: 'plus_one', text: 'select $1::int + 1 as v', values: [1] });
    const second = await b.query({ name: 'plus_one', text: 'select $1::int + 1 as v', values: [41] });
    const again = await b.query({ name: 'plus_one', text: 'select $1::int + 1 as v', values: [9] });
    expect([first.rows[0].v, second.rows[0].v, again.rows[0].v]).to.deep.equal([2, 42, 10]);
  });

  it('runs a named statement on its own thread with the values and rows node-postgres would bind and parse', async () => {
    const text = `select $1::int8 as big, $2::numeric as money, $3::timestamptz as at, $4::json as doc, $5::text as nothing,
      $6::boolean as yes, $7::text[] as tags`;
    const values = [9_007_199_254_740_991, 12.5, new Date('2026-05-01T10:00:00.123Z'), JSON.stringify({ a: [1, 'b'] }), null, true, ['x', 'y"z']];
    const direct = thread.connection();
    const rows = await direct.runNamed('types_probe', text, values);
    const viaPg = await a.query({ name: 'types_probe', text, values });
    expect(rows).to.deep.equal(viaPg.rows);
    expect(rows).to.deep.equal([{
      big: 9_007_199_254_740_991, money: 12.5, at: new Date('2026-05-01T10:00:00.123Z'), doc: { a: [1, 'b'] }, nothing: null,
      yes: true, tags: ['x', 'y"z'],
    }]);
  });

  it('answers a failing named statement with the database error\'s fields, and keeps a transaction\'s session its own', async () => {
    await a.query("insert into t values ('a')");
    const error = await thread.connection().runNamed('insert_t', 'insert into t values ($1)', ['a']).then(() => undefined, (e: unknown) => e);
    expect(error).to.include({ code: '23505', constraint: 't_pkey', table: 't' });
    await a.query('begin');
    await a.query("insert into t values ('in a transaction')");
    const waiting = thread.connection().runNamed('insert_t', 'insert into t values ($1)', ['b']);
    expect(await names(a)).to.deep.equal(['a', 'in a transaction']);
    await a.query('rollback');
    expect(await waiting).to.deep.equal([]);
    expect(await names(a)).to.deep.equal(['a', 'b']);
  });

  it('rolls back what a connection left open when it ends, and frees the session for the others', async () => {
    const c = await client(thread);
    await c.query('begin');
    await c.query("insert into t values ('left open')");
    const waiting = b.query("insert into t values ('b')");
    await c.end();
    await waiting;
    expect(await names(b)).to.deep.equal(['b']);
    expect((await b.query('select 1 as one')).rows[0].one).to.equal(1);
  });

  it('answers a bad statement with the database error, in or out of a transaction, and the session goes on', async () => {
    const error = await a.query('selec 1').then(() => undefined, (e: { code?: string }) => e);
    expect(error?.code).to.equal('42601');
    await a.query('begin');
    await a.query("insert into t values ('a')");
    const duplicate = await a.query("insert into t values ('a')").then(() => undefined, (e: { code?: string }) => e);
    expect(duplicate?.code).to.equal('23505');
    const other = b.query("insert into t values ('b')");
    await a.query('rollback');
    await other;
    expect(await names(a)).to.deep.equal(['b']);
  });

  it('closes after the statements sent before it have run, and refuses work after that with a clear error', async () => {
    const closing = await PgliteThread.open('memory://');
    const c = await client(closing);
    const sentBefore = c.query('select 42 as v');
    await closing.close();
    expect((await sentBefore).rows[0].v).to.equal(42);
    const error = await c.query('select 1').then(() => undefined, (e: Error) => e);
    expect(error?.message).to.match(/embedded database is closed/);
  });

  it('runs named statements outside a transaction without a pooled client, and inside one on the transaction\'s', async () => {
    const db = await Database.open({ embeddedDir: 'memory://', poolMax: 1 });
    try {
      await db.knex.raw('create table direct (n int primary key)');
      const count = new NamedStatement('direct_count', 'select count(*)::int as n from direct');
      const insert = new NamedStatement('direct_insert', 'insert into direct values (?) returning n');
      let outside: Promise<number> | undefined;
      await db.knex.transaction(async (trx) => {
        expect(await insert.rows(trx, [7])).to.deep.equal([{ n: 7 }]);
        // Sent while the transaction is open: it must neither join it nor see it, and runs once it ends.
        outside = count.rows<{ n: number }>(db.knex, []).then((rows) => rows[0]!.n);
        expect((await count.rows<{ n: number }>(trx, []))[0]!.n, 'the transaction sees its own insert').to.equal(1);
        await insert.rows(trx, [8]);
      });
      expect(await outside, 'the root statement ran after the commit').to.equal(2);
      // With the pool's only client taken, statements outside a transaction still run.
      const pool = db.knex.client as { acquireConnection(): Promise<unknown>; releaseConnection(c: unknown): Promise<void> };
      const held = await pool.acquireConnection();
      try {
        expect(await insert.rows(db.knex, [9])).to.deep.equal([{ n: 9 }]);
        expect((await count.rows<{ n: number }>(db.knex, []))[0]!.n).to.equal(3);
      } finally {
        await pool.releaseConnection(held);
      }
    } finally {
      await db.close();
    }
  });

  it('keeps the embedded database\'s directory its owner\'s alone, one that exists already included', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'pgdata-')), 'pgdata');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const db = await Database.open({ embeddedDir: dir, poolMax: 1 });
    try {
      expect(statSync(dir).mode & 0o777).to.equal(0o700);
    } finally {
      await db.close();
    }
  });

  it('fails to open with the reason when the data directory cannot be used', async () => {
    const error = await PgliteThread.open('/dev/null/pgdata').then(() => undefined, (e: Error) => e);
    expect(error?.message).to.match(/embedded database did not start/);
  });
});
