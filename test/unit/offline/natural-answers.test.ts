import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { RubricAnswerGrader } from '../../../src/adapters/offline/answer-grader.rubric.js';
import { QUESTION_BANK } from '../../../src/adapters/offline/question-bank/index.js';

/**
 * Right answers to bank questions written in a candidate's own words (contractions, asides, caveats
 * such as "not for CPU-heavy work", "VMs isolate more strongly", "use yaml.safe_load"), none copied
 * from the reference: each was written by a person for this suite, the cases once misread as
 * contradicting the reference or missing a point they make included.
 */
const ANSWERS = readFileSync(new URL('../../support/fixtures/natural-answers.jsonl', import.meta.url), 'utf8')
  .split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as { id: string; answer: string });

describe('offline grader on right answers in natural words', () => {
  it('grades every one proficient or better, reads none as contradicting the reference, and averages above 90', () => {
    const grader = new RubricAnswerGrader();
    expect(ANSWERS.length).to.be.at.least(640);
    const misread: string[] = [];
    let total = 0;
    for (const { id, answer } of ANSWERS) {
      const q = QUESTION_BANK.find((x) => x.id === id);
      expect(q, id).to.not.equal(undefined);
      const g = grader.gradeSync({ question: q!.text, referenceAnswer: q!.referenceAnswer, keyPoints: q!.keyPoints, answer });
      total += g.score;
      if (g.score < 60 || g.reasoning.includes('contradicts')) misread.push(`${id} ${g.score}: ${g.reasoning}`);
    }
    expect(misread).to.deep.equal([]);
    expect(total / ANSWERS.length).to.be.above(90);
  });
});
