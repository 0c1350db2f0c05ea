/**
 * A minimal keep-alive HTTP/1.1 client for the benchmark's load generator, on loopback only.
 *
 * The load generator shares the machine's cores with the server it measures, and its own delays are
 * part of every latency it reports: node:http's client (a ClientRequest, an IncomingMessage, their
 * streams and listeners per call) costs it several times what the request itself does. This one
 * writes the request in one piece and reads the answer off the socket: a status line, headers with
 * a Content-Length (what Koa and node:http send for a JSON body), and the body. Anything else (a
 * chunked answer, a socket closed mid-answer) fails the call rather than being guessed at.
 */
import net from 'node:net';

export interface Answer {
  status: number;
  body: any;
}

export interface CallInit {
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;
const CHUNKED = /\r\ntransfer-encoding:\s*chunked/i;
const CLOSING = /\r\nconnection:\s*close/i;

/** One keep-alive connection: one call at a time (HTTP/1.1 without pipelining). */
class Connection {
  private readonly socket: net.Socket;
  private pending?: { resolve(answer: Answer): void; reject(error: Error): void };
  private buffered: Buffer = Buffer.alloc(0);
  /** Where the body starts in `buffered` and how long it is, once the headers are in. */
  private body?: { start: number; length: number; status: number; closing: boolean };
  closed = false;

  constructor(port: number, private readonly release: (c: Connection) => void) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('The server closed the connection mid-answer')));
  }

  send(request: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request);
    });
  }

  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    if (!this.body) {
      const end = this.buffered.indexOf(HEADER_END);
      if (end < 0) return;
      const head = this.buffered.toString('latin1', 0, end);
      if (CHUNKED.test(head)) return this.fail(new Error('A chunked answer: this client reads Content-Length bodies only'));
      this.body = {
        start: end + 4, length: Number(CONTENT_LENGTH.exec(head)?.[1] ?? 0), status: Number(head.slice(9, 12)), closing: CLOSING.test(head),
      };
    }
    const { start, length, status, closing } = this.body;
    if (this.buffered.length < start + length) return;
    if (this.buffered.length > start + length) return this.fail(new Error('More bytes than the answer declared'));
    const text = this.buffered.toString('utf8', start, start + length);
    const pending = this.pending;
    this.pending = undefined;
    this.body = undefined;
    this.buffered = Buffer.alloc(0);
    // An answer that closes its connection ends it here rather than returning it to the pool.
    if (closing) this.close();
    else this.release(this);
    try {
      pending?.resolve({ status, body: text ? JSON.parse(text) : undefined });
    } catch (error) {
      pending?.reject(error as Error);
    }
  }

  private fail(error: Error): void {
    this.closed = true;
    this.socket.destroy();
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }
}

/** Calls on loopback ports, each over an idle keep-alive connection to its port, or a new one. */
export class LoopbackClient {
  private readonly idle = new Map<number, Connection[]>();
  private readonly all = new Set<Connection>();

  call(url: string, init: CallInit = {}): Promise<Answer> {
    const { port, pathname, search } = new URL(url);
    const body = init.body ?? '';
    let head = `${init.method ?? 'GET'} ${pathname}${search} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`;
    for (const [name, value] of Object.entries(init.headers ?? {})) head += `${name}: ${value}\r\n`;
    // A body goes in the same write as its headers, with its length, as a browser's fetch sends JSON.
    head += `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    return this.connection(Number(port)).send(head + body);
  }

  private connection(port: number): Connection {
    let idle = this.idle.get(port);
    if (!idle) this.idle.set(port, (idle = []));
    // The server may have closed an idle connection meanwhile.
    let connection = idle.pop();
    while (connection?.closed) connection = idle.pop();
    if (connection) return connection;
    const pool = idle;
    const created = new Connection(port, (c) => pool.push(c));
    this.all.add(created);
    return created;
  }

  close(): void {
    for (const c of this.all) c.close();
    this.all.clear();
    this.idle.clear();
  }
}
