/**
 * The embedded database's own thread: one PGlite instance, fed wire-protocol batches by the
 * connections of `PgliteThread` (pglite-thread.ts) on the main thread.
 *
 * PGlite is one Postgres session. Several client connections share it safely because this thread
 * runs their batches one at a time, in arrival order, except that a connection holding a transaction
 * open owns the session: other connections' batches wait until it returns to idle (read from the
 * transaction status of the batch's last ReadyForQuery). Prepared statements live in the session, so a
 * Parse for a name this session already prepared with the same text is answered without re-parsing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { ThreadReply, ThreadRequest } from './pglite-thread.js';

/** A connection's batch to run, or its end (which must not leave a transaction open). */
type Job = { kind: 'batch'; id: number; conn: number; bytes: Uint8Array } | { kind: 'end'; conn: number };
type Batch = Extract<Job, { kind: 'batch' }>;

const port = parentPort!;
const queue: Job[] = [];
/** The connection whose transaction is open, if any: only its batches run until it ends. */
let owner: number | undefined;
const prepared = new Map<string, string>();
const PARSE_COMPLETE = Uint8Array.of(0x31, 0, 0, 0, 4);
const READY_FOR_QUERY = 0x5a;
const decoder = new TextDecoder();

function reply(message: ThreadReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

function cString(bytes: Uint8Array, at: number): [string, number] {
  const end = bytes.indexOf(0, at);
  return [decoder.decode(bytes.subarray(at, end)), end + 1];
}

/**
 * Drops a leading Parse of a statement the session already holds with the same text; returns the
 * batch to run and whether a ParseComplete must be put back in front of the answer.
 */
function withoutKnownParse(bytes: Uint8Array): { run: Uint8Array; parsed?: [string, string]; skipped: boolean } {
  if (bytes[0] !== 0x50 /* P */) return { run: bytes, skipped: false };
  const length = new DataView(bytes.buffer, bytes.byteOffset).getInt32(1);
  const [name, next] = cString(bytes, 5);
  if (!name) return { run: bytes, skipped: false };
  const [text] = cString(bytes, next);
  if (prepared.get(name) === text) return { run: bytes.subarray(1 + length), skipped: true };
  return { run: bytes, parsed: [name, text], skipped: false };
}

function run(db: PGlite, job: Batch): Uint8Array {
  const { run: batch, parsed, skipped } = withoutKnownParse(job.bytes);
  const out = db.execProtocolRawSync(batch);
  if (parsed && out[0] === 0x31) prepared.set(parsed[0], parsed[1]);
  const n = out.length;
  if (n >= 6 && out[n - 6] === READY_FOR_QUERY && out[n - 2] === 5) {
    owner = out[n - 1] === 0x49 /* I */ ? undefined : job.conn;
  } else {
    // No ReadyForQuery yet (a Flush, or a portal read in pages): the session is still this connection's.
    owner = job.conn;
  }
  if (!skipped) return out;
  const answer = new Uint8Array(PARSE_COMPLETE.length + n);
  answer.set(PARSE_COMPLETE);
  answer.set(out, PARSE_COMPLETE.length);
  return answer;
}

function nextJob(): Job | undefined {
  const at = owner === undefined ? 0 : queue.findIndex((j) => j.conn === owner);
  return at < 0 ? undefined : queue.splice(at, 1)[0];
}

let draining = false;
async function drain(db: PGlite): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    for (let job = nextJob(); job; job = nextJob()) {
      if (job.kind === 'end') {
        if (owner === job.conn) {
          db.execProtocolRawSync(ROLLBACK);
          owner = undefined;
        }
        continue;
      }
      try {
        const out = run(db, job);
        reply({ type: 'result', id: job.id, bytes: out }, [out.buffer as ArrayBuffer]);
      } catch (error) {
        reply({ type: 'failed', id: job.id, message: error instanceof Error ? error.message : String(error) });
      }
    }
    await db.syncToFs();
  } finally {
    draining = false;
  }
  // Batches that arrived while the file system synced.
  if (queue.some((j) => owner === undefined || j.conn === owner)) void drain(db);
  else if (closeRequested) void close(db);
}

/** Set by a close request: the database closes once every batch sent before it has run. */
let closeRequested = false;
let closed = false;
async function close(db: PGlite): Promise<void> {
  if (closed) return;
  closed = true;
  try {
    await db.close();
  } finally {
    reply({ type: 'closed' });
  }
}

async function main(): Promise<void> {
  let db: PGlite;
  try {
    db = new PGlite(workerData.dataDir as string);
    await db.waitReady;
  } catch (error) {
    reply({ type: 'startFailed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  port.on('message', (request: ThreadRequest) => {
    switch (request.type) {
      case 'exec':
        queue.push({ kind: 'batch', id: request.id, conn: request.conn, bytes: request.bytes });
        void drain(db);
        return;
      case 'release':
        // After the connection's last batch: a transaction it left open is rolled back.
        queue.push({ kind: 'end', conn: request.conn });
        void drain(db);
        return;
      case 'close':
        closeRequested = true;
        void drain(db);
        return;
    }
  });
  reply({ type: 'ready' });
}

/** A simple-protocol ROLLBACK, sent for a connection released with its transaction open. */
const ROLLBACK = (() => {
  const text = new TextEncoder().encode('ROLLBACK\0');
  const bytes = new Uint8Array(5 + text.length);
  bytes[0] = 0x51; /* Q */
  new DataView(bytes.buffer).setInt32(1, 4 + text.length);
  bytes.set(text, 5);
  return bytes;
})();

void main();
