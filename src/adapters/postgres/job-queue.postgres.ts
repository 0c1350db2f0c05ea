import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { ClaimedJob, JobQueue, JobRecord, JobStatus, NewJob } from '../../ports/job-queue.js';

interface JobRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  attempt: number;
  max_attempts: number;
  run_at: Date;
  last_error: string | null;
}

/** Jobs kept in the database, so they survive restarts; claims use SKIP LOCKED. */
export class PgJobQueue implements JobQueue {
  constructor(private readonly db: Knex) {}

  async enqueue(job: NewJob, now: Date): Promise<string> {
    const id = randomUUID();
    await this.db('jobs').insert({
      id, type: job.type, payload: JSON.stringify(job.payload), status: 'queued', attempt: 0,
      max_attempts: job.maxAttempts ?? 5, run_at: job.runAt ?? now, created_at: now, updated_at: now,
    });
    return id;
  }

  async claim(types: readonly string[], now: Date, leaseUntil: Date): Promise<ClaimedJob | undefined> {
    if (types.length === 0) return undefined;
    const result = await this.db.raw<{ rows: JobRow[] }>(
      `UPDATE jobs SET status = 'running', attempt = attempt + 1, locked_until = ?, updated_at = ?
       WHERE id = (
         SELECT id FROM jobs
         WHERE type = ANY(?) AND run_at <= ?
           AND (status = 'queued' OR (status = 'running' AND locked_until < ?))
         ORDER BY run_at, created_at
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
       RETURNING id, type, payload, attempt, max_attempts`,
      [leaseUntil, now, [...types], now, now],
    );
    const row = result.rows[0];
    return row && { id: row.id, type: row.type, payload: row.payload, attempt: row.attempt, maxAttempts: row.max_attempts };
  }

  async extend(id: string, leaseUntil: Date, now: Date): Promise<void> {
    await this.db('jobs').where({ id, status: 'running' }).update({ locked_until: leaseUntil, updated_at: now });
  }

  async succeed(id: string, now: Date): Promise<void> {
    await this.db('jobs').where({ id }).update({ status: 'succeeded', locked_until: null, updated_at: now });
  }

  async fail(id: string, error: string, now: Date, retryAt?: Date): Promise<void> {
    const row = await this.db<JobRow>('jobs').where({ id }).first('attempt', 'max_attempts');
    if (!row) return;
    const retry = retryAt && row.attempt < row.max_attempts;
    await this.db('jobs').where({ id }).update({
      status: retry ? 'queued' : 'failed', last_error: error.slice(0, 4000), locked_until: null, updated_at: now,
      ...(retry ? { run_at: retryAt } : {}),
    });
  }

  async find(id: string): Promise<JobRecord | undefined> {
    const row = await this.db<JobRow>('jobs').where({ id }).first();
    return row && {
      id: row.id, type: row.type, payload: row.payload, attempt: row.attempt, maxAttempts: row.max_attempts,
      status: row.status, lastError: row.last_error, runAt: new Date(row.run_at),
    };
  }
}
