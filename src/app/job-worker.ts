import type { Clock } from '../ports/clock.js';
import type { ClaimedJob } from '../ports/job-queue.js';
import type { Logger } from '../ports/logger.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export type JobHandler = (job: ClaimedJob) => Promise<void>;

/** Thrown by a handler for a failure that retrying cannot fix: the job fails at once. */
export class PermanentJobFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobFailure';
  }
}

export interface JobWorkerOptions {
  pollIntervalMs: number;
  /**
   * How long a claimed job is leased: renewed every third of it while its handler runs, so a job
   * whose worker crashed (a killed process) is claimable again this long after its last renewal.
   */
  leaseMs: number;
  /** Retry delay is base × 2^(attempt−1), capped. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_WORKER_OPTIONS: JobWorkerOptions = {
  pollIntervalMs: 500, leaseMs: 30_000, backoffBaseMs: 2_000, backoffMaxMs: 5 * 60_000,
};

/**
 * Runs queued jobs in this process: claims one at a time, runs its handler, and records success,
 * a retry with exponential backoff, or a failure with a readable error.
 */
export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly recurring: Array<{ name: string; everyMs: number; task: () => Promise<unknown>; dueAt: number }> = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly deps: { uow: UnitOfWork; clock: Clock; logger: Logger },
    private readonly options: JobWorkerOptions = DEFAULT_WORKER_OPTIONS,
  ) {}

  handle(type: string, handler: JobHandler): this {
    if (this.handlers.has(type)) throw new Error(`A handler for job type "${type}" is already registered`);
    this.handlers.set(type, handler);
    return this;
  }

  /**
   * Runs `task` on this worker's loop every `everyMs` (first on the loop's first tick), between
   * jobs: a failure is logged and the task runs again at its next time.
   */
  every(name: string, everyMs: number, task: () => Promise<unknown>): this {
    if (!(everyMs > 0)) throw new Error(`Recurring task "${name}" needs a positive interval`);
    if (this.recurring.some((r) => r.name === name)) throw new Error(`A recurring task "${name}" is already registered`);
    this.recurring.push({ name, everyMs, task, dueAt: 0 });
    return this;
  }

  /** Runs the recurring tasks whose time has come (by the clock); resolves how many ran. */
  async runDueTasks(): Promise<number> {
    let ran = 0;
    for (const recurring of this.recurring) {
      const now = this.deps.clock.now().getTime();
      if (now < recurring.dueAt) continue;
      recurring.dueAt = now + recurring.everyMs;
      ran++;
      try {
        await recurring.task();
      } catch (error) {
        this.deps.logger.warn({ task: recurring.name, error: error instanceof Error ? error.message : String(error) }, 'recurring task failed');
      }
    }
    return ran;
  }

  /** Runs one due job; resolves false when there was none. */
  async runOne(): Promise<boolean> {
    const { uow, clock, logger } = this.deps;
    const now = clock.now();
    const job = await uow.repositories.jobs.claim([...this.handlers.keys()], now, new Date(now.getTime() + this.options.leaseMs));
    if (!job) return false;
    const log = logger.child({ jobId: job.id, jobType: job.type, attempt: job.attempt });
    // Claimed past its attempts, every one of them having died unfinished (the process killed while it ran): its handler
    // had one more run to record the failure (see ParseResume), and a job that took that one down too is not run again.
    if (job.attempt > job.maxAttempts + 1) {
      await uow.repositories.jobs.fail(job.id, `gave up: the worker stopped during each of its ${job.attempt - 1} attempts`, clock.now());
      log.warn({}, 'job failed: the worker stopped during each of its attempts');
      return true;
    }
    // The lease is renewed while the handler runs; a failed renewal is logged and tried again next time.
    const renewal = setInterval(() => {
      const at = clock.now();
      uow.repositories.jobs.extend(job.id, new Date(at.getTime() + this.options.leaseMs), at)
        .catch((error: unknown) => log.warn({ error: String(error) }, 'job lease could not be renewed'));
    }, Math.max(1, Math.floor(this.options.leaseMs / 3)));
    try {
      await this.handlers.get(job.type)!(job);
      await uow.repositories.jobs.succeed(job.id, clock.now());
      log.info({}, 'job succeeded');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof PermanentJobFailure || job.attempt >= job.maxAttempts;
      const delay = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (job.attempt - 1));
      const at = clock.now();
      await uow.repositories.jobs.fail(job.id, message, at, permanent ? undefined : new Date(at.getTime() + delay));
      log.warn({ error: message, retryInMs: permanent ? null : delay }, permanent ? 'job failed' : 'job failed; will retry');
    } finally {
      clearInterval(renewal);
    }
    return true;
  }

  /** Runs jobs until none is due (tests and the CLI use this instead of the polling loop). */
  async drain(limit = 1_000): Promise<number> {
    return this.runBatch(limit, () => false);
  }

  private async runBatch(limit: number, stop: () => boolean): Promise<number> {
    let count = 0;
    while (count < limit && !stop() && (await this.runOne())) count++;
    return count;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      try {
        // Stops between jobs as soon as stop() is called: shutdown waits for one job, not a batch.
        this.running = this.runDueTasks().then(() => this.runBatch(50, () => this.stopped)).then(() => undefined);
        await this.running;
      } catch (error) {
        this.deps.logger.error({ error: String(error) }, 'job worker tick failed');
      } finally {
        this.running = undefined;
        if (!this.stopped) this.timer = setTimeout(tick, this.options.pollIntervalMs);
      }
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling and waits for the job in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
