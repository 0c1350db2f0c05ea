/**
 * Interview-turn benchmark: simulated candidates take interviews over HTTP, back to back.
 *
 *   npm run bench:turns                                        # instant providers, 50 concurrent interviews
 *   npm run bench:turns -- --latency-ms 1500 --interviews 1000 # every turn's AI work takes 1.5 s
 *
 * A closed loop: each of the --interviews simulated candidates starts an interview, reads its first
 * question, answers until the interview completes, and starts the next one, so that many interviews
 * are always in flight. First starts are spread over the length of one interview at the ideal pace
 * (13 provider latencies), as candidates arrive at random times in life: started together, the
 * interviews would end together and start again as a herd. The first --warmup-seconds (the ramp-up
 * and JIT) are not measured; figures cover the next --seconds. A turn is POST /interviews/{id}/messages.
 *
 * Instant mode compares turns/s with a bare Koa route doing SELECT 1 on the same database at the
 * same concurrency, measured before the turns and again after them (on a shared 2-core machine one
 * window of it can differ from the next by a fifth: both are printed). With --latency-ms L a turn's AI work takes L (grading and the next
 * question, L/2 each), the last turn's and a start's L/2 (grading only; the first question only); the
 * ideal is every interview always waiting on the provider: interviews / L turns per second, a start
 * and a completing turn counting as half a turn each. It then also prints where a turn's time in the
 * server goes outside the waits: how late the waits ended, and with --breakdown (see TurnMarks) from the
 * request in to the grading's wait, grading, and from the next question to the answer sent, which is
 * mostly the save.
 * The server runs the app as `npm start` does: built by `npm run build` first and loaded from dist/
 * (see built-app.ts), with the start script's node flags.
 * DATABASE_URL selects PostgreSQL; otherwise the embedded PGlite runs as `npm start` runs it, on disk
 * (in a temporary directory removed at the end). BENCH_SERVER_PROF=<dir>
 * writes a V8 CPU profile of the server process there (open it in Chrome DevTools);
 * BENCH_ALLOC_PROF=<file> an allocation profile of the measured window, BENCH_WINDOW_PROF=<file> a CPU
 * profile of the server's main thread in that window only (the baselines and warm-up left out).
 */
import 'reflect-metadata';
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Koa from 'koa';
import { bankQuestionFor } from '../test/support/simulated-candidates.js';
import { type BuiltApp, buildApp, loadBuiltApp } from './built-app.js';
import { type CallInit, LoopbackClient } from './loopback-client.js';

const { values } = parseArgs({
  options: {
    'latency-ms': { type: 'string', default: '0' },
    interviews: { type: 'string', default: '50' },
    seconds: { type: 'string' },
    'warmup-seconds': { type: 'string' },
    'baseline-seconds': { type: 'string', default: '5' },
    breakdown: { type: 'boolean', default: false },
  },
});
const latencyMs = Number(values['latency-ms']);
const interviews = Number(values.interviews);
const measuredSeconds = Number(values.seconds ?? (latencyMs > 0 ? 30 : 10));
/** Over how long the first starts are spread: one interview (a start and about twelve turns) at the ideal pace. */
const rampUpMs = 13 * latencyMs;
const warmupSeconds = Number(values['warmup-seconds'] ?? (latencyMs > 0 ? rampUpMs / 1000 + 5 : 5));
/** The load generator's HTTP client (see LoopbackClient): its own cost is part of every latency measured. */
const client = new LoopbackClient();
const call = (url: string, init?: CallInit) => client.call(url, init);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const half = latencyMs / 2;
/**
 * When a turn reached each step in the server (performance.now()), found through the request's
 * async context: in, the grading's provider wait began, grading began after it, grading ended, the
 * next question came back. Only with --breakdown: on Node 20 an AsyncLocalStorage in use turns on
 * promise hooks for the whole process, which the server does not run with: they cost it a little CPU
 * on every promise and memory on every promise in flight (about 5 % more young-generation
 * collections with 1,000 interviews at 1.5 s; the p99's change was within the machine's noise).
 */
