import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';
import type { Token } from '../ports/token.js';
import { resolveFrom } from '../adapters/di.js';
import type { AppConfig } from './config.js';
import {
  PLUGIN_API_VERSION,
  type Migration,
  type PortalPlugin,
  type ProviderFactory,
  type Resolver,
  type RouteMount,
} from './plugin-api.js';

export class PluginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginError';
  }
}

interface Provider {
  plugin: string;
  id: string;
  make: ProviderFactory<unknown>;
}

interface Selection {
  ids: string[];
  variable: string;
  /** False when the app binds the port itself (the switchable AI chain) from makeProvider. */
  bind: boolean;
  combine?: (instances: unknown[], ids: string[]) => unknown;
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const portName = (port: Token<unknown>) => Symbol.keyFor(port)?.replace('candidates-portal/', '') ?? String(port);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPlugin = PortalPlugin<any>;

/**
 * Loads, validates, orders, registers, starts and stops plugins, and binds the providers the
 * configuration selects into a DI container.
 */
export class PluginHost {
  private readonly ordered: AnyPlugin[];
  private readonly providers = new Map<symbol, Map<string, Provider>>();
  private readonly selections = new Map<symbol, Selection>();
  private readonly routeMounts: RouteMount[] = [];
  private readonly statusTables: Array<{ plugin: string; table: Record<string, number> }> = [];
  private readonly migrationList: Migration[] = [];
  private readonly started: AnyPlugin[] = [];

  constructor(plugins: readonly AnyPlugin[], private readonly config: AppConfig) {
    this.ordered = orderByDependencies(plugins);
    for (const plugin of this.ordered) this.registerPlugin(plugin);
  }

  get pluginNames(): string[] {
    return this.ordered.map((p) => p.name);
  }

  private registerPlugin(plugin: AnyPlugin): void {
    let options: unknown = undefined;
    const raw = this.config.pluginOptions[plugin.name];
    if (plugin.parseOptions) {
      try {
        options = plugin.parseOptions(raw);
      } catch (error) {
        throw new PluginError(`Plugin "${plugin.name}": invalid options: ${(error as Error).message}`);
      }
    } else if (raw !== undefined) {
      throw new PluginError(`Plugin "${plugin.name}": takes no options, but PLUGIN_OPTIONS gives some`);
    }
    plugin.register({
      options,
      config: this.config,
      provide: (port, id, make) => {
        if (!id || !/^[a-z][a-z0-9-]*$/.test(id)) {
          throw new PluginError(`Plugin "${plugin.name}": provider id "${id}" must be lower-case kebab-case`);
        }
        const byId = this.providers.get(port) ?? new Map<string, Provider>();
        const existing = byId.get(id);
        if (existing) {
          throw new PluginError(
            `Plugin "${plugin.name}": provider "${id}" for ${portName(port)} is already registered by "${existing.plugin}"`,
          );
        }
        byId.set(id, { plugin: plugin.name, id, make: make as ProviderFactory<unknown> });
        this.providers.set(port, byId);
      },
      routes: (mount) => this.routeMounts.push(mount),
      errorStatuses: (table) => this.statusTables.push({ plugin: plugin.name, table }),
      migrations: (list) => this.migrationList.push(...list),
    });
  }

  /** The provider ids registered for a port, in registration order. */
  providerIds(port: Token<unknown>): string[] {
    return [...(this.providers.get(port)?.keys() ?? [])];
  }

  /**
   * Chooses which providers serve a port. `variable` names the setting the ids came from, for the
   * error message. Several ids need `combine` (a fallback chain, say).
   */
  select<T>(
    port: Token<T>,
    ids: readonly string[],
    variable: string,
    combine?: (instances: T[], ids: string[]) => T,
    options: { bind?: boolean } = {},
  ): void {
    const valid = this.providerIds(port);
    for (const id of ids) {
      if (!valid.includes(id)) {
        throw new PluginError(
          `${variable}: unknown provider "${id}" for ${portName(port)}; valid: ${valid.join(', ') || '(none registered)'}`,
        );
      }
    }
    if (ids.length === 0) throw new PluginError(`${variable}: no provider selected for ${portName(port)}`);
    if (ids.length > 1 && !combine && options.bind !== false) {
      throw new PluginError(`${variable}: ${portName(port)} takes exactly one provider`);
    }
    this.selections.set(port, { ids: [...ids], variable, combine: combine as Selection['combine'], bind: options.bind !== false });
  }

  selectedIds(port: Token<unknown>): readonly string[] {
    return this.selections.get(port)?.ids ?? [];
  }

  /** Registers every selected port as a lazily built singleton in `container`. */
  bind(container: DependencyContainer): void {
    const resolver = this.resolverFor(container);
    for (const [port, selection] of this.selections) {
      if (!selection.bind) continue;
      const byId = this.providers.get(port)!;
      container.register(port, {
        useFactory: instanceCachingFactory(() => {
          const instances = selection.ids.map((id) => byId.get(id)!.make(resolver));
          return selection.combine ? selection.combine(instances, selection.ids) : instances[0];
        }),
      });
    }
  }

