import { expect } from 'chai';
import { RubricAnswerGrader } from '../../../src/adapters/offline/answer-grader.rubric.js';
import { loadGradingDataset, pearson } from '../../../bench/grading-dataset.js';

describe('rubric grader quality on the shared short-answer dataset', function () {
  this.timeout(30_000);
  it('reaches Pearson r ≥ 0.55 with the human scores', () => {
    const rows = loadGradingDataset();
    expect(rows.length).to.be.greaterThan(1000);
    const grader = new RubricAnswerGrader();
    const r = pearson(rows.map((row) => grader.gradeSync(row).score), rows.map((row) => row.score));
    expect(r).to.be.at.least(0.55);
  });
});
