import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { RubricAnswerGrader } from '../adapters/offline/answer-grader.rubric.js';
import { gradeJsonLines } from './commands/grade.js';
import { resolveFrom } from '../adapters/di.js';
import { ROLES, type Role, RegisterAccount } from '../domain/accounts/index.js';
import { DomainError } from '../domain/shared/domain-error.js';
import { bootstrap } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { PluginError } from './plugin-host.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                   apply database migrations and exit
  grade < in.jsonl > out.jsonl               grade {id, question, referenceAnswer, answer} lines with the offline grader
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
