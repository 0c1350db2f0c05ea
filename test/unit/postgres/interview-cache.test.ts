import { expect } from 'chai';
import { InterviewCache } from '../../../src/adapters/postgres/interview-cache.js';
import { anInterview } from '../../contract/suites/interview-repository.contract.js';
import { anAccount } from '../../support/builders.js';

describe('InterviewCache', () => {
  const candidateId = anAccount().id;
  const setup = (capacity = 2) => {
    let now = 0;
    const cache = new InterviewCache(1_000, capacity, () => now);
    return { cache, advance: (ms: number) => (now += ms) };
  };
  const loader = (value: ReturnType<typeof anInterview> | undefined) => {
    const counter = { loads: 0, load: async () => (counter.loads++, value) };
    return counter;
  };

  it('serves a read from memory until the bound passes since it was last read or written, then reads again', async () => {
    const { cache, advance } = setup();
    const interview = anInterview(candidateId);
    const source = loader(interview);
    await cache.read(interview.id, source.load);
    advance(999);
    expect(await cache.read(interview.id, source.load)).to.deep.equal(interview);
    expect(source.loads).to.equal(1);
    advance(1);
    await cache.read(interview.id, source.load);
    expect(source.loads).to.equal(2);
    const written = { ...interview, version: 2 };
    advance(500);
    cache.stored(written);
    advance(999);
    expect((await cache.read(interview.id, source.load))?.version).to.equal(2);
    expect(source.loads).to.equal(2);
  });

  it('serves what this process last wrote, and reads again once an entry is dropped', async () => {
    const { cache } = setup();
    const interview = anInterview(candidateId);
    cache.stored({ ...interview, version: 7 });
    const stale = loader(interview);
    expect((await cache.read(interview.id, stale.load))?.version).to.equal(7);
    expect(stale.loads).to.equal(0);
    cache.invalidate(interview.id);
    expect((await cache.read(interview.id, stale.load))?.version).to.equal(1);
    expect(stale.loads).to.equal(1);
  });

  it('does not keep a read that was in flight while the interview was written', async () => {
    const { cache } = setup();
    const interview = anInterview(candidateId);
    let release!: () => void;
    const inFlight = cache.read(interview.id, () => new Promise((resolve) => (release = () => resolve(interview))));
    cache.stored({ ...interview, version: 2 });
    release();
    expect((await inFlight)?.version).to.equal(1);
    const again = loader({ ...interview, version: 99 });
    expect((await cache.read(interview.id, again.load))?.version).to.equal(2);
    expect(again.loads).to.equal(0);
  });

  it('keeps no misses and holds at most its capacity, dropping the least recently used', async () => {
    const { cache } = setup(2);
    const [a, b, c] = [anInterview(candidateId), anInterview(candidateId), anInterview(candidateId)];
    expect(await cache.read(a.id, async () => undefined)).to.equal(undefined);
    expect(cache.size).to.equal(0);
    cache.stored(a);
    cache.stored(b);
    await cache.read(a.id, loader(a).load);
    cache.stored(c);
    expect(cache.size).to.equal(2);
    const bAgain = loader(b);
    await cache.read(b.id, bAgain.load);
    expect(bAgain.loads, 'b was the least recently used').to.equal(1);
    const cAgain = loader(c);
    await cache.read(c.id, cAgain.load);
    expect(cAgain.loads).to.equal(0);
  });

  it('hands out frozen values: code that changed one in place would fail, not corrupt the next turn', async () => {
    const { cache } = setup();
    const interview = anInterview(candidateId);
    cache.stored(interview);
    const served = (await cache.read(interview.id, loader(undefined).load))!;
    expect(() => {
      (served as { status: string }).status = 'completed';
    }).to.throw(TypeError);
    expect(() => (served.asked as unknown[]).push({})).to.throw(TypeError);
    expect(() => {
      (served.progression as { phase: string }).phase = 'advanced';
    }).to.throw(TypeError);
  });
});
