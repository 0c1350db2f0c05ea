import type { Interview } from '../../domain/interviews/interview.js';

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
export class InterviewCache {
  private readonly entries = new Map<string, { interview: Interview; until: number }>();
  private generation = 0;

  /**
   * `maxEntries` bounds memory (an interview in memory is some tens of kB): past it the least
   * recently used is dropped and, if needed again, read from the database.
   */
  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 2_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get size(): number {
    return this.entries.size;
  }

  async read(id: string, load: () => Promise<Interview | undefined>): Promise<Interview | undefined> {
    const hit = this.entries.get(id);
    if (hit && hit.until > this.now()) {
      // Most recently used last; the bound still counts from the last database read or write.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.interview;
    }
    const generation = this.generation;
    const interview = await load();
    if (interview && generation === this.generation) this.put(interview);
    return interview;
  }

  /** After a write of `interview` that has committed. */
  stored(interview: Interview): void {
    this.generation++;
    this.put(interview);
  }

  invalidate(id: string): void {
    this.generation++;
    this.entries.delete(id);
  }

  private put(interview: Interview): void {
    this.entries.delete(interview.id);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(interview.id, { interview: deepFreeze(interview), until: this.now() + this.ttlMs });
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
