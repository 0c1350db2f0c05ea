import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LoopbackClient } from '../../../bench/loopback-client.js';

/** The bench's load-generator client against a node:http server on loopback. */
describe('bench LoopbackClient', () => {
  let server: http.Server;
  let base: string;
  const sockets = new Set<unknown>();
  let client: LoopbackClient;

  beforeEach(async () => {
    sockets.clear();
    server = http.createServer((req, res) => {
      sockets.add(req.socket);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (req.url === '/chunked') {
          res.write('{"a":');
          res.end('1}');
          return;
        }
        if (req.url === '/close') res.setHeader('Connection', 'close');
        if (req.url === '/empty') {
          res.statusCode = 204;
          res.end();
          return;
        }
        res.statusCode = req.method === 'POST' ? 201 : 200;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({
          method: req.method, url: req.url, body, auth: req.headers.authorization ?? null, length: req.headers['content-length'], text: 'ünïcode ✓',
        }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = new LoopbackClient();
  });

  afterEach(async () => {
    client.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends method, path with query, headers and a body with its length, and reads status and JSON body', async () => {
    const body = JSON.stringify({ message_text: 'héllo' });
    const answer = await client.call(`${base}/api/v1/x?limit=5`, { method: 'POST', body, headers: { authorization: 'Bearer t' } });
    expect(answer.status).to.equal(201);
    expect(answer.body).to.deep.equal({
      method: 'POST', url: '/api/v1/x?limit=5', body, auth: 'Bearer t', length: String(Buffer.byteLength(body)), text: 'ünïcode ✓',
    });
  });

  it('reuses one keep-alive connection for calls made one after another', async () => {
    for (let i = 0; i < 3; i++) expect((await client.call(`${base}/n${i}`)).body.url).to.equal(`/n${i}`);
    expect(sockets.size).to.equal(1);
  });

  it('opens a connection per call in flight at once', async () => {
    const answers = await Promise.all([1, 2, 3].map((i) => client.call(`${base}/p${i}`)));
    expect(answers.map((a) => a.body.url)).to.deep.equal(['/p1', '/p2', '/p3']);
    expect(sockets.size).to.equal(3);
  });

  it('answers an empty body as undefined', async () => {
    const answer = await client.call(`${base}/empty`);
    expect(answer).to.deep.equal({ status: 204, body: undefined });
  });

  it('refuses a chunked answer rather than misreading it, and the next call still works', async () => {
    let error: unknown;
    await client.call(`${base}/chunked`).catch((e: unknown) => { error = e; });
    expect((error as Error).message).to.match(/chunked/);
    expect((await client.call(`${base}/after`)).body.url).to.equal('/after');
  });

  it('uses a new connection after an answer that closes its own', async () => {
    await client.call(`${base}/close`);
    expect((await client.call(`${base}/second`)).body.url).to.equal('/second');
    expect(sockets.size).to.equal(2);
  });
});
