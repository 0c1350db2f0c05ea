import { expect } from 'chai';
import { container } from 'tsyringe';
import { RubricAnswerGrader } from '../../../src/adapters/offline/answer-grader.rubric.js';
import { ThreadedRubricGrader } from '../../../src/adapters/offline/answer-grader.threaded.js';
import { loadConfig } from '../../../src/app/config.js';
import { PluginHost } from '../../../src/app/plugin-host.js';
import { AnswerGrader, type GradeRequest } from '../../../src/ports/answer-grader.js';
import { createOfflinePlugin } from '../../../plugins/offline/index.js';
import { rejection } from '../../support/rejection.js';

const REQUEST: GradeRequest = {
  question: 'What does a database index speed up?',
  referenceAnswer: 'An index speeds up lookups and range scans on the indexed columns at the cost of slower writes and extra storage.',
  answer: 'It speeds up lookups on the indexed columns, but every write has to update the index too.',
};

/** The offline plugin's grader as an app built with these settings gets it, and the started host that stops it. */
async function offlineGraderWith(env: Record<string, string>) {
  const host = new PluginHost([createOfflinePlugin()], loadConfig({ NODE_ENV: 'test', ...env }));
  host.select(AnswerGrader, ['offline'], 'AI_PROVIDERS');
  const scope = container.createChildContainer();
  host.bind(scope);
  const resolver = host.resolverFor(scope);
  await host.start(resolver);
  return { host, grader: resolver.resolve(AnswerGrader) };
}

describe('offline plugin', function () {
  this.timeout(20_000);

  it('grades on a thread of its own when OFFLINE_GRADER_THREADS asks for one, and stops the thread when the app stops', async () => {
    const { host, grader } = await offlineGraderWith({ OFFLINE_GRADER_THREADS: '1' });
    expect(grader).to.be.instanceOf(ThreadedRubricGrader);
    const threaded = grader as ThreadedRubricGrader;
    expect(threaded.runningThreads).to.equal(0);
    expect(await grader.grade(REQUEST)).to.deep.equal(new RubricAnswerGrader().gradeSync(REQUEST));
    expect(threaded.runningThreads).to.equal(1);
    await host.stop();
    expect(threaded.runningThreads).to.equal(0);
    // A request still arriving during shutdown starts no thread that nothing would stop.
    expect((await rejection(grader.grade(REQUEST))).message).to.equal('the grader is closed');
    expect(threaded.runningThreads).to.equal(0);
  });

  it('grades on the event loop when OFFLINE_GRADER_THREADS is 0', async () => {
    const { host, grader } = await offlineGraderWith({ OFFLINE_GRADER_THREADS: '0' });
    expect(grader).to.be.instanceOf(RubricAnswerGrader);
    expect(await grader.grade(REQUEST)).to.deep.equal(new RubricAnswerGrader().gradeSync(REQUEST));
    await host.stop();
  });
});
