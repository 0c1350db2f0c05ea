import { expect } from 'chai';
import { RubricAnswerGrader } from '../../../src/adapters/offline/answer-grader.rubric.js';
import { gradeJsonLines } from '../../../src/app/commands/grade.js';

async function* linesOf(text: string) {
  for (const line of text.split('\n')) yield line;
}

describe('grade command (JSON lines)', () => {
  it('grades each line, reports bad lines by id and carries on', async () => {
    const input = [
      JSON.stringify({ id: 'a', question: 'What is a stack?', referenceAnswer: 'Last in, first out.', answer: 'Last in first out.' }),
      'this is not json',
      JSON.stringify({ id: 'c', question: 'q' }),
      '',
      JSON.stringify({ id: 7, question: 'What is a queue?', referenceAnswer: 'First in, first out.', answer: 'purple' }),
    ].join('\n');
    const out: string[] = [];
    const summary = await gradeJsonLines(linesOf(input), new RubricAnswerGrader(), (l) => out.push(l));
    expect(summary).to.deep.equal({ graded: 2, failed: 2 });
    const parsed = out.map((l) => JSON.parse(l));
    expect(parsed[0]).to.have.keys(['id', 'score', 'level']);
    expect(parsed[0].id).to.equal('a');
    expect(parsed[0].score).to.be.greaterThan(parsed[3].score);
    expect(parsed[1]).to.deep.equal({ id: null, error: parsed[1].error });
    expect(parsed[1].error).to.match(/line 2: invalid JSON/);
    expect(parsed[2]).to.deep.equal({ id: 'c', error: 'line 3: missing or non-string field(s): referenceAnswer, answer' });
    expect(parsed[3].id).to.equal(7);
  });
});
