/**
 * THE contract plugin authors import. A plugin packages adapters and registers them under a
 * provider id for a port; configuration then selects which provider serves each port.
 */
import type { Migration } from '../adapters/postgres/migrator.js';
import type { Token } from '../ports/token.js';
import type { AppConfig } from './config.js';
import type { RouteMount } from '../adapters/http/route-registry.js';

export type { Migration, Token, RouteMount };

export const PLUGIN_API_VERSION = 1 as const;

/** What a plugin's factories and lifecycle hooks may see: never the container itself. */
export interface Resolver {
  resolve<T>(port: Token<T>): T;
  /** The provider ids configuration selected for a port, in order (empty when none). */
  selectedIds(port: Token<unknown>): readonly string[];
  readonly config: Readonly<AppConfig>;
}

export type ProviderFactory<T> = (resolver: Resolver) => T;

export interface PluginContext<O> {
  readonly options: O;
  readonly config: Readonly<AppConfig>;
  /** Offers an implementation of `port` under `id`. Built lazily, only if selected. */
  provide<T>(port: Token<T>, id: string, make: ProviderFactory<T>): void;
  /** Adds HTTP routes (mounted under the app's router). */
  routes(mount: RouteMount): void;
  /** Maps this plugin's DomainError codes to HTTP statuses. */
  errorStatuses(table: Record<string, number>): void;
  /** Adds schema migrations, run with the core ones at start. */
  migrations(list: readonly Migration[]): void;
}

export interface PortalPlugin<O = undefined> {
  /** kebab-case, unique. */
  name: string;
  apiVersion: typeof PLUGIN_API_VERSION;
  dependsOn?: readonly string[];
  /** Validates raw options (from PLUGIN_OPTIONS[name]); throws a clear message when they are bad. */
  parseOptions?(raw: unknown): O;
  /** Synchronous and declarative. */
  register(ctx: PluginContext<O>): void;
  /** Opens pools and clients. Plugins start in dependency order. */
  start?(resolver: Resolver): Promise<void>;
  /** Closes what start opened. Plugins stop in reverse order. */
  stop?(): Promise<void>;
}

export const definePlugin = <O = undefined>(plugin: PortalPlugin<O>): PortalPlugin<O> => plugin;
