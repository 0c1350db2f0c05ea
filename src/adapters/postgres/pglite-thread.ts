import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { serialize } from 'pg-protocol';
import { Parser } from 'pg-protocol/dist/parser.js';
import { startWorker } from '../system/worker-thread.js';

/** What the main thread asks of the database thread (pglite-worker.ts). */
export type ThreadRequest =
  | { type: 'exec'; id: number; conn: number; bytes: Uint8Array }
  | { type: 'query'; id: number; conn: number; name: string; text: string; values: readonly unknown[] }
  | { type: 'release'; conn: number }
  | { type: 'close' };

/** What the database thread answers. */
export type ThreadReply =
  | { type: 'ready' }
  | { type: 'startFailed'; message: string }
  | { type: 'result'; id: number; bytes: Uint8Array }
  | { type: 'rows'; id: number; rows: Record<string, unknown>[] }
  | { type: 'queryFailed'; id: number; error: Record<string, unknown> & { message: string } }
  | { type: 'failed'; id: number; message: string }
  | { type: 'closed' };

interface Pending {
  resolve(answer: Uint8Array | Record<string, unknown>[]): void;
  reject(error: Error): void;
}

/**
 * Embedded PGlite on a thread of its own, so that the database's work runs beside the server's
 * instead of inside its event loop. node-postgres talks to it through `connection()`s that speak
 * the wire protocol over the thread's message port; the thread runs their batches on its one
 * session (see pglite-worker.ts for how connections share it).
 */
