import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { resolveFrom } from '../../src/adapters/di.js';
import { RegisterAccount } from '../../src/domain/accounts/index.js';
import { RecordingLogger } from '../../src/adapters/system/logger.pino.js';
import { bootstrap, type App, type BootstrapOptions } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/app/config.js';
import { sharedPglite } from './databases.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

export interface TestApp {
  app: App;
  baseUrl: string;
  logger: RecordingLogger;
  request(method: string, path: string, init?: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string | Buffer }): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** The composed app (embedded database, offline providers) listening on a loopback port. */
export async function startTestApp(env: Record<string, string> = {}, options: BootstrapOptions = {}): Promise<TestApp> {
  const logger = new RecordingLogger();
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', DATA_DIR: '.tmp/test-data', ...env });
  const app = await bootstrap(config, { logger, database: options.database ?? (await sharedPglite()), ...options });
  const server: Server = app.http.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    baseUrl,
    logger,
    async request(method, path, init = {}) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      let body: string | Buffer | undefined = init.raw;
      if (init.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = JSON.stringify(init.body);
      }
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      const res = await fetch(baseUrl + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}

let counter = 0;
/** A unique email per call, so tests sharing one database never collide. */
export const uniqueEmail = (prefix = 'user') =>
  `${prefix}.${Date.now().toString(36)}.${(counter++).toString(36)}.${Math.random().toString(36).slice(2, 8)}@example.com`;

export async function registerCandidate(t: TestApp, overrides: Record<string, unknown> = {}) {
  const email = uniqueEmail();
  const res = await t.request('POST', '/api/v1/auth/register', {
    body: { email, password: 'correct horse battery', full_name: 'Test Candidate', ...overrides },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
  return { email, token: res.body.token as string, id: res.body.candidate_id as string };
}

/** A staff account (recruiter or admin) made as the CLI makes it, signed in over HTTP. */
export async function signInStaff(t: TestApp, role: 'recruiter' | 'admin') {
  const email = uniqueEmail(role);
  await resolveFrom(t.app.container, RegisterAccount).create({ email, password: 'staff password 123', fullName: `Staff ${role}`, role });
  const login = await t.request('POST', '/api/v1/auth/login', { body: { email, password: 'staff password 123' } });
  if (login.status !== 200) throw new Error(`staff login failed: ${login.status} ${login.text}`);
  return { email, token: login.body.token as string, id: login.body.candidate_id as string };
}
