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

  it('does not end one at an ellipsis set apart by spaces, which elides words mid-sentence', () => {
    expect(texts('It locks rows with SELECT ... FOR UPDATE, so others wait. Done.')).to.deep.equal([
      'It locks rows with SELECT ... FOR UPDATE, so others wait.', 'Done.',
    ]);
    expect(texts('It waited... Then it ran.')).to.deep.equal(['It waited...', 'Then it ran.']);
  });

  it('does not end one at an abbreviation ("e.g.", "i.e.", "vs."), nor at "etc." before a lower-case word', () => {
    expect(texts('You fix it by eager loading, e.g. select_related in Django. Then it is one query.')).to.deep.equal([
      'You fix it by eager loading, e.g. select_related in Django.', 'Then it is one query.',
    ]);
    expect(texts('Use a heap, i.e. heapq, vs. a sorted list. OK.')).to.deep.equal(['Use a heap, i.e. heapq, vs. a sorted list.', 'OK.']);
    expect(texts('Lists, sets, etc. are containers. Lists, sets, etc. Then dicts.')).to.deep.equal([
      'Lists, sets, etc. are containers.', 'Lists, sets, etc.', 'Then dicts.',
    ]);
    expect(texts('It ends with e.g.')).to.deep.equal(['It ends with e.g.']);
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
