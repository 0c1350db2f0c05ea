/**
 * Rows read by id outside a transaction, kept in memory for `ttlMs` since they were last read from
 * or written to the database, at most `maxEntries` of them (the least recently used is dropped).
 * A read that was in flight while any entry changed is not kept, so an old row can never replace
 * a newer one; misses are not kept either. Subclasses say how a value is kept and handed out
 * (copied, or frozen) and what their staleness bound means for callers.
 */
export abstract class ReadCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** What is stored of a value (a copy, a frozen value…). */
  protected abstract keep(value: T): T;
  /** What a caller gets of a stored value. */
  protected abstract handOut(value: T): T;

  get size(): number {
    return this.entries.size;
  }

  async read(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const hit = this.entries.get(key);
    if (hit && hit.until > this.now()) {
      // Most recently used last; the bound still counts from the last database read or write.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return this.handOut(hit.value);
    }
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && generation === this.generation) this.put(key, value);
    return value;
  }

  /** After a write of `value` under `key` that has committed (write-through). */
  protected store(key: string, value: T): void {
    this.generation++;
    this.put(key, value);
  }

  invalidate(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  private put(key: string, value: T): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value: this.keep(value), until: this.now() + this.ttlMs });
  }
}
