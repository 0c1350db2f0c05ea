import { expect } from 'chai';
import { MemoryUnitOfWork } from '../../../src/adapters/memory/unit-of-work.memory.js';
import { FixedClock } from '../../../src/adapters/system/clock.system.js';
import { RecordingLogger } from '../../../src/adapters/system/logger.pino.js';
import { JobWorker, PermanentJobFailure } from '../../../src/app/job-worker.js';

const options = { pollIntervalMs: 5, leaseMs: 60_000, backoffBaseMs: 1_000, backoffMaxMs: 8_000 };

describe('job worker', () => {
  it('on stop, finishes the job in hand and leaves the rest queued', async () => {
    const uow = new MemoryUnitOfWork();
    const clock = new FixedClock();
    for (let i = 0; i < 5; i++) await uow.repositories.jobs.enqueue({ type: 'slow', payload: { i } }, clock.now());
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ran: number[] = [];
    const worker = new JobWorker({ uow, clock, logger: new RecordingLogger() }, options).handle('slow', async (job) => {
      ran.push(job.payload.i as number);
      started();
      await gate;
    });
    worker.start();
    await firstStarted;
    const stopping = worker.stop();
    release();
    await stopping;
    expect(ran).to.deep.equal([0]);
    expect(await worker.drain()).to.equal(4);
  });

  it('renews the lease of the job in hand, so no other worker takes it while it runs', async () => {
    const uow = new MemoryUnitOfWork();
    const clock = new FixedClock();
    const id = await uow.repositories.jobs.enqueue({ type: 'long', payload: {} }, clock.now());
    // Resolves at the first renewal reaching past `after` (renewals run on a real timer, a third of the lease apart).
    let waiting: { after: number; resolve: (until: Date) => void } | undefined;
    const extend = uow.repositories.jobs.extend.bind(uow.repositories.jobs);
    uow.repositories.jobs.extend = async (jobId, leaseUntil, now) => {
      await extend(jobId, leaseUntil, now);
      if (waiting && leaseUntil.getTime() > waiting.after) waiting.resolve(leaseUntil);
    };
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const worker = new JobWorker({ uow, clock, logger: new RecordingLogger() }, { ...options, leaseMs: 30 })
      .handle('long', async () => { started(); await gate; });
    const done = worker.runOne();
    await running;
    // Past the first lease: only a renewal keeps another worker off it.
    clock.advance(100);
    const renewedUntil = await new Promise<Date>((resolve) => { waiting = { after: clock.now().getTime(), resolve }; });
    expect(renewedUntil.getTime()).to.equal(clock.now().getTime() + 30);
    expect(await uow.repositories.jobs.claim(['long'], clock.now(), new Date(clock.now().getTime() + 30))).to.equal(undefined);
    release();
    expect(await done).to.equal(true);
    expect(await uow.repositories.jobs.find(id)).to.deep.include({ status: 'succeeded', attempt: 1 });
  });

  it('fails a permanent failure at once with its message, and retries others with exponential backoff', async () => {
    const uow = new MemoryUnitOfWork();
    const clock = new FixedClock();
    const permanent = await uow.repositories.jobs.enqueue({ type: 'p', payload: {} }, clock.now());
    const flaky = await uow.repositories.jobs.enqueue({ type: 'f', payload: {} }, clock.now());
    const worker = new JobWorker({ uow, clock, logger: new RecordingLogger() }, options)
      .handle('p', async () => { throw new PermanentJobFailure('the file is not a resume'); })
      .handle('f', async () => { throw new Error('timeout'); });
    expect(await worker.drain()).to.equal(2);
    expect(await uow.repositories.jobs.find(permanent)).to.deep.include({ status: 'failed', lastError: 'the file is not a resume', attempt: 1 });
    const retried = await uow.repositories.jobs.find(flaky);
    expect(retried).to.deep.include({ status: 'queued', lastError: 'timeout' });
    expect(retried!.runAt.getTime() - clock.now().getTime()).to.equal(1_000);
    clock.advance(1_000);
    expect(await worker.drain()).to.equal(1);
    expect((await uow.repositories.jobs.find(flaky))!.runAt.getTime() - clock.now().getTime()).to.equal(2_000);
  });

  it('does not run a job again once it was claimed past its attempts and its worker died each time', async () => {
    const uow = new MemoryUnitOfWork();
    const clock = new FixedClock();
    const id = await uow.repositories.jobs.enqueue({ type: 'poison', payload: {}, maxAttempts: 2 }, clock.now());
    // Three workers took it and died (killed while it ran): nothing reported, each lease expired.
    for (let i = 0; i < 3; i++) {
      await uow.repositories.jobs.claim(['poison'], clock.now(), new Date(clock.now().getTime() + 1_000));
      clock.advance(2_000);
    }
    let ran = 0;
    const worker = new JobWorker({ uow, clock, logger: new RecordingLogger() }, options).handle('poison', async () => {
      ran++;
    });
    expect(await worker.drain()).to.equal(1);
    expect(ran).to.equal(0);
    expect(await uow.repositories.jobs.find(id)).to.deep.include({ status: 'failed', lastError: 'gave up: the worker stopped during each of its 3 attempts' });
  });

  it('runs recurring tasks when due by the clock, each at its own interval, logging a failure and running it again next time', async () => {
    const clock = new FixedClock();
    const logger = new RecordingLogger();
    const runs: string[] = [];
    const worker = new JobWorker({ uow: new MemoryUnitOfWork(), clock, logger }, options)
      .every('sweep', 60_000, async () => { runs.push('sweep'); })
      .every('flaky', 1_000, async () => { runs.push('flaky'); throw new Error('database down'); });
    expect(await worker.runDueTasks()).to.equal(2);
    expect(await worker.runDueTasks()).to.equal(0);
    clock.advance(1_000);
    expect(await worker.runDueTasks()).to.equal(1);
    clock.advance(59_000);
    expect(await worker.runDueTasks()).to.equal(2);
    expect(runs).to.deep.equal(['sweep', 'flaky', 'flaky', 'sweep', 'flaky']);
    expect(logger.entries.filter((e) => e.message === 'recurring task failed').map((e) => e.fields))
      .to.deep.equal(Array(3).fill({ task: 'flaky', error: 'database down' }));
    expect(() => worker.every('sweep', 5, async () => undefined)).to.throw(/already registered/);
    expect(() => worker.every('never', 0, async () => undefined)).to.throw(/positive interval/);
  });

  it('runs its recurring tasks from its polling loop', async () => {
    const ran = new Promise<void>((resolve) => {
      const worker = new JobWorker({ uow: new MemoryUnitOfWork(), clock: new FixedClock(), logger: new RecordingLogger() }, options)
        .every('sweep', 60_000, async () => {
          void worker.stop();
          resolve();
        });
      worker.start();
    });
    await ran;
  });
});
