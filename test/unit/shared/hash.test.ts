import { expect } from 'chai';
import { fingerprint } from '../../../src/domain/shared/hash.js';

/** FNV-1a 64 as first written, in BigInt: the fingerprints stored so far were made by it. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('fingerprint', () => {
  it('is FNV-1a 64 (published test vectors)', () => {
    expect(fingerprint('')).to.equal('cbf29ce484222325');
    expect(fingerprint('a')).to.equal('af63dc4c8601ec8c');
    expect(fingerprint('foobar')).to.equal('85944171f73967e8');
  });

  it('gives what the BigInt version gave for any text: ASCII, accents, emoji, the highest code units, 2,000 characters', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const texts = ['Résumé naïve café', '漢字とかな', '👍🏽 done', '\uffff\u0000\ud800', 'x'.repeat(2000)];
    for (let n = 0; n < 300; n++) texts.push(String.fromCharCode(...Array.from({ length: next() % 64 }, () => next() % 0x10000)));
    for (const text of texts) expect(fingerprint(text), JSON.stringify(text)).to.equal(reference(text));
  });
});
