/**
 * The app's modules as the bench's server runs them: the build `npm start` runs (`npm run build`
 * compiles them with tsc into dist/), loaded at run time, not the TypeScript sources through tsx.
 * tsx compiles with esbuild's keep-names, which wraps every function a module creates at run time
 * in a helper that sets its name: on the turn's path that cost the server's main thread about a
 * tenth more CPU per turn (0.90–0.91 against 0.83 ms with 1,000 interviews at 1.5 s). The types are
 * the sources' (the build is compiled from them), so the bench still type-checks against them.
 *
 * All of them come from one build: a port's token from the sources would be another object than
 * the build's, and the container would not find what a plugin bound to it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Threaded = typeof import('../src/adapters/offline/answer-grader.threaded.js');
type Bank = typeof import('../src/adapters/offline/interviewer.question-bank.js');
type DatabaseModule = typeof import('../src/adapters/postgres/database.js');
type Migrator = typeof import('../src/adapters/postgres/migrator.js');
type Argon2 = typeof import('../src/adapters/security/password-hasher.argon2.js');
type LoggerModule = typeof import('../src/adapters/system/logger.pino.js');
type Bootstrap = typeof import('../src/app/bootstrap.js');
type Config = typeof import('../src/app/config.js');
type PluginApi = typeof import('../src/app/plugin-api.js');
type GraderPort = typeof import('../src/ports/answer-grader.js');
type InterviewerPort = typeof import('../src/ports/interviewer.js');
type HasherPort = typeof import('../src/ports/password-hasher.js');
type Migrations = typeof import('../migrations/index.js');
type Offline = typeof import('../plugins/offline/index.js');

const root = new URL('../', import.meta.url);

/** Builds the app as `npm start` does (`npm run build`), failing with tsc's output if it does not compile. */
export function buildApp(): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', '--silent', 'build'], { cwd: fileURLToPath(root), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stdout}${run.stderr}`);
}

/** The built app's modules the bench's server uses (call buildApp first). */
export async function loadBuiltApp() {
  const load = <T>(path: string) => import(new URL(`dist/${path}`, root).href) as Promise<T>;
  const [threaded, bank, database, migrator, argon2, logger, bootstrap, config, pluginApi, grader, interviewer, hasher, migrations, offline] =
    await Promise.all([
      load<Threaded>('src/adapters/offline/answer-grader.threaded.js'),
      load<Bank>('src/adapters/offline/interviewer.question-bank.js'),
      load<DatabaseModule>('src/adapters/postgres/database.js'),
      load<Migrator>('src/adapters/postgres/migrator.js'),
      load<Argon2>('src/adapters/security/password-hasher.argon2.js'),
      load<LoggerModule>('src/adapters/system/logger.pino.js'),
      load<Bootstrap>('src/app/bootstrap.js'),
      load<Config>('src/app/config.js'),
      load<PluginApi>('src/app/plugin-api.js'),
      load<GraderPort>('src/ports/answer-grader.js'),
      load<InterviewerPort>('src/ports/interviewer.js'),
      load<HasherPort>('src/ports/password-hasher.js'),
      load<Migrations>('migrations/index.js'),
      load<Offline>('plugins/offline/index.js'),
    ]);
  return {
    ThreadedRubricGrader: threaded.ThreadedRubricGrader,
    QuestionBankInterviewer: bank.QuestionBankInterviewer,
    Database: database.Database,
    migrateToLatest: migrator.migrateToLatest,
    Argon2PasswordHasher: argon2.Argon2PasswordHasher,
    SilentLogger: logger.SilentLogger,
    bootstrap: bootstrap.bootstrap,
    loadConfig: config.loadConfig,
    definePlugin: pluginApi.definePlugin,
    AnswerGrader: grader.AnswerGrader,
    Interviewer: interviewer.Interviewer,
    PasswordHasher: hasher.PasswordHasher,
    coreMigrations: migrations.coreMigrations,
    offlineGrader: offline.offlineGrader,
  };
}

export type BuiltApp = Awaited<ReturnType<typeof loadBuiltApp>>;
