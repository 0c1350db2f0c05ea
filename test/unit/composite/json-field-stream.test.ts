import { expect } from 'chai';
import { JsonStringFieldStream } from '../../../src/adapters/llm/json-field-stream.js';

describe('streaming one JSON string field', () => {
  it('decodes the field as it arrives, across escapes split between chunks', () => {
    const json = JSON.stringify({ skill_area: 'x', question: 'Why "keys"?\nSay \u00e9 or \\ here.', is_followup: false });
    for (const size of [1, 2, 3, 7, 50]) {
      const s = new JsonStringFieldStream('question');
      let out = '';
      for (let i = 0; i < json.length; i += size) out += s.push(json.slice(i, i + size));
      expect(out, `chunks of ${size}`).to.equal('Why "keys"?\nSay é or \\ here.');
    }
  });

  it('emits nothing for other fields and stops at the closing quote', () => {
    const s = new JsonStringFieldStream('question');
    expect(s.push('{"reference_answer": "not this", "question": "Th')).to.equal('Th');
    expect(s.push('is one", "key_points": ["no"]}')).to.equal('is one');
  });
});
