import { expect } from 'chai';
import { registerCandidate, signInStaff, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every documented route, asked badly — unknown, foreign and malformed ids, bodies of the wrong shape
 * and type, out-of-range queries, with and without a token — answers a 4xx (or a success) with a JSON
 * `detail`, never a 5xx.
 */
/** A JSON body with text no database can store: 422 from the body parser, on every route alike. */
const UNSTORABLE = { message_text: 'nul \u0000 inside', full_name: 'half a pair \ud83d' };

describe('e2e: malformed requests to every route', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ INTERVIEW_STARTS_PER_HOUR: '100000' });
  });
  after(async () => t.close());

  it('answers each with a client error, never a server error, and one without a token for signed-in users 401', async function () {
    this.timeout(60_000);
    const candidate = await registerCandidate(t);
    const admin = await signInStaff(t, 'admin');
    const interview = await t.request('POST', '/api/v1/interviews/start', { token: candidate.token, body: { role_type: 'react' } });
    const paths = (await t.request('GET', '/openapi.json')).body.paths as Record<string, Record<string, unknown>>;
    const ids = ['00000000-0000-4000-8000-000000000000', interview.body.id as string, 'not-an-id', '%00', '..%2F..%2Fetc%2Fpasswd', '%ED%A0%80', 'a'.repeat(300)];
    const bodies: unknown[] = [
      {}, [], 'text', 42, null, { nested: { deeper: [1, { x: 'y' }] } },
      { role_type: 7, message_text: ['x'], email: {}, password: 1, full_name: null, skills: 'x', phone: 9, providers: 'x', status: 'weird' },
      { role_type: 'x'.repeat(10_000), message_text: 'x'.repeat(3000), full_name: 'n'.repeat(5000) },
      UNSTORABLE,
    ];
    const queries = ['', '?skip=-1&limit=100000', '?skip=abc&limit=1.5', '?from=2026-13-40&to=x&min_sequence=99999999999'];
    const failures: string[] = [];
    const undocumented = new Set<string>();
    let asked = 0;
    for (const [template, methods] of Object.entries(paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        const operation = methods[method.toLowerCase()] as { security?: unknown; responses: Record<string, unknown> };
        const signedInOnly = Boolean(operation.security);
        for (const id of ids) {
          const path = template.replace(/\{[^}]+\}/g, id);
          for (const token of [candidate.token, admin.token, undefined]) {
            for (const body of method === 'GET' ? [undefined] : bodies) {
              for (const query of method === 'GET' ? queries : ['']) {
                const res = await t.request(method, path + query, { token, ...(body === undefined ? {} : { body }) });
                asked++;
                const clear = res.status < 400 || (res.status < 500 && res.body && 'detail' in res.body);
                // Without a token a route for signed-in users says only that: 401, whatever its params, query or body say
                // (but for text no database can store, refused as the body is read, before any route: see the README's errors).
                const refused = !(signedInOnly && token === undefined) || body === UNSTORABLE || res.status === 401;
                if (!(String(res.status) in operation.responses)) undocumented.add(`${method} ${template} → ${res.status}`);
                if (!clear || !refused) failures.push(`${method} ${path}${query} ${JSON.stringify(body)?.slice(0, 60)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 100)}`);
              }
            }
          }
        }
      }
    }
    expect(asked).to.be.greaterThan(500);
    expect(failures).to.deep.equal([]);
    // The OpenAPI document lists every status a route answered.
    expect([...undocumented]).to.deep.equal([]);
  });

  it('answers a body that is not JSON with 415 saying what to send, and lets a bodiless POST through', async () => {
    const { token } = await registerCandidate(t);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await t.request('POST', '/api/v1/interviews/start', { token, raw: '{"role_type":"react"}', headers: { 'content-type': type } });
      expect(res.status, type).to.equal(415);
      expect(res.body.detail).to.equal(`Send the request body as JSON with Content-Type: application/json (got ${type})`);
    }
    const started = await t.request('POST', '/api/v1/interviews/start', { token, raw: '{"role_type":"react"}', headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(started.status).to.equal(201);
    const completed = await t.request('POST', `/api/v1/interviews/${started.body.id}/complete`, { token, raw: '', headers: { 'content-type': 'text/plain' } });
    expect(completed.status).to.equal(200);
  });
});
