import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { container } from 'tsyringe';
import { loadConfig } from '../../../src/app/config.js';
import { definePlugin, type PortalPlugin } from '../../../src/app/plugin-api.js';
import { loadExternalPlugins, PluginError, PluginHost } from '../../../src/app/plugin-host.js';
import { token } from '../../../src/ports/token.js';

interface Greeter {
  greet(name: string): string;
}
const Greeter = token<Greeter>('test/Greeter');

const config = (env: Record<string, string> = {}) => loadConfig({ NODE_ENV: 'test', ...env });

const greeterPlugin = (name: string, id: string, extra: Partial<PortalPlugin<any>> = {}) =>
  definePlugin({
    name,
    apiVersion: 1,
    register(ctx) {
      ctx.provide(Greeter, id, () => ({ greet: (who: string) => `${id}: hello ${who}` }));
    },
    ...extra,
  });

const failure = (fn: () => unknown): PluginError => {
  try {
    fn();
  } catch (error) {
    return error as PluginError;
  }
  throw new Error('expected a PluginError');
};

describe('plugin host', () => {
  it('binds the selected provider lazily and resolves it', () => {
    let built = 0;
    const host = new PluginHost(
      [
        definePlugin({
          name: 'lazy', apiVersion: 1,
          register(ctx) {
            ctx.provide(Greeter, 'lazy', () => {
              built++;
              return { greet: (n: string) => `hi ${n}` };
            });
            ctx.provide(Greeter, 'never', () => {
              throw new Error('an unselected provider must not be built');
            });
          },
        }),
      ],
      config(),
    );
    host.select(Greeter, ['lazy'], 'GREETER');
    const c = container.createChildContainer();
    host.bind(c);
    expect(built).to.equal(0);
    const r = host.resolverFor(c);
    expect(r.resolve(Greeter).greet('ann')).to.equal('hi ann');
    expect(r.resolve(Greeter)).to.equal(r.resolve(Greeter));
    expect(built).to.equal(1);
  });

  it('refuses two plugins with one name', () => {
    expect(failure(() => new PluginHost([greeterPlugin('a', 'x'), greeterPlugin('a', 'y')], config())).message)
      .to.equal('Plugin "a" is registered twice');
  });

  it('refuses two providers with one id for a port', () => {
    expect(failure(() => new PluginHost([greeterPlugin('a', 'x'), greeterPlugin('b', 'x')], config())).message)
      .to.match(/Plugin "b": provider "x" for test\/Greeter is already registered by "a"/);
  });

  it('refuses a plugin whose dependency is missing, and orders by dependencies', () => {
    expect(failure(() => new PluginHost([greeterPlugin('a', 'x', { dependsOn: ['base'] })], config())).message)
      .to.equal('Plugin "a" depends on "base", which is not loaded');
    const host = new PluginHost([greeterPlugin('a', 'x', { dependsOn: ['base'] }), greeterPlugin('base', 'y')], config());
    expect(host.pluginNames).to.deep.equal(['base', 'a']);
  });

  it('refuses dependency cycles, bad names and unsupported api versions', () => {
    expect(failure(() => new PluginHost(
      [greeterPlugin('a', 'x', { dependsOn: ['b'] }), greeterPlugin('b', 'y', { dependsOn: ['a'] })], config(),
    )).message).to.match(/cycle: a -> b -> a/);
    expect(failure(() => new PluginHost([greeterPlugin('Not_Kebab', 'x')], config())).message).to.match(/kebab-case/);
    expect(failure(() => new PluginHost([greeterPlugin('v2', 'x', { apiVersion: 2 as 1 })], config())).message)
      .to.match(/apiVersion 2 is not supported/);
  });

  it('validates options and prefixes their errors with the plugin name', () => {
    const withOptions = definePlugin<{ greeting: string }>({
      name: 'opts', apiVersion: 1,
      parseOptions(raw) {
        const greeting = (raw as { greeting?: unknown } | undefined)?.greeting;
        if (typeof greeting !== 'string') throw new Error('greeting must be a string');
        return { greeting };
      },
      register(ctx) {
        ctx.provide(Greeter, 'opts', () => ({ greet: (n: string) => `${ctx.options.greeting} ${n}` }));
      },
    });
    expect(failure(() => new PluginHost([withOptions], config({ PLUGIN_OPTIONS: '{"opts":{"greeting":5}}' }))).message)
      .to.equal('Plugin "opts": invalid options: greeting must be a string');
    const host = new PluginHost([withOptions], config({ PLUGIN_OPTIONS: '{"opts":{"greeting":"hey"}}' }));
    host.select(Greeter, ['opts'], 'GREETER');
    const c = container.createChildContainer();
    host.bind(c);
    expect(host.resolverFor(c).resolve(Greeter).greet('bo')).to.equal('hey bo');
    expect(failure(() => new PluginHost([greeterPlugin('plain', 'x')], config({ PLUGIN_OPTIONS: '{"plain":{}}' }))).message)
      .to.match(/takes no options/);
  });

  it('names the variable and the valid ids when a selection is unknown', () => {
    const host = new PluginHost([greeterPlugin('a', 'alpha'), greeterPlugin('b', 'beta')], config());
    expect(failure(() => host.select(Greeter, ['gamma'], 'GREETER_PROVIDER')).message)
      .to.equal('GREETER_PROVIDER: unknown provider "gamma" for test/Greeter; valid: alpha, beta');
    expect(failure(() => host.select(Greeter, ['alpha', 'beta'], 'GREETER_PROVIDER')).message).to.match(/exactly one provider/);
  });

  it('combines several selected providers when the port allows a chain', () => {
    const host = new PluginHost([greeterPlugin('a', 'alpha'), greeterPlugin('b', 'beta')], config());
    host.select(Greeter, ['beta', 'alpha'], 'GREETERS', (instances, ids) => ({
      greet: (n: string) => `${ids.join('>')} ${instances.map((i) => i.greet(n)).join(' | ')}`,
    }));
    const c = container.createChildContainer();
    host.bind(c);
    expect(host.resolverFor(c).resolve(Greeter).greet('x')).to.equal('beta>alpha beta: hello x | alpha: hello x');
  });

  it('starts plugins in dependency order and stops them in reverse', async () => {
    const events: string[] = [];
    const tracked = (name: string, dependsOn: string[] = []) =>
      greeterPlugin(name, name, {
        dependsOn,
        start: async () => void events.push(`start ${name}`),
        stop: async () => void events.push(`stop ${name}`),
      });
    const host = new PluginHost([tracked('web', ['db']), tracked('db'), tracked('cache', ['db'])], config());
    await host.start(host.resolverFor(container.createChildContainer()));
    await host.stop();
    expect(events).to.deep.equal(['start db', 'start web', 'start cache', 'stop cache', 'stop web', 'stop db']);
  });

  it('loads a plugin from a path named in PLUGINS', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plugin-'));
    const file = path.join(dir, 'shout.mjs');
    writeFileSync(
      file,
      `export default { name: 'shout', apiVersion: 1, register(ctx) {
         ctx.provide(Symbol.for('candidates-portal/test/Greeter'), 'shout', () => ({ greet: (n) => 'HELLO ' + n.toUpperCase() }));
       } };`,
    );
    const plugins = await loadExternalPlugins(config({ PLUGINS: file }).plugins);
    const host = new PluginHost(plugins, config());
    host.select(Greeter, ['shout'], 'GREETER');
    const c = container.createChildContainer();
    host.bind(c);
    expect(host.resolverFor(c).resolve(Greeter).greet('ann')).to.equal('HELLO ANN');
    let error: unknown;
    try {
      await loadExternalPlugins([path.join(dir, 'missing.mjs')]);
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).to.match(/PLUGINS: cannot load/);
  });
});
