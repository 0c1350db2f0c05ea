import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RubricAnswerGrader } from '../../../src/adapters/offline/answer-grader.rubric.js';
import { pearson } from '../../../bench/grader.js';

describe('rubric grader quality on the shared short-answer dataset', function () {
  this.timeout(30_000);
  it('reaches Pearson r ≥ 0.55 with the human scores', () => {
    const file = process.env.GRADER_DATASET ?? path.resolve(process.cwd(), '../shared/datasets/short-answer-grading-dev.jsonl');
    const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as {
      question: string; referenceAnswer: string; answer: string; score: number;
    });
    expect(rows.length).to.be.greaterThan(1000);
    const grader = new RubricAnswerGrader();
    const r = pearson(rows.map((row) => grader.gradeSync(row).score), rows.map((row) => row.score));
    expect(r).to.be.at.least(0.55);
  });
});
