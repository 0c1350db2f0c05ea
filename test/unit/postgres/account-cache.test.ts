import { expect } from 'chai';
import { AccountCache } from '../../../src/adapters/postgres/account-cache.js';
import { anAccount } from '../../support/builders.js';

describe('AccountCache', () => {
  const setup = () => {
    let now = 0;
    const cache = new AccountCache(1_000, 2, () => now);
    return { cache, advance: (ms: number) => (now += ms) };
  };

  it('serves a read from memory until the bound passes, then reads again', async () => {
    const { cache, advance } = setup();
    const account = anAccount();
    let loads = 0;
    const load = async () => (loads++, account);
    await cache.read(account.id, load);
    advance(999);
    expect((await cache.read(account.id, load))?.id).to.equal(account.id);
    expect(loads).to.equal(1);
    advance(1);
    await cache.read(account.id, load);
    expect(loads).to.equal(2);
  });

  it('forgets an account at once when it is written', async () => {
    const { cache } = setup();
    const account = anAccount();
    await cache.read(account.id, async () => account);
    cache.invalidate(account.id);
    const disabled = { ...account, status: 'inactive' as const };
    expect((await cache.read(account.id, async () => disabled))?.status).to.equal('inactive');
  });

  it('does not keep a read that was in flight while an account was written', async () => {
    const { cache } = setup();
    const account = anAccount();
    let release!: () => void;
    const inFlight = cache.read(account.id, () => new Promise((resolve) => (release = () => resolve(account))));
    cache.invalidate(account.id);
    release();
    await inFlight;
    const fresh = { ...account, status: 'deleted' as const };
    expect((await cache.read(account.id, async () => fresh))?.status).to.equal('deleted');
  });

  it('keeps no misses, hands out copies and holds at most its capacity', async () => {
    const { cache } = setup();
    const [a, b, c] = [anAccount(), anAccount(), anAccount()];
    expect(await cache.read(a.id, async () => undefined)).to.equal(undefined);
    expect((await cache.read(a.id, async () => a))?.id).to.equal(a.id);
    const copy = (await cache.read(a.id, async () => a))!;
    copy.fullName = 'Changed by a caller';
    expect((await cache.read(a.id, async () => a))?.fullName).to.equal(a.fullName);
    await cache.read(b.id, async () => b);
    await cache.read(c.id, async () => c);
    let reloaded = false;
    await cache.read(a.id, async () => ((reloaded = true), a));
    expect(reloaded).to.equal(true);
  });
});
