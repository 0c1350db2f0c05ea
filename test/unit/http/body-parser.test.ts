import { expect } from 'chai';
import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { readBody } from '../../../src/adapters/http/body-parser.js';
import { HttpError } from '../../../src/adapters/http/http-errors.js';
import { rejection } from '../../support/rejection.js';

/** A request whose body is the stream returned, with optional headers. */
function request(headers: Record<string, string> = {}) {
  const body = new PassThrough();
  const ctx = { get: (name: string) => headers[name.toLowerCase()] ?? '', req: body as unknown as IncomingMessage };
  return { ctx, body };
}

describe('readBody', () => {
  it('joins the chunks in order', async () => {
    const { ctx, body } = request();
    const read = readBody(ctx, 100);
    body.write('{"a":');
    body.write(Buffer.from('"é"'));
    body.end('}');
    expect((await read).toString('utf8')).to.equal('{"a":"é"}');
  });

  it('reads an empty body as an empty buffer', async () => {
    const { ctx, body } = request();
    const read = readBody(ctx, 100);
    body.end();
    expect((await read).length).to.equal(0);
  });

  it('reads a body something else already read to its end as empty, instead of waiting for an end that came', async () => {
    const { ctx, body } = request();
    body.resume();
    body.end('{"a":1}');
    await new Promise((resolve) => body.once('end', resolve));
    expect((await readBody(ctx, 100)).length).to.equal(0);
  });

  it('refuses a declared length over the limit before reading anything', async () => {
    const { ctx, body } = request({ 'content-length': '101' });
    const error = await rejection(readBody(ctx, 100));
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).status).to.equal(413);
    expect(body.listenerCount('data')).to.equal(0);
  });

  it('refuses an undeclared body once it passes the limit, and drains the rest unread', async () => {
    const { ctx, body } = request();
    const read = readBody(ctx, 10);
    body.write('0123456789');
    body.write('a');
    const error = await rejection(read);
    expect((error as HttpError).status).to.equal(413);
    expect(error.message).to.equal('Request body is larger than the limit of 10 bytes');
    body.end('more that nobody reads');
    await new Promise((resolve) => body.once('end', resolve));
    expect(body.listenerCount('data')).to.equal(0);
  });

  it('rejects with 400 when the client goes away mid-body, instead of waiting for ever', async () => {
    const { ctx, body } = request();
    const read = readBody(ctx, 100);
    body.write('{"half":');
    body.destroy();
    const error = await rejection(read);
    expect((error as HttpError).status).to.equal(400);
    expect(error.message).to.equal('The request body ended before it was complete');
  });

  it('passes on a stream error', async () => {
    const { ctx, body } = request();
    const read = readBody(ctx, 100);
    body.destroy(new Error('socket reset'));
    expect((await rejection(read)).message).to.equal('socket reset');
  });
});
