import { expect } from 'chai';
import { HmacSignedLinks } from '../../../src/adapters/security/signed-links.hmac.js';

describe('signed download links (HMAC)', () => {
  const links = new HmacSignedLinks('a-secret-that-is-long-enough-for-tests-000');
  const now = new Date('2026-05-01T10:00:00Z');
  const later = (s: number) => new Date(now.getTime() + s * 1000);

  it('verifies to its resource until it expires, then to nothing', () => {
    const token = links.sign('resume:abc', later(60));
    expect(token).to.match(/^[A-Za-z0-9_.-]+$/);
    expect(links.verify(token, now)).to.equal('resume:abc');
    expect(links.verify(token, later(59))).to.equal('resume:abc');
    expect(links.verify(token, later(60))).to.equal(undefined);
  });

  it('refuses a token changed anywhere, or signed with another secret', () => {
    const token = links.sign('resume:abc', later(60));
    for (let i = 0; i < token.length; i++) {
      const c = token[i] === 'A' ? 'B' : 'A';
      const changed = token.slice(0, i) + c + token.slice(i + 1);
      if (changed !== token) expect(links.verify(changed, now), `char ${i}`).to.equal(undefined);
    }
    const [resource, , mac] = token.split('.');
    expect(links.verify(`${resource}.${Math.floor(later(99999).getTime() / 1000)}.${mac}`, now)).to.equal(undefined);
    const other = new HmacSignedLinks('another-secret-that-is-long-enough-000000');
    expect(other.verify(token, now)).to.equal(undefined);
    expect(links.verify('garbage', now)).to.equal(undefined);
  });
});
