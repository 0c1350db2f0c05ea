/** One write's outcome in a batch: what it returned, or what it failed with. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<I, R> {
  key: string;
  item: I;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/**
 * Writes gathered while others run, then run together. While fewer than `maxInFlight` batches are
 * in flight a write starts at once; those submitted while all places are taken wait, and go as one
 * batch (at most `maxBatch`) when a place frees. So without load nothing waits, and under load one
 * statement carries many writes: a statement's fixed cost, most of a small write's on the embedded
 * database, is paid once for them all. With two in flight the database has the next batch in hand
 * when one ends, instead of idling until the server's busy thread reads the answer and sends another.
 *
 * Writes of one key (one interview) never share a batch, nor run while another of the key is in
 * flight: a later one waits, in the order submitted, so batches write distinct rows and one row's
 * writes land in order. `write` settles each item of its batch on its own (a failed statement is for
 * it to retry item by item, so an error reaches only the write it concerns).
 */
export class WriteBatcher<I, R> {
  private readonly waiting: Waiting<I, R>[] = [];
  private inFlight = 0;
  /** Keys of the writes in flight: a later write of one waits until that statement has returned. */
  private readonly writing = new Set<string>();

  constructor(
    private readonly write: (items: readonly I[]) => Promise<Settled<R>[]>,
    private readonly maxBatch: number,
    private readonly maxInFlight = 1,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be a positive integer: ${maxBatch}`);
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new RangeError(`maxInFlight must be a positive integer: ${maxInFlight}`);
  }

  submit(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ key, item, resolve, reject });
      this.pump();
    });
  }

  /** Starts batches while fewer than maxInFlight run and writes of keys not in flight wait. */
  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = this.take();
      if (batch.length === 0) return;
      this.inFlight++;
      for (const w of batch) this.writing.add(w.key);
      void this.run(batch);
    }
  }

  private async run(batch: Waiting<I, R>[]): Promise<void> {
    let settled: Settled<R>[];
    try {
      settled = await this.write(batch.map((w) => w.item));
    } catch (error) {
      settled = batch.map(() => ({ ok: false, error }));
    }
    this.inFlight--;
    for (const w of batch) this.writing.delete(w.key);
    this.pump();
    batch.forEach((w, i) => {
      const s = settled[i];
      if (s?.ok) w.resolve(s.value);
      else w.reject(s ? s.error : new Error('The batch returned no outcome for this write'));
    });
  }

  /** The oldest waiting writes of distinct keys, at most maxBatch; the others keep their place and order. */
  private take(): Waiting<I, R>[] {
    const batch: Waiting<I, R>[] = [];
    const keys = new Set<string>();
    let kept = 0;
    for (let i = 0; i < this.waiting.length; i++) {
      const w = this.waiting[i]!;
      if (batch.length < this.maxBatch && !keys.has(w.key) && !this.writing.has(w.key)) {
        keys.add(w.key);
        batch.push(w);
      } else {
        this.waiting[kept++] = w;
      }
    }
    this.waiting.length = kept;
    return batch;
  }
}
