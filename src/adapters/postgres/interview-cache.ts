import type { Interview } from '../../domain/interviews/interview.js';
import { ReadCache } from './read-cache.js';

/**
 * Interviews kept in memory between turns, so a turn reads no row: the turn's one write statement
 * checks the version it started from, which is what keeps a stale copy from ever overwriting newer
 * data (it is refused with VersionConflict, and the entry is dropped).
 *
 * Coherence within this process: a write made outside a transaction stores what it wrote once the
 * statement has succeeded (write-through); a write inside a transaction drops the entry before the
 * statement and again after the transaction ends; a read that was in flight while anything changed
 * is not kept. Between processes sharing one database, a copy can be stale for at most `ttlMs`
 * since this process last wrote or read it from the database; such a stale turn is refused by the
 * version check (409) and the next one reads afresh.
 *
 * Entries are frozen: the domain builds new values and never changes one it was given.
 */
export class InterviewCache extends ReadCache<Interview> {
  /**
   * `maxEntries` bounds memory (an interview in memory is some tens of kB): past it the least
   * recently used is dropped and, if needed again, read from the database.
   */
  constructor(ttlMs: number, maxEntries = 2_000, now?: () => number) {
    super(ttlMs, maxEntries, now);
  }

  /** After a write of `interview` that has committed. */
  stored(interview: Interview): void {
    this.store(interview.id, interview);
  }

  protected keep(interview: Interview): Interview {
    return deepFreeze(interview);
  }

  protected handOut(interview: Interview): Interview {
    return interview;
  }
}

/**
 * Freezes `value` and everything it holds. A part that is already frozen was frozen with all it
 * holds (it came from an earlier entry: the domain shares unchanged parts), so the walk stops there
 * and a turn's store only visits what the turn built.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    for (const key in value) deepFreeze(value[key]);
  }
  return value;
}
