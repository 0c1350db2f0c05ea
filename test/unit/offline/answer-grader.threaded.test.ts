import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { loadGradingDataset } from '../../../bench/grading-dataset.js';
import { RubricAnswerGrader } from '../../../src/adapters/offline/answer-grader.rubric.js';
import { ThreadedRubricGrader } from '../../../src/adapters/offline/answer-grader.threaded.js';
import type { GradeRequest } from '../../../src/ports/answer-grader.js';
import { rejection } from '../../support/rejection.js';

const Q: GradeRequest = {
  question: 'Why does React need a key prop when rendering a list?',
  referenceAnswer: 'Keys give each list item a stable identity so React can match elements between renders during reconciliation.',
  keyPoints: ['keys give items a stable identity', 'used by reconciliation to match elements between renders'],
  answer: 'Keys give every item a stable identity, so React can match elements between renders.',
  context: { skillArea: 'react_fundamentals' },
};

describe('rubric grader on threads of its own', function () {
  this.timeout(30_000);
  let grader: ThreadedRubricGrader;
  afterEach(() => grader?.close());

  it('gives the grades the rubric grader gives on the event loop, each to its own caller, across threads', async () => {
    grader = new ThreadedRubricGrader(2);
    const requests = loadGradingDataset().filter((_, i) => i % 9 === 0);
    expect(requests.length).to.be.greaterThan(100);
    const inline = new RubricAnswerGrader();
    const threaded = await Promise.all(requests.map((request) => grader.grade(request)));
    expect(threaded).to.deep.equal(requests.map((request) => inline.gradeSync(request)));
    expect(grader.runningThreads).to.equal(2);
  });

  it('rejects an aborted call, before sending or while grading, and goes on serving', async () => {
    grader = new ThreadedRubricGrader();
    const early = new AbortController();
    early.abort();
    expect((await rejection(grader.grade(Q, { signal: early.signal }))).name).to.equal('AbortError');

    const late = new AbortController();
    const pending = grader.grade(Q, { signal: late.signal });
    late.abort();
    expect((await rejection(pending)).name).to.equal('AbortError');
    expect(await grader.grade(Q)).to.deep.equal(new RubricAnswerGrader().gradeSync(Q));
  });

  it('fails a request the grader cannot read with the reason, and goes on serving', async () => {
    grader = new ThreadedRubricGrader();
    const error = await rejection(grader.grade({ ...Q, answer: 42 as unknown as string }));
    expect(error.message).to.match(/^grading failed: /);
    expect((await grader.grade(Q)).score).to.equal(new RubricAnswerGrader().gradeSync(Q).score);
  });

  it('fails the requests in hand when it closes, and refuses requests from then on', async () => {
    grader = new ThreadedRubricGrader();
    await grader.grade(Q);
    const inHand = Array.from({ length: 20 }, () => grader.grade(Q));
    await grader.close();
    expect(grader.runningThreads).to.equal(0);
    const outcomes = await Promise.allSettled(inHand);
    const expected = new RubricAnswerGrader().gradeSync(Q);
    expect(outcomes.some((o) => o.status === 'rejected')).to.equal(true);
    for (const o of outcomes) {
      if (o.status === 'rejected') expect((o.reason as Error).message).to.match(/grading thread exited/);
      else expect(o.value).to.deep.equal(expected);
    }
    expect((await rejection(grader.grade(Q))).message).to.equal('the grader is closed');
    expect(grader.runningThreads).to.equal(0);
  });

  it('refuses a request that cannot be sent to a thread (a function in it) and holds nothing for it', async () => {
    grader = new ThreadedRubricGrader();
    const signal = new AbortController().signal;
    const unsendable = { ...Q, context: { skillArea: 'react', extra: () => 1 } } as unknown as GradeRequest;
    expect((await rejection(grader.grade(unsendable, { signal }))).name).to.equal('DataCloneError');
    expect(await grader.grade(Q)).to.deep.equal(new RubricAnswerGrader().gradeSync(Q));
  });

  it('refuses a thread count that is not a whole number of at least 1', () => {
    for (const count of [0, -1, 1.5]) expect(() => new ThreadedRubricGrader(count)).to.throw(/whole number ≥ 1/);
  });

  it('does not keep a process alive once its requests are answered or refused', () => {
    const module = fileURLToPath(new URL('../../../src/adapters/offline/answer-grader.threaded.ts', import.meta.url));
    // A request that could not be sent first: it must leave nothing holding the thread.
    const script =
      `const { ThreadedRubricGrader } = await import(${JSON.stringify(module)});` +
      `const grader = new ThreadedRubricGrader();` +
      `await grader.grade({ ...${JSON.stringify(Q)}, context: { extra: () => 1 } }).catch(() => {});` +
      `const grade = await grader.grade(${JSON.stringify(Q)});` +
      `console.log(grade.score);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.error, 'the process had to be killed').to.equal(undefined);
    expect(run.status, run.stderr).to.equal(0);
    expect(Number(run.stdout.trim())).to.equal(new RubricAnswerGrader().gradeSync(Q).score);
  });
});
