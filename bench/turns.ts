/**
 * Interview-turn benchmark: simulated candidates take whole interviews over HTTP.
 *
 *   npm run bench:turns                                 # instant providers, 50 concurrent interviews
 *   npm run bench:turns -- --latency-ms 1500 --interviews 1000
 *
 * With --latency-ms L every turn's AI work takes L (split between grading and the next question),
 * and the ideal throughput is interviews / L turns per second. Without it, providers answer at once
 * and the figure is compared with a bare Koa route doing SELECT 1 on the same database.
 * DATABASE_URL selects PostgreSQL; otherwise an in-memory PGlite is used. BENCH_SERVER_PROF=<dir> writes
 * a V8 CPU profile of the server process there (open it in Chrome DevTools).
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import Koa from 'koa';
import { RubricAnswerGrader } from '../src/adapters/offline/answer-grader.rubric.js';
import { QuestionBankInterviewer } from '../src/adapters/offline/interviewer.question-bank.js';
import { Database } from '../src/adapters/postgres/database.js';
import { migrateToLatest } from '../src/adapters/postgres/migrator.js';
import { Argon2PasswordHasher } from '../src/adapters/security/password-hasher.argon2.js';
import { SilentLogger } from '../src/adapters/system/logger.pino.js';
import { bootstrap } from '../src/app/bootstrap.js';
import { loadConfig } from '../src/app/config.js';
import { definePlugin } from '../src/app/plugin-api.js';
import { AnswerGrader } from '../src/ports/answer-grader.js';
import { Interviewer } from '../src/ports/interviewer.js';
import { PasswordHasher } from '../src/ports/password-hasher.js';
import { coreMigrations } from '../migrations/index.js';
import { bankQuestionFor } from '../test/support/simulated-candidates.js';

const { values } = parseArgs({
  options: {
    'latency-ms': { type: 'string', default: '0' },
    interviews: { type: 'string', default: '50' },
    'baseline-seconds': { type: 'string', default: '5' },
  },
});
const latencyMs = Number(values['latency-ms']);
const interviews = Number(values.interviews);
const agent = new http.Agent({ keepAlive: true, maxSockets: interviews + 10 });

/** A keep-alive HTTP call on loopback; resolves status and parsed JSON body. */
function call(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const half = latencyMs / 2;
const delayed = definePlugin({
  name: 'bench-latency',
  apiVersion: 1,
  register(ctx) {
    const grader = new RubricAnswerGrader();
    const interviewer = new QuestionBankInterviewer();
    ctx.provide(AnswerGrader, 'bench', () => ({
      grade: async (req, opts) => {
        if (half > 0) await sleep(half);
        return grader.grade(req, opts);
      },
    }));
    ctx.provide(Interviewer, 'bench', () => ({
      supportedRoles: () => interviewer.supportedRoles(),
      nextQuestion: async (req, opts) => {
        if (half > 0) await sleep(half);
        return interviewer.nextQuestion(req, opts);
      },
    }));
  },
});

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** The server half: the app and a bare SELECT 1 route, in their own process so the load generator does not share their core. */
async function serve() {
  const database = await Database.open(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, poolMax: 20 } : { embeddedDir: 'memory://' });
  await migrateToLatest(database.knex, coreMigrations);
  const config = loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-1234',
    INTERVIEW_STARTS_PER_HOUR: '100000', AI_PROVIDERS: latencyMs > 0 ? 'bench' : 'offline', DATA_DIR: '.tmp/bench',
  });
  const app = await bootstrap(config, {
    database, logger: new SilentLogger(), plugins: [delayed],
    // Registration cost is not what this measures: a cheap argon2id setting for the set-up phase.
    overrides: [[PasswordHasher, new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1 })]],
  });
  // Backlog for 1,000 simultaneous connects; idle keep-alive sockets outlive the driver's pauses
  // (registration, warm-up) so a reused socket is never closed under a request (ECONNRESET).
  const server = app.http.listen(0, '127.0.0.1', 2048);
  server.keepAliveTimeout = 120_000;
  await new Promise((r) => server.once('listening', r));
  // Baseline: a bare Koa route doing SELECT 1 on the same database, at the same concurrency.
  const bare = new Koa();
  bare.use(async (ctx) => {
    await database.knex.raw('select 1');
    ctx.body = { ok: true };
  });
  const bareServer = bare.listen(0, '127.0.0.1', 2048);
  bareServer.keepAliveTimeout = 120_000;
  await new Promise((r) => bareServer.once('listening', r));
  const info = { app: (server.address() as AddressInfo).port, bare: (bareServer.address() as AddressInfo).port, driver: database.driver };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  process.on('SIGTERM', async () => {
    bareServer.close();
    server.close();
    await app.close();
    await database.close();
    process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage().rss })}\n`);
    process.exit(0);
  });
}

/** The driver half: starts the server process, then simulated candidates take interviews over HTTP. */
async function drive() {
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : []), '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    env: { ...process.env, BENCH_ROLE: 'server' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const iterator = lines[Symbol.asyncIterator]();
  const ports = JSON.parse((await iterator.next()).value as string) as { app: number; bare: number; driver: string };
  try {
    await runLoad(ports);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  child.kill('SIGTERM');
  const rss = JSON.parse((await iterator.next()).value as string) as { rss: number };
  console.log(`server RSS at the end: ${(rss.rss / 1e6).toFixed(0)} MB`);
}

async function runLoad(ports: { app: number; bare: number; driver: string }) {
  const base = `http://127.0.0.1:${ports.app}`;
  const bareUrl = `http://127.0.0.1:${ports.bare}/`;
  const post = async (path: string, body: unknown, token?: string) => {
    return call(base + path, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  };

  let bareCount = 0;
  const bareUntil = Date.now() + Number(values['baseline-seconds']) * 1000;
  const baselineConcurrency = Math.min(interviews, 200);
  await Promise.all(Array.from({ length: baselineConcurrency }, async () => {
    while (Date.now() < bareUntil) {
      await call(bareUrl);
      bareCount++;
    }
  }));
  const bareRate = bareCount / Number(values['baseline-seconds']);

  console.log(`database: ${ports.driver}; interviews: ${interviews}; provider latency per turn: ${latencyMs} ms`);
  const runOnce = async (count: number) => {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const reg = await post('/api/v1/auth/register', { email: `bench${i}.${count}.${Date.now()}.${Math.random()}@example.com`, password: 'bench password 1', full_name: 'Bench User' });
    tokens.push(reg.body.token);
  }
  const latencies: number[] = [];
  const completing: number[] = [];
  let errors = 0;
  const started = Date.now();
  await Promise.all(tokens.map(async (token, i) => {
    const start = await post('/api/v1/interviews/start', { role_type: ['react', 'python', 'javascript', 'fullstack'][i % 4] }, token);
    if (start.status !== 201) {
      errors++;
      return;
    }
    const id = start.body.id;
    const first = (await call(`${base}/api/v1/interviews/${id}/messages`, { headers: { authorization: `Bearer ${token}` } })).body;
    let question: string = first.messages[0].content_text;
    for (let turn = 0; turn < 25; turn++) {
      const q = bankQuestionFor(question);
      const answer = q && i % 2 === 0 ? `${q.referenceAnswer} ${q.keyPoints.join('. ')}` : 'I think it depends, maybe caching helps.';
      const t0 = performance.now();
      const res = await post(`/api/v1/interviews/${id}/messages`, { message_text: answer }, token);
      latencies.push(performance.now() - t0);
      if (res.status !== 200) {
        errors++;
        return;
      }
      if (res.body.interview_complete) {
        completing.push(latencies[latencies.length - 1]!);
        return;
      }
      question = res.body.ai_response;
    }
  }));
  return { latencies, completing, errors, started };
  };
  // Warm-up: the same work, untimed, so the measured run sees JIT-compiled code.
  await runOnce(Math.min(interviews, 100));
  const { latencies, completing, errors, started } = await runOnce(interviews);
  const seconds = (Date.now() - started) / 1000;
  const rate = latencies.length / seconds;
  console.log(`turns: ${latencies.length} in ${seconds.toFixed(1)} s → ${rate.toFixed(1)} turns/s; errors: ${errors}`);
  console.log(`latency: p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms (completing turns: p50 ${percentile(completing, 50).toFixed(0)} ms)`);
  console.log(`bare Koa SELECT 1 on the same database: ${bareRate.toFixed(0)} req/s at concurrency ${baselineConcurrency}`);
  if (latencyMs > 0) {
    const ideal = interviews / (latencyMs / 1000);
    console.log(`ideal with ${interviews} interviews at ${latencyMs} ms per turn: ${ideal.toFixed(1)} turns/s → achieved ${((100 * rate) / ideal).toFixed(1)} % (target ≥ 95 %); p99 target ≤ ${latencyMs + 100} ms`);
  } else {
    console.log(`turns/s as a share of the bare SELECT 1 route: ${((100 * rate) / bareRate).toFixed(1)} % (target ≥ 20 %)`);
  }
}

(process.env.BENCH_ROLE === 'server' ? serve() : drive()).catch((error) => {
  console.error(error);
  process.exit(1);
});
