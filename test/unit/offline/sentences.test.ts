import { expect } from 'chai';
import { sentences } from '../../../src/adapters/offline/text/tokens.js';

const texts = (text: string) => sentences(text).map((s) => s.text);

describe('sentences (offline text tools)', () => {
  it('ends a sentence at . ! ? or ; followed by a space or the end, and at a line break', () => {
    expect(texts('First one. Second one! Third? Fourth; fifth')).to.deep.equal(['First one.', 'Second one!', 'Third?', 'Fourth;', 'fifth']);
    expect(texts('line one\nline two\n\nline three')).to.deep.equal(['line one', 'line two', 'line three']);
    expect(texts('Really?! Yes...  Done.')).to.deep.equal(['Really?!', 'Yes...', 'Done.']);
  });

  it('does not end one at the dots inside names, calls, versions and file names', () => {
    expect(texts('Node.js runs console.log on V8. Pin versions in pyproject.toml, and Python 3.12 works.')).to.deep.equal([
      'Node.js runs console.log on V8.',
      'Pin versions in pyproject.toml, and Python 3.12 works.',
    ]);
  });

  it('gives each sentence its offset in the original text, so quotes are exact substrings', () => {
    const text = '  Use asyncio.gather;  then await it.\n\tIt runs them concurrently. ';
    for (const s of sentences(text)) expect(text.slice(s.start, s.start + s.text.length)).to.equal(s.text);
    expect(texts(text)).to.deep.equal(['Use asyncio.gather;', 'then await it.', 'It runs them concurrently.']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(sentences('')).to.deep.equal([]);
    expect(sentences(' \n\t ')).to.deep.equal([]);
  });
});
