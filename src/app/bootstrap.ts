import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Koa from 'koa';
import { container as globalContainer, type DependencyContainer } from 'tsyringe';
import { resolveFrom } from '../adapters/di.js';
import { costRoutes } from '../adapters/http/admin/costs.routes.js';
import { AiProviderCatalog, AiProviderSwitchToken, aiProviderErrorStatuses, aiProviderRoutes } from '../adapters/http/admin/ai-providers.routes.js';
import { AiProviderSwitch, SwitchableAnswerGrader, SwitchableInterviewer } from '../adapters/composite/switchable-ai.js';
import { authRoutes } from '../adapters/http/auth/auth.routes.js';
import { coreErrorStatuses, ErrorStatusTable } from '../adapters/http/error-statuses.js';
import { RouteRegistry } from '../adapters/http/route-registry.js';
import { createHttpApp } from '../adapters/http/server.js';
import { healthRoutes } from '../adapters/http/system/health.routes.js';
import type { Database } from '../adapters/postgres/database.js';
import { DatabaseMigrator } from '../adapters/postgres/migrator.js';
import { PinoLogger } from '../adapters/system/logger.pino.js';
import { Authenticate, requireRole } from '../domain/accounts/index.js';
import { AccessTokens } from '../ports/access-tokens.js';
import { Clock } from '../ports/clock.js';
import { DatabaseHealth } from '../ports/database-health.js';
import { IdGenerator } from '../ports/id-generator.js';
import { Logger } from '../ports/logger.js';
import { PasswordHasher } from '../ports/password-hasher.js';
import type { Token } from '../ports/token.js';
import { UnitOfWork } from '../ports/unit-of-work.js';
import { createPostgresPlugin } from '../../plugins/postgres/index.js';
import { createSystemPlugin } from '../../plugins/system/index.js';
import type { AppConfig } from './config.js';
import { resolveJwtSecret } from './jwt-secret.js';
import type { PortalPlugin } from './plugin-api.js';
import { loadExternalPlugins, PluginHost } from './plugin-host.js';
import { wireAccounts } from './wiring/accounts.wiring.js';
import { scheduleAbandonment, wireInterviews } from './wiring/interviews.wiring.js';
import { createOfflinePlugin } from '../../plugins/offline/index.js';
import openAiPlugin from '../../plugins/openai/index.js';
import azurePlugin from '../../plugins/azure/index.js';
import storagePlugin from '../../plugins/storage/index.js';
import { profileErrorStatuses, profileRoutes } from '../adapters/http/profile/profile.routes.js';
import { resumeErrorStatuses, resumeRoutes } from '../adapters/http/resumes/resumes.routes.js';
import { ObjectStorage } from '../ports/object-storage.js';
import { ResumeParser } from '../ports/resume-parser.js';
import { ResumeReviewer } from '../ports/resume-reviewer.js';
import { ResumeTextExtractor } from '../ports/resume-text-extractor.js';
import { SignedLinks } from '../ports/signed-links.js';
import type { JobWorker } from './job-worker.js';
import { JobWorkerToken, wireResumes } from './wiring/resumes.wiring.js';
import { abortableSleep } from '../adapters/composite/fallback.js';
import { interviewErrorStatuses, interviewRoutes } from '../adapters/http/interviews/interviews.routes.js';
import { AnswerGrader } from '../ports/answer-grader.js';
import { Interviewer } from '../ports/interviewer.js';

export interface BootstrapOptions {
  logger?: Logger;
  /** An already-open database to use instead of opening one (tests share one per run). */
  database?: Database;
  /** More plugins, as if named in PLUGINS. */
  plugins?: PortalPlugin<any>[];
  /** Fixed instances that replace whatever the plugins provide (tests: a fixed clock). */
  overrides?: Array<[Token<any>, unknown]>;
}

export interface App {
  config: AppConfig;
  container: DependencyContainer;
  http: Koa;
  host: PluginHost;
  logger: Logger;
  version: string;
  /** Runs background jobs (resume parsing and review): main starts it; tests drain it. */
  worker: JobWorker;
  close(): Promise<void>;
}

export const APP_VERSION = readVersion();

function readVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'candidates-portal-backend') return pkg.version ?? '0.0.0';
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

/** Every plugin this configuration loads: the built-in ones, then those named in PLUGINS. */
async function loadPlugins(config: AppConfig, logger: Logger, database?: Database, extra: PortalPlugin<any>[] = []) {
  const builtins: PortalPlugin<any>[] = [
    createSystemPlugin(() => resolveJwtSecret(config, logger)),
    createPostgresPlugin(database),
    createOfflinePlugin(),
    openAiPlugin,
    azurePlugin,
    storagePlugin,
  ];
  return [...builtins, ...(await loadExternalPlugins(config.plugins)), ...extra];
}

function selectResumeProviders(host: PluginHost, config: AppConfig): void {
  host.select(ResumeTextExtractor, ['documents'], 'built-in');
  host.select(ResumeParser, [config.resumes.parser], 'RESUME_PARSER');
  host.select(ResumeReviewer, [config.resumes.reviewer], 'RESUME_REVIEWER');
}

/**
 * The resume tools (text extractor, parser, reviewer) as configuration selects them, through the
 * plugin contract but without a database or a server: for the batch intake command.
 */
export async function resumeTools(config: AppConfig, logger: Logger = PinoLogger.create({ level: config.logLevel })) {
  const host = new PluginHost(await loadPlugins(config, logger), config);
  selectResumeProviders(host, config);
  const container = globalContainer.createChildContainer();
  container.register(Logger, { useValue: logger });
  host.bind(container);
  return {
    extractor: resolveFrom(container, ResumeTextExtractor),
    parser: resolveFrom(container, ResumeParser),
    reviewer: resolveFrom(container, ResumeReviewer),
  };
}

