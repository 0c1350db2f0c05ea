import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers to one chat-completions request. */
export type FakeReply =
  | {
    kind: 'json'; content: string; delayMs?: number; chunkDelayMs?: number; usage?: { prompt_tokens: number; completion_tokens: number };
    /** Sends the headers and this many chunks of a streamed reply (of a plain one, half its body), then nothing more until the client goes. */
    stallAfter?: number;
  }
  | { kind: 'error'; status: number; message: string; retryAfter?: number; delayMs?: number };

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: { model: string; messages: Array<{ role: string; content: string }>; stream?: boolean; [k: string]: unknown };
}

/**
 * A local stand-in for the OpenAI API that speaks its wire format over HTTP on loopback:
 * `POST /v1/chat/completions`, JSON or streamed (`data: {chunk}` lines ending with `data: [DONE]`),
 * and its error bodies. `respond` decides each reply from the request.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  /** Per streamed reply: when its last chunk was written, or that the client went away first. */
  readonly streams: Array<{ finishedAt?: number; clientClosedEarly: boolean }> = [];
  private server: http.Server | undefined;
  private readonly sockets = new Set<import('node:net').Socket>();

  constructor(public respond: (request: RecordedRequest) => FakeReply | Promise<FakeReply>) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  /** Stops at once, cutting open connections: a vendor outage. */
  async kill(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || !new URL(req.url ?? '/', 'http://fake').pathname.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Not found', type: 'invalid_request_error' } }));
      return;
    }
    const recorded: RecordedRequest = { path: req.url ?? '/', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
    this.requests.push(recorded);
    const reply = await this.respond(recorded);
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    if (reply.kind === 'error') {
      res.writeHead(reply.status, {
        'content-type': 'application/json',
        ...(reply.retryAfter !== undefined ? { 'retry-after': String(reply.retryAfter) } : {}),
      });
      res.end(JSON.stringify({ error: { message: reply.message, type: reply.status === 429 ? 'rate_limit_exceeded' : 'api_error', code: null } }));
      return;
    }
    const id = `chatcmpl-fake-${this.requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    const model = recorded.body.model;
    const usage = reply.usage ?? { prompt_tokens: Math.ceil(JSON.stringify(recorded.body.messages).length / 4), completion_tokens: Math.ceil(reply.content.length / 4) };
    if (recorded.body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const record: { finishedAt?: number; clientClosedEarly: boolean } = { clientClosedEarly: false };
      this.streams.push(record);
      res.on('close', () => {
        if (!res.writableFinished) record.clientClosedEarly = true;
      });
      const pieces = reply.content.match(/.{1,12}/gs) ?? [''];
      for (const [n, piece] of pieces.entries()) {
        if (reply.stallAfter !== undefined && n >= reply.stallAfter) return;
        if (reply.chunkDelayMs) await new Promise((r) => setTimeout(r, reply.chunkDelayMs));
        if (res.destroyed) return;
        res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`);
      }
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}\n\n`);
      res.end('data: [DONE]\n\n');
      record.finishedAt = Date.now();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    if (reply.stallAfter !== undefined) {
      res.write(JSON.stringify({ id, object: 'chat.completion', created, model }).slice(0, 40));
      return;
    }
    res.end(JSON.stringify({
      id, object: 'chat.completion', created, model,
      choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop', logprobs: null }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    }));
  }
}