export class PgliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextConn = 1;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;
  private onClosed: (() => void) | undefined;

  private constructor(dataDir: string, private readonly ready: (error?: Error) => void) {
    this.worker = startWorker(import.meta.url, './pglite-worker', { workerData: { dataDir } });
    this.worker.on('message', (reply: ThreadReply) => this.receive(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`the embedded database thread exited with code ${code}`));
      for (const waiting of this.pending.values()) waiting.reject(new Error('the embedded database is closed'));
      this.pending.clear();
      this.onClosed?.();
    });
  }

  static open(dataDir: string): Promise<PgliteThread> {
    return new Promise((resolve, reject) => {
      const thread: PgliteThread = new PgliteThread(dataDir, (error) => (error ? reject(error) : resolve(thread)));
    });
  }

  /** A new client connection to the shared session. */
  connection(): PgliteConnection {
    return new PgliteConnection(this, this.nextConn++);
  }

  exec(conn: number, bytes: Uint8Array): Promise<Uint8Array> {
    return this.request((id) => ({ type: 'exec', id, conn, bytes }), [bytes.buffer as ArrayBuffer]) as Promise<Uint8Array>;
  }

  /**
   * A named statement run by the database thread itself, which binds the values, reads the rows and
   * parses them as node-postgres would: the main thread only sends values and receives rows.
   */
  query(conn: number, name: string, text: string, values: readonly unknown[]): Promise<Record<string, unknown>[]> {
    return this.request((id) => ({ type: 'query', id, conn, name, text, values })) as Promise<Record<string, unknown>[]>;
  }

  private request(message: (id: number) => ThreadRequest, transfer: ArrayBuffer[] = []): Promise<Uint8Array | Record<string, unknown>[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new Error('the embedded database is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post(message(id), transfer);
    });
  }

  release(conn: number): void {
    if (!this.failure && !this.closing) this.post({ type: 'release', conn });
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.onClosed = resolve;
      if (this.failure) {
        void this.worker.terminate();
        return;
      }
      this.post({ type: 'close' });
    });
    return this.closing;
  }

  private post(request: ThreadRequest, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  private receive(reply: ThreadReply): void {
    switch (reply.type) {
      case 'ready':
        this.ready();
        return;
      case 'startFailed':
        this.fail(new Error(`the embedded database did not start: ${reply.message}`));
        return;
      case 'result':
      case 'rows':
      case 'queryFailed':
      case 'failed': {
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        this.pending.delete(reply.id);
        if (reply.type === 'result') waiting.resolve(reply.bytes);
        else if (reply.type === 'rows') waiting.resolve(reply.rows);
        // The database's own error, with its fields (code, constraint, detail…) as node-postgres gives them.
        else if (reply.type === 'queryFailed') waiting.reject(Object.assign(new Error(reply.error.message), reply.error));
        else waiting.reject(new Error(`the embedded database failed: ${reply.message}`));
        return;
      }
      case 'closed':
        void this.worker.terminate();
        return;
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.ready(error);
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    void this.worker.terminate();
  }
}

/**
 * The part of node-postgres' `Connection` that its `Client` uses, over a `PgliteThread`. Messages
 * are gathered until a Sync, Flush or simple query and sent as one batch; the answer is parsed and
 * emitted as the events `Client` listens to.
 */
export class PgliteConnection extends EventEmitter {
  readonly parsedStatements: Record<string, string> = {};
  readonly submittedNamedStatements: Record<string, string> = {};
  /** Read by `Client.end()`, which skips `end()` without it. */
  _connecting = false;
  /** `Client.end()` destroys the stream when a query is still active. */
  readonly stream = { destroy: () => this.end() };
  private readonly parser = new Parser();
  private batch: Buffer[] = [];
  private emitMessage = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly thread: PgliteThread,
    private readonly id: number,
  ) {
    super();
    this.on('newListener', (event) => {
      if (event === 'message') this.emitMessage = true;
    });
  }

  connect(): void {
    this._connecting = true;
    process.nextTick(() => this.emit('readyForQuery'));
  }

  query(text: string): void {
    this.add(serialize.query(text), true);
  }
  parse(query: Parameters<typeof serialize.parse>[0]): void {
    this.add(serialize.parse(query));
  }
  bind(config: Parameters<typeof serialize.bind>[0]): void {
    this.add(serialize.bind(config));
  }
  describe(message: Parameters<typeof serialize.describe>[0]): void {
    this.add(serialize.describe(message));
  }
  execute(config: Parameters<typeof serialize.execute>[0]): void {
    this.add(serialize.execute(config));
  }
  close(message: Parameters<typeof serialize.close>[0]): void {
    this.add(serialize.close(message));
  }
  flush(): void {
    this.add(serialize.flush(), true);
  }
  sync(): void {
    this.add(serialize.sync(), true);
  }
  sendCopyFromChunk(chunk: Buffer): void {
    this.add(serialize.copyData(chunk), true);
  }
  endCopyFrom(): void {
    this.add(serialize.copyDone(), true);
  }
  sendCopyFail(message: string): void {
    this.add(serialize.copyFail(message), true);
  }

  /** Runs a named statement on this connection's place in the session (see PgliteThread.query). */
  runNamed(name: string, text: string, values: readonly unknown[]): Promise<Record<string, unknown>[]> {
    return this.thread.query(this.id, name, text, values);
  }

  end(): void {
    this.batch = [];
    this.queue = this.queue.then(() => {
      this.thread.release(this.id);
      this.emit('end');
    });
  }

  // The session already exists: no startup, authentication, TLS or cancel requests.
  requestSsl(): void {}
  startup(): void {}
  password(): void {}
  cancel(): void {}
  ref(): void {}
  unref(): void {}

  private add(message: Buffer, send = false): void {
    this.batch.push(message);
    if (!send) return;
    // A fresh buffer, never a slice of Node's shared pool: it is moved to the database thread.
    const batch = new Uint8Array(this.batch.reduce((n, m) => n + m.length, 0));
    let at = 0;
    for (const m of this.batch) {
      batch.set(m, at);
      at += m.length;
    }
    this.batch = [];
    const answer = this.thread.exec(this.id, batch);
    this.queue = this.queue
      .then(() => answer)
      .then((bytes) => {
        this.parser.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (message) => {
          if (this.emitMessage) this.emit('message', message);
          this.emit(message.name === 'error' ? 'errorMessage' : message.name, message);
        });
      })
      .catch((error: unknown) => {
        this.emit('error', error);
      });
  }
}
