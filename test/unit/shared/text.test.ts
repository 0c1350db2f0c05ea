import { expect } from 'chai';
import { isStorableText, storableText } from '../../../src/domain/shared/text.js';

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