/** The composition root: plugins → selections → container → migrations → HTTP app. */
export async function bootstrap(config: AppConfig, options: BootstrapOptions = {}): Promise<App> {
  const logger = options.logger ?? PinoLogger.create({ level: config.logLevel });
  const host = new PluginHost(await loadPlugins(config, logger, options.database, options.plugins), config);

  const driver = options.database?.driver ?? (config.database.url ? 'postgres' : 'pglite');
  host.select(UnitOfWork, [driver], 'DATABASE_URL');
  host.select(DatabaseHealth, [driver], 'DATABASE_URL');
  host.select(DatabaseMigrator, [driver], 'DATABASE_URL');
  host.select(Clock, ['system'], 'built-in');
  host.select(IdGenerator, ['uuid'], 'built-in');
  host.select(PasswordHasher, ['argon2'], 'built-in');
  host.select(AccessTokens, ['jwt'], 'built-in');
  host.select(SignedLinks, ['hmac'], 'built-in');
  host.select(ObjectStorage, [config.resumes.storage], 'STORAGE_PROVIDER');
  selectResumeProviders(host, config);
  const fallbackDeps = { policy: config.ai.retry, logger, sleep: abortableSleep, random: Math.random };
  // The AI ports are bound below to a chain an admin can switch at run time; selecting them here
  // validates AI_PROVIDERS and tells plugins which vendors are in use.
  host.select(Interviewer, config.ai.providers, 'AI_PROVIDERS', undefined, { bind: false });
  host.select(AnswerGrader, config.ai.providers, 'AI_PROVIDERS', undefined, { bind: false });

  const root = globalContainer.createChildContainer();
  root.register(Logger, { useValue: logger });
  host.bind(root);
  const aiSwitch = new AiProviderSwitch(config.ai.providers, {
    grader: (id) => host.makeProvider(AnswerGrader, id, host.resolverFor(root)),
    interviewer: (id) => host.makeProvider(Interviewer, id, host.resolverFor(root)),
  }, fallbackDeps);
  root.register(AiProviderSwitchToken, { useValue: aiSwitch });
  root.register(AiProviderCatalog, {
    useValue: { interviewer: host.providerIds(Interviewer), grader: host.providerIds(AnswerGrader) },
  });
  root.register(Interviewer, { useValue: new SwitchableInterviewer(aiSwitch) });
  root.register(AnswerGrader, { useValue: new SwitchableAnswerGrader(aiSwitch) });
  for (const [token, value] of options.overrides ?? []) root.register(token, { useValue: value });
  wireAccounts(root, config);
  wireInterviews(root, config);
  wireResumes(root, config);

  const resolver = host.resolverFor(root);
  try {
    await host.start(resolver);
    resolveFrom(root, AccessTokens); // fail fast on a bad secret, and make it (with its warning) now
    const applied = await resolveFrom(root, DatabaseMigrator).latest(host.migrations);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
    const saved = await resolveFrom(root, UnitOfWork).repositories.aiSettings.load();
    if (saved) {
      const registered = (port: typeof Interviewer | typeof AnswerGrader) => host.providerIds(port);
      const usable = saved.chain.every((id) => registered(Interviewer).includes(id) && registered(AnswerGrader).includes(id));
      if (!usable) {
        logger.warn({ chain: saved.chain }, 'the AI provider chain saved by an admin names providers not loaded now; using AI_PROVIDERS');
      } else {
        try {
          aiSwitch.switchTo(saved.chain);
          logger.info({ chain: saved.chain, by: saved.updatedBy }, 'AI provider chain set by an admin is in force');
        } catch (error) {
          // A vendor's settings removed since the admin chose it: the configured chain serves instead of no interviews at all.
          logger.warn({ chain: saved.chain, error: (error as Error).message }, 'the AI provider chain saved by an admin cannot be built now; using AI_PROVIDERS');
        }
      }
    }
  } catch (error) {
    await host.stop();
    throw error;
  }

  const errorStatuses = new ErrorStatusTable().add(coreErrorStatuses, 'core').add(interviewErrorStatuses, 'interviews')
    .add(aiProviderErrorStatuses, 'admin').add(profileErrorStatuses, 'profile').add(resumeErrorStatuses, 'resumes');
  for (const { plugin, table } of host.errorStatusTables) errorStatuses.add(table, `plugin ${plugin}`);

  const registry = new RouteRegistry();
  healthRoutes(APP_VERSION)(registry);
  authRoutes(registry);
  interviewRoutes(registry);
  profileRoutes(registry);
  resumeRoutes((origin) => config.resumes.publicBaseUrl ?? origin)(registry);
  costRoutes(registry);
  aiProviderRoutes(registry);
  for (const mount of host.routes) mount(registry);

  const http = createHttpApp({
    registry,
    errorStatuses,
    logger,
    container: root,
    allowedOrigins: config.http.allowedOrigins,
    bodyLimitBytes: config.http.bodyLimitBytes,
    trustedProxies: config.http.trustedProxies,
    version: APP_VERSION,
    authenticate: (bearer, scope) => resolveFrom(scope, Authenticate).execute(bearer),
    authorise: requireRole,
  });

  const worker = resolveFrom(root, JobWorkerToken);
  scheduleAbandonment(worker, root, config, logger.child({ component: 'interviews' }));
  let closed = false;
  return {
    config, container: root, http, host, logger, version: APP_VERSION, worker,
    async close() {
      if (closed) return;
      closed = true;
      await worker.stop();
      await host.stop((plugin, error) => logger.error({ plugin, err: String(error) }, 'plugin failed to stop'));
    },
  };
}
