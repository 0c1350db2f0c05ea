import { expect } from 'chai';
import path from 'node:path';
import { container } from 'tsyringe';
import { loadConfig } from '../../src/app/config.js';
import { loadExternalPlugins, PluginHost } from '../../src/app/plugin-host.js';
import { AnswerGrader } from '../../src/ports/answer-grader.js';

describe('example-provider plugin (template)', () => {
  const load = async (options?: unknown) => {
    const file = path.resolve('plugins/example-provider/index.ts');
    const config = loadConfig({ NODE_ENV: 'test', PLUGINS: file, ...(options ? { PLUGIN_OPTIONS: JSON.stringify({ 'example-provider': options }) } : {}) });
    const host = new PluginHost(await loadExternalPlugins(config.plugins), config);
    host.select(AnswerGrader, ['example'], 'AI_PROVIDERS');
    const c = container.createChildContainer();
    host.bind(c);
    return host.resolverFor(c).resolve(AnswerGrader);
  };

  it('loads from a path in PLUGINS and grades through the AnswerGrader port', async () => {
    const grader = await load();
    const request = {
      question: 'What does an index do in a relational database?',
      referenceAnswer: 'An index speeds up lookups by letting the database find matching rows without scanning the whole table.',
      answer: '',
    };
    const good = await grader.grade({ ...request, answer: 'It speeds up lookups: the database can find matching rows without scanning the table.' });
    const bad = await grader.grade({ ...request, answer: 'It makes colours brighter on screen.' });
    const empty = await grader.grade(request);
    expect(good.score).to.be.greaterThan(bad.score);
    expect(empty.score).to.equal(0);
    expect(empty.flags).to.include('empty');
    expect(good.servedBy).to.deep.equal({ provider: 'example', model: 'word-share-v1' });
  });

  it('validates its options with a message prefixed by the plugin name', async () => {
    let error: unknown;
    try {
      await load({ minWords: -1 });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).to.equal('Plugin "example-provider": invalid options: minWords must be a whole number ≥ 0');
    const strict = await load({ minWords: 50 });
    expect((await strict.grade({ question: 'q', referenceAnswer: 'index rows table', answer: 'index rows table' })).score).to.equal(0);
  });
});