interface TurnMarks { in: number; waiting?: number; grading?: number; graded?: number; asked?: number }
const turnMarks = values.breakdown ? new AsyncLocalStorage<TurnMarks>() : undefined;
/** Since the driver last asked: how late each provider wait ended (ms past its L/2), and each turn's own time by part. */
let waitsLate: number[] = [];
let turnParts = { before: [] as number[], grading: [] as number[], after: [] as number[] };
const providerWait = async () => {
  const start = performance.now();
  await sleep(half);
  waitsLate.push(performance.now() - start - half);
};
/** The offline providers behind a fixed wait; the grader as the offline plugin runs it (OFFLINE_GRADER_THREADS). */
const delayed = ({ definePlugin, offlineGrader, QuestionBankInterviewer, AnswerGrader, Interviewer, ThreadedRubricGrader }: BuiltApp) => {
  let benchGrader: ReturnType<typeof offlineGrader> | undefined;
  return definePlugin({
    name: 'bench-latency',
    apiVersion: 1,
    register(ctx) {
      const grader = (benchGrader = offlineGrader(ctx.config.ai.offlineGraderThreads));
      const interviewer = new QuestionBankInterviewer();
      ctx.provide(AnswerGrader, 'bench', () => ({
        grade: async (req, opts) => {
          const marks = turnMarks?.getStore();
          if (marks) marks.waiting = performance.now();
          if (half > 0) await providerWait();
          if (marks) marks.grading = performance.now();
          const grade = await grader.grade(req, opts);
          if (marks) marks.graded = performance.now();
          return grade;
        },
      }));
      ctx.provide(Interviewer, 'bench', () => ({
        supportedRoles: () => interviewer.supportedRoles(),
        nextQuestion: async (req, opts) => {
          if (half > 0) await providerWait();
          const question = await interviewer.nextQuestion(req, opts);
          const marks = turnMarks?.getStore();
          if (marks) marks.asked = performance.now();
          return question;
        },
      }));
    },
    async stop() {
      if (benchGrader instanceof ThreadedRubricGrader) await benchGrader.close();
    },
  });
};

/**
 * BENCH_ALLOC_PROF=<file>: samples every allocation of the main thread during the measured window
 * (garbage included, unlike --heap-prof) and writes a .heapprofile there (Chrome DevTools opens it);
 * `cpu` (BENCH_WINDOW_PROF=<file>): a .cpuprofile of the main thread in that window instead.
 * Called at each end of the window: the first call starts profiling, the second writes the profile.
 */
