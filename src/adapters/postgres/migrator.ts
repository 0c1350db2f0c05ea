import type { Knex } from 'knex';

export interface Migration {
  /** Unique, sortable: `YYYYMMDDHHMM_description`. */
  name: string;
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
}

/** Feeds knex a fixed list of migrations: no file globbing, identical under tsx and compiled JS. */
class ListMigrationSource implements Knex.MigrationSource<Migration> {
  constructor(private readonly migrations: readonly Migration[]) {}
  async getMigrations(): Promise<Migration[]> {
    return [...this.migrations].sort((a, b) => a.name.localeCompare(b.name));
  }
  getMigrationName(migration: Migration): string {
    return migration.name;
  }
  async getMigration(migration: Migration): Promise<Knex.Migration> {
    return { up: (db) => migration.up(db), down: (db) => migration.down(db) };
  }
}

export async function migrateToLatest(db: Knex, migrations: readonly Migration[]): Promise<string[]> {
  const names = new Set<string>();
  for (const m of migrations) {
    if (names.has(m.name)) throw new Error(`Duplicate migration name: ${m.name}`);
    names.add(m.name);
  }
  const [, applied] = (await db.migrate.latest({ migrationSource: new ListMigrationSource(migrations) })) as [
    number,
    string[],
  ];
  return applied;
}

/** Applies schema migrations to the open database (bound by the postgres plugin). */
export interface DatabaseMigrator {
  latest(migrations: readonly Migration[]): Promise<string[]>;
}
export const DatabaseMigrator = Symbol.for('candidates-portal/DatabaseMigrator') as symbol & {
  readonly __resolves?: DatabaseMigrator;
};
