import { expect } from 'chai';
import { SlidingWindowLimiter } from '../../../src/adapters/http/rate-limiter.js';
import { FixedClock } from '../../../src/adapters/system/clock.system.js';

const HOUR = 3_600_000;

describe('SlidingWindowLimiter', () => {
  it('allows the limit within the window, then refuses with the seconds until the oldest hit leaves it', () => {
    const clock = new FixedClock();
    const limiter = new SlidingWindowLimiter(3, HOUR, clock);
    for (let i = 0; i < 3; i++) {
      expect(limiter.take('1.2.3.4').allowed).to.equal(true);
      clock.advance(60_000);
    }
    // The oldest hit is 3 minutes old: it leaves the window in 57 minutes.
    expect(limiter.take('1.2.3.4')).to.deep.equal({ allowed: false, retryAfterSeconds: 57 * 60 });
    expect(limiter.take('5.6.7.8').allowed).to.equal(true);
    clock.advance(57 * 60_000);
    expect(limiter.take('1.2.3.4').allowed).to.equal(true);
    expect(limiter.take('1.2.3.4')).to.deep.equal({ allowed: false, retryAfterSeconds: 60 });
  });

  it('frees a released hit\'s slot at once, once, and only its own', () => {
    const clock = new FixedClock();
    const limiter = new SlidingWindowLimiter(2, HOUR, clock);
    const first = limiter.take('k');
    clock.advance(1_000);
    const second = limiter.take('k');
    if (!first.allowed || !second.allowed) throw new Error('both hits should be allowed');
    expect(limiter.take('k').allowed).to.equal(false);
    second.release();
    second.release();
    // One slot is free again (not two), and the first hit still ages out on its own time.
    clock.advance(1_000);
    const third = limiter.take('k');
    expect(third.allowed).to.equal(true);
    expect(limiter.take('k')).to.deep.equal({ allowed: false, retryAfterSeconds: HOUR / 1000 - 2 });
    first.release();
    expect(limiter.take('k').allowed).to.equal(true);
    expect(limiter.take('k').allowed).to.equal(false);
  });

  it('counts only the hits inside the window under a generous limit, however many have expired', () => {
    const clock = new FixedClock();
    const limiter = new SlidingWindowLimiter(5_000, HOUR, clock);
    for (let i = 0; i < 5_000; i++) {
      expect(limiter.take('nat').allowed).to.equal(true);
      clock.advance(100);
    }
    expect(limiter.take('nat').allowed).to.equal(false);
    // 500 s of hits later, the first 500 s worth (5,000 hits at 10/s) have partly expired.
    clock.advance(HOUR - 5_000 * 100 + 1_000);
    let allowed = 0;
    while (limiter.take('nat').allowed) allowed++;
    expect(allowed).to.equal(11);
  });

  it('files a hit from a clock that stepped back in order, so it expires when it should', () => {
    const clock = new FixedClock();
    const limiter = new SlidingWindowLimiter(2, HOUR, clock);
    clock.advance(10_000);
    expect(limiter.take('k').allowed).to.equal(true);
    clock.advance(-5_000);
    expect(limiter.take('k').allowed).to.equal(true);
    expect(limiter.take('k')).to.deep.equal({ allowed: false, retryAfterSeconds: HOUR / 1000 });
    clock.advance(HOUR);
    // The earlier-timestamped hit left first: one slot free, then none.
    expect(limiter.take('k').allowed).to.equal(true);
    expect(limiter.take('k').allowed).to.equal(false);
  });
});