  private readonly built = new Map<string, unknown>();

  /** Builds (once) the provider `id` of a port, selected or not: for chains switched at run time. */
  makeProvider<T>(port: Token<T>, id: string, resolver: Resolver): T {
    const provider = this.providers.get(port)?.get(id);
    if (!provider) throw new PluginError(`unknown provider "${id}" for ${portName(port)}`);
    const key = `${String(port.description)}:${id}`;
    if (!this.built.has(key)) this.built.set(key, provider.make(resolver));
    return this.built.get(key) as T;
  }

  resolverFor(container: DependencyContainer): Resolver {
    return {
      resolve: <T>(port: Token<T>) => resolveFrom(container, port),
      selectedIds: (port) => this.selectedIds(port),
      config: this.config,
    };
  }

  async start(resolver: Resolver): Promise<void> {
    for (const plugin of this.ordered) {
      if (plugin.start) {
        try {
          await plugin.start(resolver);
        } catch (error) {
          throw new PluginError(`Plugin "${plugin.name}" failed to start: ${(error as Error).message}`);
        }
      }
      this.started.push(plugin);
    }
  }

  /** Stops started plugins in reverse order; a failing stop does not prevent the others. */
  async stop(onError: (plugin: string, error: unknown) => void = () => {}): Promise<void> {
    while (this.started.length > 0) {
      const plugin = this.started.pop()!;
      try {
        await plugin.stop?.();
      } catch (error) {
        onError(plugin.name, error);
      }
    }
  }

  get routes(): readonly RouteMount[] {
    return this.routeMounts;
  }
  get errorStatusTables(): ReadonlyArray<{ plugin: string; table: Record<string, number> }> {
    return this.statusTables;
  }
  get migrations(): readonly Migration[] {
    return this.migrationList;
  }
}

/** Validates names and versions, then orders plugins so each comes after what it depends on. */
export function orderByDependencies(plugins: readonly AnyPlugin[]): AnyPlugin[] {
  const byName = new Map<string, AnyPlugin>();
  for (const plugin of plugins) {
    if (!plugin || typeof plugin !== 'object' || typeof plugin.register !== 'function') {
      throw new PluginError('A plugin must be an object with a register() function');
    }
    if (!KEBAB.test(plugin.name ?? '')) throw new PluginError(`Plugin name "${plugin.name}" must be kebab-case`);
    if (plugin.apiVersion !== PLUGIN_API_VERSION) {
      throw new PluginError(
        `Plugin "${plugin.name}": apiVersion ${String(plugin.apiVersion)} is not supported (this host speaks ${PLUGIN_API_VERSION})`,
      );
    }
    if (byName.has(plugin.name)) throw new PluginError(`Plugin "${plugin.name}" is registered twice`);
    byName.set(plugin.name, plugin);
  }
  const ordered: AnyPlugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: AnyPlugin, chain: string[]) => {
    if (state.get(plugin.name) === 'done') return;
    if (state.get(plugin.name) === 'visiting') {
      throw new PluginError(`Plugin dependency cycle: ${[...chain, plugin.name].join(' -> ')}`);
    }
    state.set(plugin.name, 'visiting');
    for (const dep of plugin.dependsOn ?? []) {
      const target = byName.get(dep);
      if (!target) throw new PluginError(`Plugin "${plugin.name}" depends on "${dep}", which is not loaded`);
      visit(target, [...chain, plugin.name]);
    }
    state.set(plugin.name, 'done');
    ordered.push(plugin);
  };
  for (const plugin of plugins) visit(plugin, []);
  return ordered;
}

/** Imports plugins named in PLUGINS: a path (relative to cwd) or a package name. */
export async function loadExternalPlugins(specs: readonly string[], cwd = process.cwd()): Promise<AnyPlugin[]> {
  const plugins: AnyPlugin[] = [];
  for (const spec of specs) {
    const isPath = spec.startsWith('.') || spec.startsWith('/') || /^[A-Za-z]:[\\/]/.test(spec);
    const target = isPath ? pathToFileURL(path.resolve(cwd, spec)).href : spec;
    let mod: Record<string, unknown>;
    try {
      mod = (await import(target)) as Record<string, unknown>;
    } catch (error) {
      throw new PluginError(`PLUGINS: cannot load "${spec}": ${(error as Error).message}`);
    }
    const plugin = (mod.default ?? mod.plugin) as AnyPlugin | undefined;
    if (!plugin || typeof plugin !== 'object') {
      throw new PluginError(`PLUGINS: "${spec}" has no default export (or named export "plugin") to load`);
    }
    plugins.push(plugin);
  }
  return plugins;
}
