import { token } from './token.js';

export type DatabaseDriver = 'pglite' | 'postgres' | 'memory';

/** Reachability of the database, for /health. ping rejects when the database is down. */
export interface DatabaseHealth {
  readonly driver: DatabaseDriver;
  ping(): Promise<void>;
}
export const DatabaseHealth = token<DatabaseHealth>('DatabaseHealth');
