import { expect } from 'chai';
import { BlankFullName, visibleName } from '../../../src/domain/accounts/index.js';
import { displayFileName } from '../../../src/domain/resumes/resume.js';
import { isStorableText, plainText, storableText } from '../../../src/domain/shared/text.js';

describe('storable text', () => {
  const cases: Array<[string, string, boolean, string]> = [
    ['plain text', 'useEffect runs after render — café 🎉', true, 'useEffect runs after render — café 🎉'],
    ['a NUL character', 'a\u0000b', false, 'ab'],
    ['a high surrogate alone', 'a\ud83db', false, 'a\ufffdb'],
    ['a low surrogate alone', 'a\udf89b', false, 'a\ufffdb'],
    ['a surrogate pair split the wrong way round', '\udf89\ud83c', false, '\ufffd\ufffd'],
    ['the empty string', '', true, ''],
  ];
  for (const [name, text, storable, cleaned] of cases) {
    it(`${name}: ${storable ? 'storable as it is' : 'not storable, cleaned'}`, () => {
      expect(isStorableText(text)).to.equal(storable);
      expect(storableText(text)).to.equal(cleaned);
      expect(isStorableText(storableText(text))).to.equal(true);
    });
  }
});

describe('plain text: names and labels as people are shown them', () => {
  it('drops the bidirectional overrides, embeddings and isolates and the zero-width space, word joiner and byte order mark', () => {
    // "résumé \u202Efdp.exe" shows as "résumé exe.pdf".
    expect(plainText('résumé \u202Efdp.exe')).to.equal('résumé fdp.exe');
    expect(plainText('\u202AA\u202BB\u202CC\u202DD\u2066E\u2067F\u2068G\u2069H\u200BI\u2060J\uFEFFK')).to.equal('ABCDEFGHIJK');
  });

  it('keeps the joiners and direction marks that names in other scripts need', () => {
    for (const name of ['مهرداد\u200Cپور', 'क्\u200Dष', 'שלום\u200F abc', '👩\u200D💻 Ada']) expect(plainText(name)).to.equal(name);
  });

  it('refuses a full name with nothing visible left, and keeps a name its visible characters', () => {
    expect(visibleName('  \u202EAlice\u200B ')).to.equal('Alice');
    expect(() => visibleName('\u202E\u202E \u200B')).to.throw(BlankFullName);
  });

  it('shows an uploaded file by its visible name', () => {
    expect(displayFileName('C:\\\\cv\\\\résumé 📄 \u202Efdp.exe.pdf', 'pdf')).to.equal('résumé 📄 fdp.exe.pdf');
    expect(displayFileName('\u202E\u200B', 'docx')).to.equal('resume.docx');
  });
});
