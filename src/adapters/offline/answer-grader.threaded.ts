import type { Worker } from 'node:worker_threads';
import type { AnswerGrader, Grade, GradeRequest } from '../../ports/answer-grader.js';
import type { AiCallOptions } from '../../ports/provider-served.js';
import { startWorker } from '../system/worker-thread.js';
import { abortError } from './answer-grader.rubric.js';

/** What the main thread sends a grading thread (rubric-grader-worker.ts), and what it answers. */
export interface GraderRequest {
  id: number;
  request: GradeRequest;
}
export type GraderReply = { id: number; grade: Grade } | { id: number; error: string };

interface Pending {
  resolve(grade: Grade): void;
  reject(error: Error): void;
}

/** One grading thread and the requests it has not answered yet. */
class GradingThread {
  readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;

  constructor(private readonly gone: (thread: GradingThread) => void) {
    this.worker = startWorker(import.meta.url, './rubric-grader-worker');
    // An idle thread does not keep the process alive; one with requests in hand does.
    this.worker.unref();
    this.worker.on('message', (reply: GraderReply) => this.receive(reply));
    this.worker.on('error', (error) => this.end(new Error(`the grading thread failed: ${error.message}`)));
    this.worker.on('exit', (code) => this.end(new Error(`the grading thread exited with code ${code}`)));
  }

  /** Sends a request; throws, holding nothing, when it cannot be copied to the thread (a function in it, say). */
  send(id: number, request: GradeRequest, waiting: Pending): void {
    this.worker.postMessage({ id, request } satisfies GraderRequest);
    if (this.pending.size === 0) this.worker.ref();
    this.pending.set(id, waiting);
  }

  /** Forgets a request whose caller gave up (its answer, when it comes, is dropped). */
  forget(id: number): void {
    if (this.pending.delete(id) && this.pending.size === 0) this.worker.unref();
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }

  private receive(reply: GraderReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.forget(reply.id);
    if ('grade' in reply) waiting.resolve(reply.grade);
    else waiting.reject(new Error(`grading failed: ${reply.error}`));
  }

  private end(error: Error): void {
    this.gone(this);
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * The rubric grader (answer-grader.rubric.ts) run on threads of its own, so that grading, the
 * offline providers' costliest work, runs beside the server's event loop instead of inside it.
 * Same grades as `RubricAnswerGrader`. Threads start as requests come, up to the count; a request
 * goes to the thread with the fewest in hand, and a thread that dies fails only its own requests
 * (the next request starts another). Once closed, it refuses requests.
 */
export class ThreadedRubricGrader implements AnswerGrader {
  private readonly threads: GradingThread[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly threadCount = 1) {
    if (!Number.isInteger(threadCount) || threadCount < 1) throw new Error(`threadCount must be a whole number ≥ 1, got ${threadCount}`);
  }

  grade(request: GradeRequest, options: AiCallOptions = {}): Promise<Grade> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    if (this.closed) return Promise.reject(new Error('the grader is closed'));
    return new Promise<Grade>((resolve, reject) => {
      const id = this.nextId++;
      // Throws (rejecting this promise, with no listener left behind) when no thread starts or the request cannot be sent.
      const thread = this.leastBusy();
      const onAbort = () => {
        thread.forget(id);
        reject(abortError());
      };
      thread.send(id, request, {
        resolve: (grade) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(grade);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** How many grading threads are running now. */
  get runningThreads(): number {
    return this.threads.length;
  }

  /** Stops the threads, failing the requests in hand, and refuses requests from now on. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.splice(0).map((thread) => thread.terminate()));
  }

  private leastBusy(): GradingThread {
    if (this.threads.length < this.threadCount) {
      const thread = new GradingThread((dead) => {
        const at = this.threads.indexOf(dead);
        if (at >= 0) this.threads.splice(at, 1);
      });
      this.threads.push(thread);
      return thread;
    }
    return this.threads.reduce((best, thread) => (thread.pending.size < best.pending.size ? thread : best));
  }
}