function windowProfiler(file: string, cpu: boolean) {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<any>((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  let calls = 0;
  return async () => {
    if (calls++ === 0) {
      if (cpu) {
        await post('Profiler.enable');
        await post('Profiler.start');
      } else {
        await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      }
    } else if (calls === 2) {
      const { profile } = await post(cpu ? 'Profiler.stop' : 'HeapProfiler.stopSampling');
      writeFileSync(file, JSON.stringify(profile));
    }
  };
}

/** Event-loop delay and GC pauses of this process (the server's or the driver's), since the last call of sinceLast. */
interface Pauses {
  loopP99: number;
  loopMax: number;
  gc: { pauses: number; ms: number; longest: number; majorMs: number };
}

function pauseMonitor(): { sinceLast(): Pauses } {
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const gc = { pauses: 0, ms: 0, longest: 0, majorMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.pauses++;
      gc.ms += entry.duration;
      gc.longest = Math.max(gc.longest, entry.duration);
      if (((entry as { detail?: { kind?: number } }).detail)?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.majorMs += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  return {
    sinceLast() {
      const pauses = { loopP99: loopDelay.percentile(99) / 1e6, loopMax: loopDelay.max / 1e6, gc: { ...gc } };
      loopDelay.reset();
      Object.assign(gc, { pauses: 0, ms: 0, longest: 0, majorMs: 0 });
      return pauses;
    },
  };
}

const describePauses = ({ loopP99, loopMax, gc }: Pauses) =>
  `event-loop delay p99 ${loopP99.toFixed(0)} ms, max ${loopMax.toFixed(0)} ms; ` +
  `GC ${gc.pauses} pauses, ${gc.ms.toFixed(0)} ms in all (${gc.majorMs.toFixed(0)} ms major), longest ${gc.longest.toFixed(0)} ms`;

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** A distribution's p50 and p99. */
interface Spread { p50: number; p99: number }
const spread = (xs: number[]): Spread => ({ p50: percentile(xs, 50), p99: percentile(xs, 99) });
const describeSpread = ({ p50, p99 }: Spread) => `${p50.toFixed(1)} / ${p99.toFixed(1)} ms`;

/** The server half: the app and a bare SELECT 1 route, in their own process so the load generator does not share their core. */
async function serve() {
  const built = await loadBuiltApp();
  const { Database, migrateToLatest, coreMigrations, loadConfig, bootstrap, SilentLogger, PasswordHasher, Argon2PasswordHasher } = built;
  // The embedded database as `npm start` runs it: on disk (a fresh temporary directory, removed at the end).
  const embeddedDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'cp-bench-pgdata-'));
  const database = await Database.open(embeddedDir ? { embeddedDir } : { url: process.env.DATABASE_URL, poolMax: 20 });
  await migrateToLatest(database.knex, coreMigrations);
  const config = loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-1234',
    INTERVIEW_STARTS_PER_HOUR: '100000', AI_PROVIDERS: latencyMs > 0 ? 'bench' : 'offline', DATA_DIR: '.tmp/bench',
    OFFLINE_GRADER_THREADS: process.env.OFFLINE_GRADER_THREADS,
  });
  const app = await bootstrap(config, {
    database, logger: new SilentLogger(), plugins: [delayed(built)],
    // Registration cost is not what this measures: a cheap argon2id setting for the set-up phase.
    overrides: [[PasswordHasher, new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1 })]],
  });
  // Turn latency as the server sees it (request in to response finished), apart from the driver's own delays.
  let serverTurns: number[] = [];
  // With --breakdown, each turn's handling runs in the async context of its own marks (see TurnMarks); other requests in none.
  const handle = app.http.callback();
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/messages')) {
      void handle(req, res);
      return;
    }
    const marks: TurnMarks = { in: performance.now() };
    res.once('finish', () => {
      const out = performance.now();
      serverTurns.push(out - marks.in);
      if (marks.waiting === undefined || marks.grading === undefined || marks.graded === undefined || marks.asked === undefined) return; // not a full turn
      turnParts.before.push(marks.waiting - marks.in);
      turnParts.grading.push(marks.graded - marks.grading);
      turnParts.after.push(out - marks.asked);
    });
    if (turnMarks) turnMarks.run(marks, () => void handle(req, res));
    else void handle(req, res);
  });
  // Backlog for 1,000 simultaneous connects; idle keep-alive sockets outlive the driver's pauses
  // (registration, warm-up) so a reused socket is never closed under a request (ECONNRESET).
  server.listen(0, '127.0.0.1', 2048);
  server.keepAliveTimeout = 120_000;
  await new Promise((r) => server.once('listening', r));
  // Baseline: a bare Koa route doing SELECT 1 on the same database, at the same concurrency.
  const bare = new Koa();
  const windowProfile = process.env.BENCH_ALLOC_PROF ? windowProfiler(process.env.BENCH_ALLOC_PROF, false)
    : process.env.BENCH_WINDOW_PROF ? windowProfiler(process.env.BENCH_WINDOW_PROF, true) : undefined;
  // Event-loop delay and garbage-collection pauses of the server, for the driver's window figures.
  const pauses = pauseMonitor();
  bare.use(async (ctx) => {
    if (ctx.path === '/cpu') {
      // Only the turns' window is profiled: the baselines sample the CPU too, without `window`.
      if (ctx.query.window !== undefined) await windowProfile?.();
      // The server process's CPU time so far, for the driver's per-turn figures (not part of the baseline),
      // and its event-loop delay and GC pauses since the last call.
      const { user, system } = process.cpuUsage();
      ctx.body = {
        user, system, threads: threadCpuSeconds(), ...pauses.sinceLast(), turnP50: percentile(serverTurns, 50), turnP99: percentile(serverTurns, 99),
        waitsLate: spread(waitsLate), before: spread(turnParts.before), grading: spread(turnParts.grading), after: spread(turnParts.after),
      };
      serverTurns = [];
      waitsLate = [];
      turnParts = { before: [], grading: [], after: [] };
      return;
    }
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
    if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
    process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage().rss })}\n`);
    process.exit(0);
  });
}

/** The node flags `npm start` runs the server with (package.json's start script), so the server here runs as it does. */
function startNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const flags = /\bnode((?:\s+--\S+)*)\s+dist\//.exec(pkg.scripts.start);
  if (!flags) throw new Error(`package.json's start script no longer reads "node [flags] dist/…": ${pkg.scripts.start}`);
  return flags[1]!.trim().split(/\s+/).filter(Boolean);
}

