import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeReply, RecordedRequest } from './fake-openai.js';

/**
 * A local stand-in for Anthropic's Messages API (`POST /v1/messages`) over loopback: its request
 * shape (system apart, content blocks), its response and usage fields, and its error bodies.
 * Requests are handed to `respond` in the OpenAI-like form the shared responders read.
 */
export class FakeAnthropicServer {
  readonly requests: Array<{ path: string; headers: http.IncomingHttpHeaders; body: Record<string, unknown> }> = [];
  private server: http.Server | undefined;

  constructor(public respond: (request: RecordedRequest) => FakeReply | Promise<FakeReply>) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async kill(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = req.url ?? '/';
    if (req.method !== 'POST' || new URL(path, 'http://fake').pathname !== '/v1/messages') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'Not found' } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      model: string; system?: string | Array<{ text: string }>; messages: Array<{ role: string; content: string | Array<{ type: string; text?: string }> }>;
    };
    this.requests.push({ path, headers: req.headers, body });
    const text = (c: string | Array<{ text?: string }>) => (typeof c === 'string' ? c : c.map((b) => b.text ?? '').join(''));
    const system = body.system === undefined ? [] : [{ role: 'system', content: typeof body.system === 'string' ? body.system : body.system.map((b) => b.text).join('') }];
    const reply = await this.respond({
      path, headers: req.headers,
      body: { model: body.model, messages: [...system, ...body.messages.map((m) => ({ role: m.role, content: text(m.content) }))] },
    });
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (reply.kind === 'error') {
      const type = reply.status === 429 ? 'rate_limit_error' : reply.status === 401 ? 'authentication_error' : reply.status >= 500 ? 'api_error' : 'invalid_request_error';
      res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.retryAfter !== undefined ? { 'retry-after': String(reply.retryAfter) } : {}) });
      res.end(JSON.stringify({ type: 'error', error: { type, message: reply.message } }));
      return;
    }
    const usage = reply.usage ?? { prompt_tokens: 100, completion_tokens: 50 };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({
      id: `msg_fake_${this.requests.length}`, type: 'message', role: 'assistant', model: body.model,
      content: [{ type: 'text', text: reply.content }], stop_reason: 'end_turn', stop_sequence: null,
      usage: { input_tokens: usage.prompt_tokens, output_tokens: usage.completion_tokens },
    }));
  }
}
