import { token } from './token.js';

export interface NewJob {
  type: string;
  payload: Record<string, unknown>;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Attempts before the job is marked failed for good (default 5). */
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobRecord extends ClaimedJob {
  status: JobStatus;
  lastError: string | null;
  runAt: Date;
}

/**
 * Durable background jobs.
 * Contract: enqueue inside a transaction commits or rolls back with it; claim hands a due job to
 * exactly one caller and leases it until `leaseUntil` (an expired lease — a crashed worker — makes
 * it claimable again); extend moves a running job's lease to `leaseUntil` (a worker still at it says
 * so, so leases can be short and a crashed worker's job comes back soon); succeed/fail end a lease;
 * fail with retryAt requeues it, without retryAt (or at maxAttempts) marks it failed with its error kept.
 */
export interface JobQueue {
  enqueue(job: NewJob, now: Date): Promise<string>;
  claim(types: readonly string[], now: Date, leaseUntil: Date): Promise<ClaimedJob | undefined>;
  extend(id: string, leaseUntil: Date, now: Date): Promise<void>;
  succeed(id: string, now: Date): Promise<void>;
  fail(id: string, error: string, now: Date, retryAt?: Date): Promise<void>;
  find(id: string): Promise<JobRecord | undefined>;
}
export const JobQueue = token<JobQueue>('JobQueue');
