import { expect } from 'chai';
import { PREPARED_REFERENCES_CAPACITY, RubricAnswerGrader } from '../../../src/adapters/offline/answer-grader.rubric.js';
import { functionWordShare, functionWordShareOf, gibberishShare, gibberishShareOf } from '../../../src/adapters/offline/text/signals.js';
import { charTrigrams, cosine, trigramCosine, trigramProfile, words } from '../../../src/adapters/offline/text/tokens.js';
import type { GradeRequest } from '../../../src/ports/answer-grader.js';

const Q: GradeRequest = {
  question: 'Why does React need a key prop when rendering a list?',
  referenceAnswer: 'Keys give each list item a stable identity so React can match elements between renders during reconciliation.',
  keyPoints: ['keys give items a stable identity', 'used by reconciliation to match elements between renders', 'wrong keys can mix up state or DOM nodes'],
  answer: 'Keys give every item a stable identity, so React can match elements between renders. I think that is it.',
  context: { skillArea: 'react_fundamentals' },
};

const TEXTS = [
  '', '   ', '...', 'a', 'Keys give every item in the list a stable identity.',
  'xkqzt brrrp vvmnt kjhgf aaaa strengths rhythm 42 a1b2',
  'Résumé naïve café — “quotes”, K (Kelvin) and İstanbul; line one\nline two\ttab.',
  'THE VIRTUAL DOM IS AN IN-MEMORY TREE; React diffs it against the previous one!',
];

describe('rubric grader memo of prepared references', () => {
  it('grades the same request alike with the memo cold and warm', () => {
    const grader = new RubricAnswerGrader();
    expect(grader.preparedReferences).to.equal(0);
    const cold = grader.gradeSync(Q);
    expect(grader.preparedReferences).to.equal(1);
    const warm = grader.gradeSync(Q);
    expect(grader.preparedReferences).to.equal(1);
    expect(warm).to.deep.equal(cold);
    expect(new RubricAnswerGrader().gradeSync(Q)).to.deep.equal(cold);
    // Grades share no arrays with the memo: changing one leaves the next grade as it was.
    cold.missingPoints.push('changed');
    grader.gradeSync({ ...Q, answer: '' }).missingPoints.push('changed');
    expect(grader.gradeSync(Q)).to.deep.equal(warm);
    expect(grader.gradeSync({ ...Q, answer: '' }).missingPoints).to.deep.equal(Q.keyPoints);
  });

  it('keeps requests apart whatever their texts contain', () => {
    const grader = new RubricAnswerGrader();
    const split = { ...Q, keyPoints: ['keys give items', 'a stable identity'] };
    const joined = { ...Q, keyPoints: ['keys give items\u0000a stable identity'] };
    expect(grader.gradeSync(split)).to.deep.equal(new RubricAnswerGrader().gradeSync(split));
    expect(grader.gradeSync(joined)).to.deep.equal(new RubricAnswerGrader().gradeSync(joined));
    expect(grader.preparedReferences).to.equal(2);
  });

  it('stays bounded, dropping the least recently used question', () => {
    expect(PREPARED_REFERENCES_CAPACITY).to.be.within(1000, 10_000);
    const grader = new RubricAnswerGrader(3);
    const ask = (i: number) => grader.gradeSync({ ...Q, question: `Question ${i}: why keys?` });
    const first = ask(0);
    for (let i = 1; i < 10; i++) {
      ask(i);
      expect(grader.preparedReferences).to.be.at.most(3);
    }
    expect(grader.preparedReferences).to.equal(3);
    expect(ask(0)).to.deep.equal(first);

    const big = new RubricAnswerGrader();
    for (let i = 0; i < PREPARED_REFERENCES_CAPACITY + 50; i++) big.gradeSync({ ...Q, question: `Question ${i}?`, answer: 'keys' });
    expect(big.preparedReferences).to.equal(PREPARED_REFERENCES_CAPACITY);
  });
});

describe('offline text helpers on pre-split words', () => {
  it('compute the same trigram cosine as charTrigrams and cosine', () => {
    for (const a of TEXTS) {
      for (const b of TEXTS) {
        expect(trigramCosine(words(a), trigramProfile(words(b)))).to.equal(cosine(charTrigrams(a), charTrigrams(b)));
      }
    }
  });

  it('find gibberish as the regular expressions describe it', () => {
    const byRegex = (text: string) => {
      const ws = words(text).filter((w) => /^[a-z]+$/.test(w) && w.length >= 3);
      const odd = ws.filter((w) => (w.length >= 4 && !/[aeiouy]/.test(w)) || /[^aeiouy]{5,}/.test(w) || /(.)\1\1/.test(w) || /^[^aeiouy]{4}/.test(w));
      return ws.length === 0 ? 0 : odd.length / ws.length;
    };
    const samples = [...TEXTS, 'strengths', 'rhythms', 'aaa', 'baaa', 'bcda', 'bcdfa', 'abcdfgh', 'queue', 'xyz', 'xyzw', 'y2k abc'];
    for (const t of samples) {
      expect(gibberishShareOf(words(t)), t).to.equal(byRegex(t));
      expect(gibberishShare(t), t).to.equal(byRegex(t));
    }
  });

  it('count function words as from the text', () => {
    for (const t of TEXTS) expect(functionWordShareOf(words(t))).to.equal(functionWordShare(t));
  });
});
