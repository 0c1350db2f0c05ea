import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { resolveFrom } from '../adapters/di.js';
import { SweepOrphanedFiles } from '../domain/resumes/index.js';
import { bootstrap } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { PluginError } from './plugin-host.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await bootstrap(config);
  const server = app.http.listen(config.http.port, config.http.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  // Jobs left unfinished by a previous run (their leases expired) are picked up here too.
  if (config.jobs.worker) {
    app.worker.start();
    // Files an earlier crash left without a resume row; in the background, never blocking start.
    resolveFrom(app.container, SweepOrphanedFiles).execute()
      .then(({ checked, removed }) => {
        if (removed.length > 0) app.logger.info({ checked, removed: removed.length }, 'removed stored files no resume points at');
      })
      .catch((error: unknown) => app.logger.warn({ err: String(error) }, 'could not sweep orphaned files'));
  }
  app.logger.info(
    { port, host: config.http.host, version: app.version, plugins: app.host.pluginNames,
      database: config.database.url ? 'postgres' : 'pglite', ai: config.ai.providers },
    `Candidates Portal API listening on http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${port} (docs at /docs)`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => {
      app.logger.error({}, 'shutdown timed out; exiting');
      process.exit(1);
    }, config.http.shutdownTimeoutMs);
    force.unref();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await app.close();
    app.logger.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PluginError) {
    console.error(error.message);
  } else {
    console.error('Failed to start:', error);
  }
  process.exit(1);
});
