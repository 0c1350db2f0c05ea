import { expect } from 'chai';
import Koa from 'koa';
import { container } from 'tsyringe';
import { loggedPath, requestScope } from '../../../src/adapters/http/request-scope.js';
import type { Logger } from '../../../src/ports/logger.js';

describe('request scope: one log line per request', () => {
  it('logs a signed download link\'s path without its token, which alone fetches the file', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = { info: (fields: Record<string, unknown>) => lines.push(fields) } as unknown as Logger;
    const app = new Koa();
    app.use(requestScope(container, logger));
    app.use((ctx) => {
      ctx.body = 'ok';
    });
    const server = app.listen(0, '127.0.0.1');
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as { port: number };
      const token = 'eyJhbGciOiJIUzI1NiJ9.eyJrZXkiOiJyZXN1bWVzL2EvYi5wZGYifQ.c2lnbmF0dXJl';
      await (await fetch(`http://127.0.0.1:${port}/api/v1/files/${token}?x=1`)).text();
      await (await fetch(`http://127.0.0.1:${port}/api/v1/resumes/123`)).text();
      expect(lines.map((l) => l.path)).to.deep.equal(['/api/v1/files/[redacted]', '/api/v1/resumes/123']);
      expect(JSON.stringify(lines)).to.not.include(token);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(loggedPath('/api/v1/files/abc/def')).to.equal('/api/v1/files/[redacted]/def');
  });
});
