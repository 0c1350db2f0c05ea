/** One write's outcome in a batch: what it returned, or what it failed with. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<I, R> {
  key: string;
  item: I;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/**
 * Writes gathered while one is running, then run together. A write submitted while none is in flight
 * starts at once, alone; those submitted meanwhile wait for it and then go as one batch (at most
 * `maxBatch`). So without load nothing waits, and under load one statement carries many writes: a
 * statement's fixed cost, most of a small write's on the embedded database, is paid once for them all.
 *
 * Writes of one key (one interview) never share a batch: a later one waits for the next, in the order
 * submitted, so each batch writes distinct rows. `write` settles each item of its batch on its own
 * (a failed statement is for it to retry item by item, so an error reaches only the write it concerns).
 */
export class WriteBatcher<I, R> {
  private readonly waiting: Waiting<I, R>[] = [];
  private running = false;

  constructor(
    private readonly write: (items: readonly I[]) => Promise<Settled<R>[]>,
    private readonly maxBatch: number,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be a positive integer: ${maxBatch}`);
  }

  submit(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ key, item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  /** Runs batches until none waits. */
  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.take();
        let settled: Settled<R>[];
        try {
          settled = await this.write(batch.map((w) => w.item));
        } catch (error) {
          settled = batch.map(() => ({ ok: false, error }));
        }
        batch.forEach((w, i) => {
          const s = settled[i];
          if (s?.ok) w.resolve(s.value);
          else w.reject(s ? s.error : new Error('The batch returned no outcome for this write'));
        });
      }
    } finally {
      this.running = false;
    }
  }

  /** The oldest waiting writes of distinct keys, at most maxBatch; the others keep their place and order. */
  private take(): Waiting<I, R>[] {
    const batch: Waiting<I, R>[] = [];
    const keys = new Set<string>();
    let kept = 0;
    for (let i = 0; i < this.waiting.length; i++) {
      const w = this.waiting[i]!;
      if (batch.length < this.maxBatch && !keys.has(w.key)) {
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
