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
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { type DatabaseError, serialize } from 'pg-protocol';
import type { DataRowMessage, ReadyForQueryMessage, RowDescriptionMessage } from 'pg-protocol/dist/messages.js';
import { Parser } from 'pg-protocol/dist/parser.js';
import type { ThreadReply, ThreadRequest } from './pglite-thread.js';
import { textParser } from './pg-types.js';

/** node-postgres' own conversion of a JS value to a parameter (dates, JSON, arrays, buffers). */
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue(value: unknown): unknown };

/** A connection's batch to run, a named statement to run for it, or its end (which must not leave a transaction open). */
type Job =
  | { kind: 'batch'; id: number; conn: number; bytes: Uint8Array }
  | { kind: 'query'; id: number; conn: number; name: string; text: string; values: readonly unknown[] }
  | { kind: 'end'; conn: number };
type Batch = Extract<Job, { kind: 'batch' }>;
type Query = Extract<Job, { kind: 'query' }>;

const port = parentPort!;
const queue: Job[] = [];
/** The connection whose transaction is open, if any: only its batches run until it ends. */
let owner: number | undefined;
const prepared = new Map<string, string>();
const PARSE_COMPLETE = Uint8Array.of(0x31, 0, 0, 0, 4);
const READY_FOR_QUERY = 0x5a;
const decoder = new TextDecoder();

/** The answer being gathered by execute(), reused from batch to batch (grown when an answer needs more). */
let answer = new Uint8Array(64 * 1024);
let answerLength = 0;
const gather = (bytes: Uint8Array): void => {
  if (answerLength + bytes.length > answer.length) {
    const grown = new Uint8Array(Math.max(answer.length * 2, answerLength + bytes.length));
    grown.set(answer.subarray(0, answerLength));
    answer = grown;
  }
  answer.set(bytes, answerLength);
  answerLength += bytes.length;
};

/**
 * Runs a batch on the session and returns its answer (a fresh buffer, which can be moved to the main
 * thread). PGlite's raw stream hands over the bytes as the session writes them, without PGlite
 * parsing them into messages of its own (which nothing here reads). It runs synchronously; the
 * promise only carries an error PGlite did not turn into an ErrorResponse.
 */
async function execute(db: PGlite, batch: Uint8Array): Promise<Uint8Array> {
  answerLength = 0;
  await db.execProtocolRawStream(batch, { syncToFs: false, onRawData: gather });
  return answer.slice(0, answerLength);
}

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

async function run(db: PGlite, job: Batch): Promise<Uint8Array> {
  const { run: batch, parsed, skipped } = withoutKnownParse(job.bytes);
  const out = await execute(db, batch);
  if (parsed && out[0] === 0x31) prepared.set(parsed[0], parsed[1]);
  const n = out.length;
  // No ReadyForQuery at the end (a Flush, or a portal read in pages): the session is still this connection's.
  settleOwner(job.conn, n >= 6 && out[n - 6] === READY_FOR_QUERY && out[n - 2] === 5 ? out[n - 1]! : undefined);
  if (!skipped) return out;
  const answer = new Uint8Array(PARSE_COMPLETE.length + n);
  answer.set(PARSE_COMPLETE);
  answer.set(out, PARSE_COMPLETE.length);
  return answer;
}

/** After a connection's batch: the session stays its own unless the transaction status is idle. */
function settleOwner(conn: number, status: number | undefined): void {
  owner = status === 0x49 /* I */ ? undefined : conn;
}

/**
 * Runs a named statement as node-postgres would (Parse once per session, Bind, Describe, Execute,
 * Sync) and reads its rows with node-postgres' type parsers.
 */
async function runQuery(db: PGlite, job: Query): Promise<ThreadReply> {
  const known = prepared.get(job.name) === job.text;
  const parts = [
    ...(known ? [] : [serialize.parse({ name: job.name, text: job.text, types: [] })]),
    serialize.bind({ statement: job.name, values: job.values as unknown[], valueMapper: prepareValue }),
    serialize.describe({ type: 'P', name: '' }),
    serialize.execute({ portal: '', rows: 0 }),
    serialize.sync(),
  ];
  const out = await execute(db, Buffer.concat(parts));
  let fields: RowDescriptionMessage['fields'] = [];
  let parsers: Array<(value: string) => unknown> = [];
  const rows: Record<string, unknown>[] = [];
  let error: DatabaseError | undefined;
  let status: number | undefined;
  new Parser().parse(Buffer.from(out.buffer, out.byteOffset, out.byteLength), (message) => {
    switch (message.name) {
      case 'parseComplete':
        prepared.set(job.name, job.text);
        return;
      case 'rowDescription':
        fields = (message as RowDescriptionMessage).fields;
        parsers = fields.map((f) => textParser(f.dataTypeID));
        return;
      case 'dataRow': {
        const values = (message as DataRowMessage).fields as Array<string | null>;
        const row: Record<string, unknown> = {};
        for (let i = 0; i < fields.length; i++) row[fields[i]!.name] = values[i] === null ? null : parsers[i]!(values[i]!);
        rows.push(row);
        return;
      }
      case 'error':
        error ??= message as DatabaseError;
        return;
      case 'readyForQuery':
        status = (message as ReadyForQueryMessage).status.charCodeAt(0);
        return;
    }
  });
  settleOwner(job.conn, status);
  if (!error) return { type: 'rows', id: job.id, rows };
  const { message, ...detail } = { ...error, message: error.message };
  return { type: 'queryFailed', id: job.id, error: { message, ...detail } };
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
          await execute(db, ROLLBACK);
          owner = undefined;
        }
        continue;
      }
      try {
        if (job.kind === 'query') {
          reply(await runQuery(db, job));
          continue;
        }
        const out = await run(db, job);
        reply({ type: 'result', id: job.id, bytes: out }, [out.buffer as ArrayBuffer]);
      } catch (error) {
        reply({ type: 'failed', id: job.id, message: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    draining = false;
  }
  // Nothing to sync after a batch: PGlite's node and in-memory file systems (the only ones opened
  // here) write straight through, and their syncToFs does nothing but queue behind a lock.
  if (closeRequested) void close(db);
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
      case 'query':
        queue.push({ kind: 'query', id: request.id, conn: request.conn, name: request.name, text: request.text, values: request.values });
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
