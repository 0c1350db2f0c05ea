import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { singleColumnPdf } from '../support/fixtures/resumes.js';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Database } from '../../src/adapters/postgres/database.js';
import { DatabaseHealth } from '../../src/ports/database-health.js';
import { startTestApp } from '../support/test-app.js';

describe('e2e: health and process lifecycle', function () {
  this.timeout(60_000);

  it('answers 503 degraded when the database is unreachable', async () => {
    const poolErrors: string[] = [];
    const unreachable = await Database.open({
      url: 'postgres://postgres@127.0.0.1:1/none', log: { warn: (m) => poolErrors.push(m), error: (m) => poolErrors.push(m) },
    });
    const t = await startTestApp({}, { overrides: [[DatabaseHealth, unreachable]] });
    try {
      const res = await t.request('GET', '/health');
      expect(res.status).to.equal(503);
      expect(res.body.status).to.equal('degraded');
      expect(res.body.database).to.deep.equal({ status: 'disconnected', driver: 'postgres' });
      // knex's own pool errors reach the given log, not the console.
      expect(poolErrors.join('\n')).to.match(/ECONNREFUSED/);
    } finally {
      await t.close();
      await unreachable.close();
    }
  });

  it('starts on a fresh data dir, serves, and on SIGTERM finishes in-flight work and exits 0', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout! });
    let port = 0;
    for await (const line of lines) {
      const entry = JSON.parse(line) as { port?: number; msg: string };
      if (entry.port) {
        port = entry.port;
        break;
      }
    }
    expect(port).to.be.greaterThan(0);
    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { database: unknown };
    expect(health.database).to.deep.equal({ status: 'connected', driver: 'pglite' });
    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'shutdown@example.com', password: 'correct horse battery', full_name: 'Shut Down' }),
    });
    // Sent after the request is on the wire: the server must finish it before exiting.
    setImmediate(() => child.kill('SIGTERM'));
    const started = Date.now();
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).to.equal(0);
    expect(Date.now() - started).to.be.lessThan(10_000);
    expect((await inFlight).status).to.equal(201);
  });

  it('keeps queued resume jobs across a restart: the next process parses what the last one left', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-'));
    const boot = async (worker: 'on' | 'off') => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
        env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', JOB_WORKER: worker },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      for (;;) {
        const { value, done } = await lines.next();
        if (done) throw new Error('the server exited before listening');
        const entry = JSON.parse(value) as { port?: number };
        if (entry.port) return { child, lines, base: `http://127.0.0.1:${entry.port}` };
      }
    };
    const first = await boot('off');
    const reg = await fetch(`${first.base}/api/v1/auth/register`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'restart@example.com', password: 'correct horse battery', full_name: 'Re Start' }),
    });
    const { token } = (await reg.json()) as { token: string };
    const form = new FormData();
    form.append('file', new Blob([await singleColumnPdf()]), 'cv.pdf');
    const up = await fetch(`${first.base}/api/v1/resumes/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const { id } = (await up.json()) as { id: string };
    first.child.kill('SIGTERM');
    expect((await once(first.child, 'exit'))[0]).to.equal(0);

    const second = await boot('on');
    try {
      // The worker logs each job it finishes: parse, then review.
      const finished: string[] = [];
      while (finished.length < 2) {
        const { value, done } = await second.lines.next();
        if (done) throw new Error('the server exited while jobs were pending');
        const entry = JSON.parse(value) as { msg: string; jobType?: string };
        if (entry.msg === 'job succeeded') finished.push(entry.jobType!);
      }
      expect(finished).to.deep.equal(['resume.parse', 'resume.review']);
      const status = (await (await fetch(`${second.base}/api/v1/resumes/${id}/parsing-status`, { headers: { authorization: `Bearer ${token}` } })).json()) as { status: string };
      expect(status.status).to.equal('completed');
    } finally {
      second.child.kill('SIGTERM');
      await once(second.child, 'exit');
    }
  });
});
