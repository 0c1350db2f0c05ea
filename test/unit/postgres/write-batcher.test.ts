import { expect } from 'chai';
import { type Settled, WriteBatcher } from '../../../src/adapters/postgres/write-batcher.js';

/**
 * A write function whose batches are held until the test finishes them, recording each batch's items,
 * and the outcome of every item submitted through `submit` ("ok: …" or "failed: …").
 */
function heldWrites(maxBatch: number, maxInFlight = 1) {
  const batches: string[][] = [];
  const pending: Array<(outcomes: Settled<string>[] | Error) => void> = [];
  const outcomes = new Map<string, Promise<string>>();
  const batcher = new WriteBatcher((items: readonly string[]) => {
    batches.push([...items]);
    return new Promise<Settled<string>[]>((resolve, reject) => {
      pending.push((settled) => (settled instanceof Error ? reject(settled) : resolve(settled)));
    });
  }, maxBatch, maxInFlight);
  const submit = (key: string, item: string) => {
    const outcome = batcher.submit(key, item).then((v) => `ok: ${v}`, (e: Error) => `failed: ${e.message}`);
    outcomes.set(item, outcome);
    return outcome;
  };
  /**
   * Finishes the oldest unfinished batch (each item written as "done <item>", or as `outcome` says, or
   * the whole write failing with `failWith`) and waits until its items are settled: by then the
   * batcher has started the next batch, if any waits.
   */
  const finish = async (outcome?: (item: string) => Settled<string> | undefined, failWith?: Error) => {
    const batch = batches[batches.length - pending.length]!;
    pending.shift()!(failWith ?? batch.map((item) => outcome?.(item) ?? { ok: true, value: `done ${item}` }));
    await Promise.all(batch.map((item) => outcomes.get(item)));
  };
  return { batches, submit, finish, held: () => pending.length };
}

describe('WriteBatcher', () => {
  it('starts a write at once when none is running, and sends the ones made meanwhile together next', async () => {
    const w = heldWrites(10);
    const first = w.submit('a', 'a1');
    expect(w.batches).to.deep.equal([['a1']]);
    const later = ['b1', 'c1', 'd1'].map((item) => w.submit(item[0]!, item));
    expect(w.held(), 'the later ones wait for the running write').to.equal(1);
    await w.finish();
    expect(await first).to.equal('ok: done a1');
    expect(w.batches).to.deep.equal([['a1'], ['b1', 'c1', 'd1']]);
    await w.finish();
    expect(await Promise.all(later)).to.deep.equal(['ok: done b1', 'ok: done c1', 'ok: done d1']);
    expect(w.held()).to.equal(0);
  });

  it('never puts two writes of one key in a batch: the later waits for the next, in order, and at most maxBatch go together', async () => {
    const w = heldWrites(2);
    const all = [['x', 'x0'], ['a', 'a1'], ['a', 'a2'], ['b', 'b1'], ['c', 'c1'], ['a', 'a3']].map(([key, item]) => w.submit(key!, item!));
    while (w.held() > 0) await w.finish();
    expect(w.batches).to.deep.equal([['x0'], ['a1', 'b1'], ['a2', 'c1'], ['a3']]);
    expect(await Promise.all(all)).to.deep.equal(['x0', 'a1', 'a2', 'b1', 'c1', 'a3'].map((item) => `ok: done ${item}`));
  });

  it('settles each write of a batch on its own, and goes on with the next batch after one that failed whole', async () => {
    const w = heldWrites(10);
    const first = w.submit('a', 'a1');
    const second = ['b1', 'c1'].map((item) => w.submit(item[0]!, item));
    await w.finish(undefined, new Error('the statement failed'));
    expect(await first).to.equal('failed: the statement failed');
    const third = w.submit('d', 'd1');
    await w.finish((item) => (item === 'c1' ? { ok: false, error: new Error('c1 was refused') } : undefined));
    expect(await Promise.all(second)).to.deep.equal(['ok: done b1', 'failed: c1 was refused']);
    await w.finish();
    expect(await third).to.equal('ok: done d1');
    expect(w.batches).to.deep.equal([['a1'], ['b1', 'c1'], ['d1']]);
  });

  it('with two in flight, starts a second batch while one runs, gathers the rest until one finishes, and keeps a key in flight out', async () => {
    const w = heldWrites(10, 2);
    const outcomes = [w.submit('a', 'a1'), w.submit('b', 'b1')];
    expect(w.batches, 'the second write takes the free place at once').to.deep.equal([['a1'], ['b1']]);
    outcomes.push(...[['c', 'c1'], ['a', 'a2'], ['d', 'd1']].map(([key, item]) => w.submit(key!, item!)));
    expect(w.held(), 'both places are taken: the rest wait').to.equal(2);
    await w.finish();
    expect(w.batches, 'a1 is written, so a2 may go').to.deep.equal([['a1'], ['b1'], ['c1', 'a2', 'd1']]);
    outcomes.push(w.submit('b', 'b2'));
    expect(w.batches, 'b1 is still in flight: b2 waits although nothing else does').to.have.length(3);
    await w.finish();
    expect(w.batches).to.deep.equal([['a1'], ['b1'], ['c1', 'a2', 'd1'], ['b2']]);
    while (w.held() > 0) await w.finish();
    expect(await Promise.all(outcomes)).to.deep.equal(['a1', 'b1', 'c1', 'a2', 'd1', 'b2'].map((item) => `ok: done ${item}`));
  });

  it('refuses a batch size or a number in flight below one', () => {
    expect(() => new WriteBatcher(async () => [], 0)).to.throw(RangeError, 'maxBatch must be a positive integer: 0');
    expect(() => new WriteBatcher(async () => [], 1, 0)).to.throw(RangeError, 'maxInFlight must be a positive integer: 0');
  });
});