/** The driver half: starts the server process, then simulated candidates take interviews over HTTP. */
async function drive() {
  // The server runs the app as `npm start` does: built first (see built-app.ts).
  buildApp();
  const child = spawn(process.execPath, [
    ...startNodeFlags(),
    ...(process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : []),
    '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2),
  ], {
    env: { ...process.env, BENCH_ROLE: 'server' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const iterator = lines[Symbol.asyncIterator]();
  const ports = JSON.parse((await iterator.next()).value as string) as ServerPorts;
  try {
    // The server's main thread has the process's id (see threadCpuSeconds).
    await runLoad(ports, child.pid!);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    client.close();
  }
  child.kill('SIGTERM');
  const rss = JSON.parse((await iterator.next()).value as string) as { rss: number };
  console.log(`server RSS at the end: ${(rss.rss / 1e6).toFixed(0)} MB`);
}

/**
 * CPU seconds used so far by each of this process's threads, by thread id (Linux /proc; empty
 * elsewhere). The main thread's id is the process id.
 */
function threadCpuSeconds(): Record<string, number> {
  const threads: Record<string, number> = {};
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const seconds = statCpuSeconds(`/proc/self/task/${tid}/stat`);
      if (seconds !== undefined) threads[tid] = seconds;
    }
  } catch {
    /* not Linux */
  }
  return threads;
}

/** User plus system CPU seconds of a /proc stat file (a process's or a thread's); undefined once it is gone. */
function statCpuSeconds(path: string): number | undefined {
  try {
    const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ ticks on Linux
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by every PostgreSQL process on this machine (Linux /proc; undefined elsewhere). */
function postgresCpuSeconds(): number | undefined {
  try {
    let total = 0;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let cmdline: string;
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue; // the process ended meanwhile
      }
      if (cmdline.startsWith('postgres')) total += statCpuSeconds(`/proc/${pid}/stat`) ?? 0;
    }
    return total;
  } catch {
    return undefined;
  }
}

/** What the server reports at each end of the window: CPU so far, event loop and GC since the last report. */
interface ServerSample extends Pauses {
  user: number;
  system: number;
  /** CPU seconds so far per thread id (see threadCpuSeconds). */
  threads: Record<string, number>;
  turnP50: number;
  turnP99: number;
  /** Latency mode: how late provider waits ended, and a full turn's parts outside them (see TurnMarks). */
  waitsLate: Spread;
  before: Spread;
  grading: Spread;
  after: Spread;
}

/** What the server process announces on its first line: its two ports and its database driver. */
interface ServerPorts {
  app: number;
  bare: number;
  driver: string;
}

async function runLoad(ports: ServerPorts, serverPid: number) {
  const base = `http://127.0.0.1:${ports.app}`;
  const driverPauses = pauseMonitor();
  const bareUrl = `http://127.0.0.1:${ports.bare}/`;
  const post = async (path: string, body: unknown, token?: string) => {
    return call(base + path, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  };

  // CPU used during the window by the server process, PostgreSQL (when it is the database) and this driver.
  const cpuNow = async (turnsWindow = false) => {
    const server = (await call(`http://127.0.0.1:${ports.bare}/cpu${turnsWindow ? '?window' : ''}`)).body as ServerSample;
    const driver = process.cpuUsage();
    return {
      server: (server.user + server.system) / 1e6, postgres: postgresCpuSeconds(), driver: (driver.user + driver.system) / 1e6, sample: server,
      driverPauses: driverPauses.sinceLast(),
    };
  };
  const atWindow = (at: number, turnsWindow = false) => new Promise<Awaited<ReturnType<typeof cpuNow>>>((resolve, reject) => {
    setTimeout(() => cpuNow(turnsWindow).then(resolve, reject), at - performance.now());
  });

  // The baseline gets a warm-up too (one untimed second), so neither side is measured cold. Its requests
  // and the CPU they cost are counted over the same window, for the cost of a turn in bare requests.
  const baselineConcurrency = Math.min(interviews, 200);
  const baseline = async () => {
    const seconds = Number(values['baseline-seconds']);
    let count = 0;
    const from = performance.now() + 1000;
    const until = from + seconds * 1000;
    const cpu = Promise.all([atWindow(from), atWindow(until)]);
    await Promise.all(Array.from({ length: baselineConcurrency }, async () => {
      while (performance.now() < until) {
        await call(bareUrl);
        if (performance.now() >= from) count++;
      }
    }));
    return { rate: count / seconds, requests: count, cpu: await cpu };
  };
  const bareBefore = await baseline();
  const bareRate = bareBefore.rate;

  console.log(`database: ${ports.driver}; interviews in flight: ${interviews}; provider latency per turn: ${latencyMs} ms`);
  // Accounts first, a few at a time (registration is not what this measures).
  const tokens: string[] = [];
  for (let i = 0; i < interviews; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, interviews - i) }, (_, j) =>
      post('/api/v1/auth/register', { email: `bench${i + j}.${Date.now()}.${Math.random()}@example.com`, password: 'bench password 1', full_name: 'Bench User' })));
    for (const reg of batch) tokens.push(reg.body.token);
  }

  const began = performance.now();
  const windowStart = began + warmupSeconds * 1000;
  const windowEnd = windowStart + measuredSeconds * 1000;
  const turns: number[] = [];
  const completing: number[] = [];
  const starts: number[] = [];
  let interviewsCompleted = 0;
  let errors = 0;
  const counted = (t0: number, list: number[]) => {
    const t1 = performance.now();
    if (t1 >= windowStart && t1 < windowEnd) list.push(t1 - t0);
    return t1 < windowEnd;
  };
  const candidate = async (token: string, i: number) => {
    await sleep((i / interviews) * rampUpMs);
    const auth = { authorization: `Bearer ${token}` };
    while (performance.now() < windowEnd) {
      let t0 = performance.now();
      const start = await post('/api/v1/interviews/start', { role_type: ['react', 'python', 'javascript', 'fullstack'][i % 4] }, token);
      if (start.status !== 201) {
        errors++;
        console.error(`start answered ${start.status}: ${JSON.stringify(start.body)}`);
        return;
      }
      if (!counted(t0, starts)) return;
      const id = start.body.id;
      const first = (await call(`${base}/api/v1/interviews/${id}/messages`, { headers: auth })).body;
      let question: string = first.messages[0].content_text;
      for (;;) {
        const q = bankQuestionFor(question);
        const answer = q && i % 2 === 0 ? `${q.referenceAnswer} ${q.keyPoints.join('. ')}` : 'I think it depends, maybe caching helps.';
        t0 = performance.now();
        const res = await post(`/api/v1/interviews/${id}/messages`, { message_text: answer }, token);
        if (res.status !== 200) {
          errors++;
          console.error(`turn answered ${res.status}: ${JSON.stringify(res.body)}`);
          return;
        }
        if (!counted(t0, turns)) return;
        if (res.body.interview_complete) {
          counted(t0, completing);
          interviewsCompleted++;
          break;
        }
        question = res.body.ai_response;
      }
    }
  };
  const cpuAtStart = atWindow(windowStart, true);
  const cpuAtEnd = atWindow(windowEnd, true);
  await Promise.all(tokens.map(candidate));
  const [cpu0, cpu1] = await Promise.all([cpuAtStart, cpuAtEnd]);
  const bareAfter = await baseline();
  const bareRateAfter = bareAfter.rate;

  const rate = turns.length / measuredSeconds;
  const startRate = starts.length / measuredSeconds;
  console.log(`measured ${measuredSeconds} s after ${warmupSeconds} s of warm-up; errors: ${errors}; interviews completed: ${interviewsCompleted}`);
  console.log(`turns: ${turns.length} → ${rate.toFixed(1)} turns/s; latency p50 ${percentile(turns, 50).toFixed(0)} ms, p99 ${percentile(turns, 99).toFixed(0)} ms (completing turns p50 ${percentile(completing, 50).toFixed(0)} ms)`);
  console.log(`starts: ${starts.length} → ${startRate.toFixed(1)}/s; latency p50 ${percentile(starts, 50).toFixed(0)} ms, p99 ${percentile(starts, 99).toFixed(0)} ms`);
  const perTurn = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? 'n/a' : `${((1000 * (b - a)) / Math.max(turns.length, 1)).toFixed(2)} ms/turn (${((b - a) / measuredSeconds).toFixed(2)} cores)`;
  console.log(`CPU in the window, per turn: server process ${perTurn(cpu0.server, cpu1.server)}` +
    `${ports.driver === 'postgres' ? `, PostgreSQL ${perTurn(cpu0.postgres, cpu1.postgres)}` : ' (PGlite runs inside it)'}` +
    `, this driver ${perTurn(cpu0.driver, cpu1.driver)}; starts and first-question reads included`);
  const split = threadSplit(cpu0.sample.threads, cpu1.sample.threads, serverPid);
  if (split) {
    const ms = (seconds: number) => `${((1000 * seconds) / Math.max(turns.length, 1)).toFixed(2)} ms`;
    console.log(`server CPU per turn by thread: main ${ms(split.main)}, busiest other ${ms(split.busiest)}` +
      `${ports.driver === 'pglite' ? ' (the embedded database\'s)' : ''}, the remaining ${split.others} threads ${ms(split.rest)} (V8's GC helpers, libuv)`);
  }
  const { turnP50, turnP99 } = cpu1.sample;
  console.log(`server in the window: turn latency p50 ${turnP50.toFixed(0)} ms, p99 ${turnP99.toFixed(0)} ms; ${describePauses(cpu1.sample)}`);
  if (latencyMs > 0) {
    const { waitsLate: late, before, grading, after } = cpu1.sample;
    console.log(`a turn's time in the server outside its provider waits (${half} ms each), p50 / p99: the waits ended late ${describeSpread(late)} each; ` +
      (values.breakdown
        ? `in to the grading's wait ${describeSpread(before)}; grading ${describeSpread(grading)}; from the next question to the answer sent (saving) ${describeSpread(after)}`
        : 'the rest with --breakdown (which costs the server some CPU and memory: see TurnMarks)'));
  }
  console.log(`this driver in the window (its own delays are part of the latencies above): ${describePauses(cpu1.driverPauses)}`);
  console.log(`bare Koa SELECT 1 on the same database: ${bareRate.toFixed(0)} req/s before the turns, ${bareRateAfter.toFixed(0)} after, at concurrency ${baselineConcurrency}`);
  if (latencyMs > 0) {
    const ideal = interviews / (latencyMs / 1000);
    const work = rate - completing.length / measuredSeconds / 2 + startRate / 2;
    console.log(`ideal with ${interviews} interviews at ${latencyMs} ms per turn: ${ideal.toFixed(1)} turns/s; achieved ${work.toFixed(1)} (turns, completing ones and starts counted as half) → ${((100 * work) / ideal).toFixed(1)} % (target ≥ 95 %)`);
    console.log(`turn p99 ${percentile(turns, 99).toFixed(0)} ms against the target ≤ ${latencyMs + 100} ms`);
  } else {
    const bareMean = (bareRate + bareRateAfter) / 2;
    console.log(`turns/s as a share of the bare SELECT 1 route: ${((100 * rate) / bareMean).toFixed(1)} % of their mean (${((100 * rate) / bareRate).toFixed(1)} % of the first, ${((100 * rate) / bareRateAfter).toFixed(1)} % of the second; target ≥ 20 %)`);
    if (split) {
      // A thread runs on one core at most: turns in the window over its CPU seconds is the rate it alone
      // would allow if all else were free, which bounds the share whatever the rest of the turn costs.
      const ceiling = (seconds: number) => {
        const most = turns.length / Math.max(seconds, 1e-9);
        return `${most.toFixed(0)} turns/s (${((100 * most) / bareMean).toFixed(1)} %)`;
      };
      console.log(`the most a thread alone allows at one core, as a share of the SELECT 1 mean: main ${ceiling(split.main)}` +
        `${ports.driver === 'pglite' ? `, the embedded database's ${ceiling(split.busiest)}` : ''}`);
    }
    // What a turn costs in bare requests' CPU, the database's included: were both to keep the cores as
    // busy, the share would be one over it, so the ≥ 20 % target asks a turn to cost at most 5.
    const onPostgres = ports.driver === 'postgres';
    const turnCost = cpuCost(cpu0, cpu1, turns.length, serverPid, onPostgres);
    const bareCosts = [bareBefore, bareAfter].map((b) => cpuCost(b.cpu[0], b.cpu[1], b.requests, serverPid, onPostgres));
    const bareMeanCost = (bareCosts[0]!.total + bareCosts[1]!.total) / 2;
    const describeCost = (c: CpuCost) => `${c.total.toFixed(3)} ms` +
      (c.main === undefined ? '' : ` (main thread ${c.main.toFixed(3)}, ${onPostgres ? 'PostgreSQL' : 'the embedded database\'s'} ${c.database.toFixed(3)})`);
    const cores = (cost: number, perSecond: number) => ((cost * perSecond) / 1000).toFixed(2);
    console.log(`CPU per bare SELECT 1 request, the database's included: ${describeCost(bareCosts[0]!)} before the turns, ` +
      `${describeCost(bareCosts[1]!)} after; per turn ${describeCost(turnCost)}: a turn costs ${(turnCost.total / bareMeanCost).toFixed(1)} bare requests ` +
      `(at the same use of the cores the target needs at most 5; the bare route kept ${cores(bareCosts[0]!.total, bareRate)} and ` +
      `${cores(bareCosts[1]!.total, bareRateAfter)} cores busy, the turns ${cores(turnCost.total, rate)})`);
  }
}

