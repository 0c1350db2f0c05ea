import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { RubricAnswerGrader } from '../adapters/offline/answer-grader.rubric.js';
import { gradeJsonLines } from './commands/grade.js';
import { parseResumeFolder, renderProgressBar } from './commands/parse-resumes.js';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { PinoLogger } from '../adapters/system/logger.pino.js';
import { resolveFrom } from '../adapters/di.js';
import { ROLES, type Role, RegisterAccount } from '../domain/accounts/index.js';
import { DomainError } from '../domain/shared/domain-error.js';
import { SweepOrphanedFiles } from '../domain/resumes/index.js';
import { bootstrap, resumeTools } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { PluginError } from './plugin-host.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                   apply database migrations and exit
  grade < in.jsonl > out.jsonl               grade {id, question, referenceAnswer, answer} lines with the offline grader
  parse-resumes <dir> [--out file.jsonl] [--role <role>] [--no-review]
                                            parse (and review) every PDF/DOCX in a folder with RESUME_PARSER/REVIEWER:
                                            one JSON line per file (failures included) to stdout or --out,
                                            a progress bar and a summary on stderr
  sweep-files [--grace-minutes 60]           remove stored resume files no resume points at (left by a crash)
  create-user --role <candidate|recruiter|admin> --email <email> --name <full name> [--password <pw>]
                                            create an account (password read from CLI_PASSWORD or --password)
`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async grade() {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    const { graded, failed } = await gradeJsonLines(lines, new RubricAnswerGrader(), (line) => process.stdout.write(`${line}\n`));
    console.error(`graded ${graded} answer(s), ${failed} line(s) failed`);
    return 0;
  },

  async 'parse-resumes'(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, role: { type: 'string' }, 'no-review': { type: 'boolean', default: false } },
    });
    const [dir] = positionals;
    if (!dir || positionals.length > 1) return fail('give exactly one folder: parse-resumes <dir>');
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) return fail(`not a folder: ${dir}`);
    const out = values.out ? createWriteStream(values.out) : process.stdout;
    const tty = process.stderr.isTTY === true;
    const config = loadConfig();
    const tools = await resumeTools(config, PinoLogger.create({ level: 'warn' }));
    const summary = await parseResumeFolder(dir, {
      extractor: tools.extractor,
      parser: tools.parser,
      ...(values['no-review'] ? {} : { reviewer: tools.reviewer }),
      asOf: new Date(),
      ...(values.role ? { targetRole: values.role } : {}),
    }, {
      line: (text) => void out.write(`${text}\n`),
      progress: (done, total, file) => {
        const bar = `${renderProgressBar(done, total)} ${file}`;
        process.stderr.write(tty ? `\r\x1b[K${bar}` : `${bar}\n`);
      },
    });
    if (tty) process.stderr.write('\n');
    if (out !== process.stdout) await new Promise<void>((resolve) => out.end(() => resolve()));
    console.error(`parsed ${summary.parsed} of ${summary.total} file(s), ${summary.failed} failed`);
    return 0;
  },

  async 'sweep-files'(args) {
    const { values } = parseArgs({ args, options: { 'grace-minutes': { type: 'string', default: '60' } } });
    const minutes = Number(values['grace-minutes']);
    if (!Number.isFinite(minutes) || minutes < 0) return fail('--grace-minutes must be a number ≥ 0');
    const app = await bootstrap(loadConfig());
    try {
      const { checked, removed } = await resolveFrom(app.container, SweepOrphanedFiles).execute(minutes * 60_000);
      for (const key of removed) console.log(key);
      console.error(`checked ${checked} stored file(s), removed ${removed.length}`);
      return 0;
    } finally {
      await app.close();
    }
  },

  async migrate() {
    // bootstrap applies pending migrations before it returns.
    const app = await bootstrap(loadConfig());
    await app.close();
    console.log('Database is up to date.');
    return 0;
  },

  async 'create-user'(args) {
    const { values } = parseArgs({
      args,
      options: {
        role: { type: 'string', default: 'admin' },
        email: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
      },
    });
    const role = values.role as Role;
    if (!ROLES.includes(role)) return fail(`--role must be one of: ${ROLES.join(', ')}`);
    if (!values.email) return fail('--email is required');
    const password = values.password ?? process.env.CLI_PASSWORD;
    if (!password) return fail('a password is required: --password or CLI_PASSWORD');
    const app = await bootstrap(loadConfig());
    try {
      const account = await resolveFrom(app.container, RegisterAccount).create({
        email: values.email, password, fullName: values.name ?? values.email.split('@')[0]!, role,
      });
      console.log(JSON.stringify({ id: account.id, email: account.email, role: account.role }));
      return 0;
    } finally {
      await app.close();
    }
  },
};

function fail(message: string): number {
  console.error(`Error: ${message}\n\n${USAGE}`);
  return 2;
}

async function run(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name === '--help' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) return fail(`unknown command "${name}"`);
  return command(rest);
}

run()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof PluginError || error instanceof DomainError) {
      console.error(`Error: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  });
