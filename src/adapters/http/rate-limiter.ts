import type { Clock } from '../../ports/clock.js';

/**
 * Sliding-window limiter kept in this process's memory: enough for one instance; several
 * instances behind a balancer each enforce the limit on their own share.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs: number, private readonly clock: Clock) {}

  /**
   * Records a hit when allowed; otherwise says how long until the oldest hit leaves the window. An
   * allowed hit can be released (the attempt it stood for failed), freeing its slot at once; a
   * concurrent attempt meanwhile saw the slot taken, so the limit is never exceeded.
   */
  take(key: string): { allowed: true; release(): void } | { allowed: false; retryAfterSeconds: number } {
    const now = this.clock.now().getTime();
    let recent = this.hits.get(key);
    if (!recent) {
      recent = [];
      this.hits.set(key, recent);
    }
    // Hits are kept oldest first: those that left the window are a prefix, dropped in place, so a
    // hit costs what expired since the last one, not the size of the window (a generous limit).
    let expired = 0;
    while (expired < recent.length && recent[expired]! <= now - this.windowMs) expired++;
    if (expired > 0) recent.splice(0, expired);
    if (recent.length >= this.limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000)) };
    }
    // A clock that stepped back still files the hit in order.
    let at = recent.length;
    while (at > 0 && recent[at - 1]! > now) at--;
    recent.splice(at, 0, now);
    if (this.hits.size > 10_000) this.sweep(now);
    let released = false;
    return {
      allowed: true,
      release: () => {
        if (released) return;
        released = true;
        const times = this.hits.get(key);
        const index = times ? times.lastIndexOf(now) : -1;
        if (index >= 0) times!.splice(index, 1);
      },
    };
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) if (!(times[times.length - 1]! > now - this.windowMs)) this.hits.delete(key);
  }
}