/** CPU milliseconds per request: in all, the server's main thread's (on Linux) and the database's. */
interface CpuCost {
  total: number;
  main?: number;
  database: number;
}

/**
 * CpuCost between two samples: the server's CPU and, `onPostgres`, PostgreSQL's in all; the database's
 * is PGlite's thread (the server's busiest other one) or PostgreSQL's processes.
 */
function cpuCost(
  before: { server: number; postgres?: number; sample: ServerSample }, after: { server: number; postgres?: number; sample: ServerSample },
  requests: number, pid: number, onPostgres: boolean,
): CpuCost {
  const per = (seconds: number) => (1000 * seconds) / Math.max(requests, 1);
  const postgres = onPostgres && before.postgres !== undefined && after.postgres !== undefined ? after.postgres - before.postgres : 0;
  const split = threadSplit(before.sample.threads, after.sample.threads, pid);
  return {
    total: per(after.server - before.server + postgres),
    ...(split ? { main: per(split.main) } : {}),
    database: per(onPostgres ? postgres : split?.busiest ?? 0),
  };
}

/** The window's CPU seconds of the main thread, of the busiest other thread and of the rest together. */
function threadSplit(before: Record<string, number>, after: Record<string, number>, pid: number) {
  const used = Object.entries(after).map(([tid, seconds]) => ({ tid: Number(tid), seconds: seconds - (before[tid] ?? 0) }));
  const main = used.find((t) => t.tid === pid);
  if (!main) return undefined;
  const others = used.filter((t) => t.tid !== pid).sort((a, b) => b.seconds - a.seconds);
  return {
    main: main.seconds,
    busiest: others[0]?.seconds ?? 0,
    rest: others.slice(1).reduce((sum, t) => sum + t.seconds, 0),
    others: Math.max(others.length - 1, 0),
  };
}

(process.env.BENCH_ROLE === 'server' ? serve() : drive()).catch((error) => {
  console.error(error);
  process.exit(1);
});
