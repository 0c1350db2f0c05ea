import { randomUUID } from 'node:crypto';
import type { ClaimedJob, JobQueue, JobRecord, NewJob } from '../../ports/job-queue.js';
import type { MemoryStore } from './memory-store.js';

type Row = JobRecord & { lockedUntil: Date | null; createdAt: Date };

export class MemoryJobQueue implements JobQueue {
  constructor(private readonly store: MemoryStore) {}

  private get rows() {
    return this.store.table<Row>('jobs');
  }

  async enqueue(job: NewJob, now: Date): Promise<string> {
    const id = randomUUID();
    this.rows.set(id, {
      id, type: job.type, payload: structuredClone(job.payload), attempt: 0, maxAttempts: job.maxAttempts ?? 5,
      status: 'queued', lastError: null, runAt: job.runAt ?? now, lockedUntil: null, createdAt: now,
    });
    return id;
  }

  async claim(types: readonly string[], now: Date, leaseUntil: Date): Promise<ClaimedJob | undefined> {
    const due = [...this.rows.values()]
      .filter((r) => types.includes(r.type) && r.runAt <= now &&
        (r.status === 'queued' || (r.status === 'running' && r.lockedUntil !== null && r.lockedUntil < now)))
      .sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime())[0];
    if (!due) return undefined;
    due.status = 'running';
    due.attempt += 1;
    due.lockedUntil = leaseUntil;
    return { id: due.id, type: due.type, payload: structuredClone(due.payload), attempt: due.attempt, maxAttempts: due.maxAttempts };
  }

  async extend(id: string, leaseUntil: Date): Promise<void> {
    const row = this.rows.get(id);
    if (row?.status === 'running') row.lockedUntil = leaseUntil;
  }

  async succeed(id: string): Promise<void> {
    const row = this.rows.get(id);
    if (row) Object.assign(row, { status: 'succeeded', lockedUntil: null });
  }

  async fail(id: string, error: string, _now: Date, retryAt?: Date): Promise<void> {
    const row = this.rows.get(id);
    if (!row) return;
    const retry = retryAt && row.attempt < row.maxAttempts;
    Object.assign(row, { status: retry ? 'queued' : 'failed', lastError: error.slice(0, 4000), lockedUntil: null, ...(retry ? { runAt: retryAt } : {}) });
  }

  async find(id: string): Promise<JobRecord | undefined> {
    const row = this.rows.get(id);
    if (!row) return undefined;
    const { lockedUntil: _l, createdAt: _c, ...record } = structuredClone(row);
    return record;
  }
}
