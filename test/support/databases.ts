import type { Knex } from 'knex';
import { Database } from '../../src/adapters/postgres/database.js';
import { migrateToLatest } from '../../src/adapters/postgres/migrator.js';
import { coreMigrations } from '../../migrations/index.js';

let pglite: Promise<Database> | undefined;
let postgres: Promise<Database> | undefined;

/** One in-memory PGlite cluster per test run (a new one costs seconds and hundreds of MB). */
export function sharedPglite(): Promise<Database> {
  pglite ??= (async () => {
    const db = await Database.open({ embeddedDir: 'memory://' });
    await migrateToLatest(db.knex, coreMigrations);
    return db;
  })();
  return pglite;
}

/**
 * The PostgreSQL leg: runs when TEST_DATABASE_URL is set. Under CI it must run: a missing URL
 * fails the suite instead of skipping it.
 */
export function postgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI) {
    throw new Error('CI is set but TEST_DATABASE_URL is not: the PostgreSQL leg of the tests must run under CI');
  }
  return url || undefined;
}

export function sharedPostgres(): Promise<Database> {
  const url = postgresUrl();
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  postgres ??= (async () => {
    const db = await Database.open({ url, poolMax: 10 });
    await migrateToLatest(db.knex, coreMigrations);
    return db;
  })();
  return postgres;
}

export interface DatabaseLeg {
  label: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

/** The real-database legs every repository contract runs on. */
export function databaseLegs(): DatabaseLeg[] {
  const legs: DatabaseLeg[] = [{ label: 'pglite', open: sharedPglite }];
  if (postgresUrl()) legs.push({ label: 'postgres', open: sharedPostgres });
  return legs;
}

export async function closeSharedDatabases(): Promise<void> {
  for (const db of [pglite, postgres]) {
    if (db) await (await db.catch(() => undefined))?.close();
  }
  pglite = postgres = undefined;
}

/**
 * Runs `body` in a transaction that is always rolled back (DDL is transactional in PostgreSQL), so a
 * test can take a migration down and up again and leave the shared schema as it found it.
 */
export async function inRolledBackTransaction(knex: Knex, body: (trx: Knex.Transaction) => Promise<void>): Promise<void> {
  const rolledBack = new Error('leave the shared schema untouched');
  try {
    await knex.transaction(async (trx) => {
      await body(trx);
      throw rolledBack;
    });
  } catch (error) {
    if (error !== rolledBack) throw error;
  }
}

/** `table`'s `columns` with their types, "name:type", by name: what a migration that retypes them left. */
export async function columnTypes(db: Knex, table: string, columns: readonly string[]): Promise<string[]> {
  const { rows } = await db.raw<{ rows: Array<{ column_name: string; data_type: string }> }>(
    `select column_name, data_type from information_schema.columns
     where table_name = ? and column_name = any(?) order by column_name`,
    [table, [...columns]],
  );
  return rows.map((r) => `${r.column_name}:${r.data_type}`);
}
