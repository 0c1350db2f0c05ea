import { expect } from 'chai';
import { resolveFrom } from '../../src/adapters/di.js';
import { JwtAccessTokens } from '../../src/adapters/security/access-tokens.jwt.js';
import { FixedClock } from '../../src/adapters/system/clock.system.js';
import { UnitOfWork } from '../../src/ports/unit-of-work.js';
import { registerCandidate, startTestApp, TEST_JWT_SECRET, type TestApp, uniqueEmail } from '../support/test-app.js';

describe('e2e: accounts and auth over HTTP', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '4096', ALLOWED_ORIGINS: 'http://localhost:3000' });
  });
  after(async () => t.close());

  it('registers, logs in and reads /auth/me', async () => {
    const email = uniqueEmail();
    const reg = await t.request('POST', '/api/v1/auth/register', {
      body: { email, password: 'correct horse battery', full_name: 'Grace Hopper', phone: '+1 555 0100' },
    });
    expect(reg.status).to.equal(201);
    expect(reg.body).to.include({ email, full_name: 'Grace Hopper', role: 'candidate' });
    expect(reg.body.candidate_id).to.match(/^[0-9a-f-]{36}$/);
    const login = await t.request('POST', '/api/v1/auth/login', { body: { email: email.toUpperCase(), password: 'correct horse battery' } });
    expect(login.status).to.equal(200);
    expect(login.body.candidate_id).to.equal(reg.body.candidate_id);
    const me = await t.request('GET', '/api/v1/auth/me', { token: login.body.token });
    expect(me.status).to.equal(200);
    expect(me.body).to.include({ id: reg.body.candidate_id, email, full_name: 'Grace Hopper', phone: '+1 555 0100', role: 'candidate', status: 'active' });
  });

  it('serves the frontend alias /candidates/register', async () => {
    const res = await t.request('POST', '/api/v1/candidates/register', {
      body: { email: uniqueEmail(), password: 'correct horse battery', full_name: 'Alias User' },
    });
    expect(res.status).to.equal(201);
    expect(res.body.token).to.be.a('string');
  });

  it('refuses a duplicate email in another case with 400', async () => {
    const { email } = await registerCandidate(t);
    const res = await t.request('POST', '/api/v1/auth/register', {
      body: { email: email.toUpperCase(), password: 'correct horse battery', full_name: 'Twin' },
    });
    expect(res.status).to.equal(400);
    expect(res.body).to.deep.equal({ error: 'Bad Request', code: 'accounts.email_taken', detail: 'Email already registered' });
  });

  it('answers 422 with field details for invalid registration fields', async () => {
    const res = await t.request('POST', '/api/v1/auth/register', { body: { email: 'not-an-email', password: 'short', full_name: 'X' } });
    expect(res.status).to.equal(422);
    const locs = (res.body.detail as Array<{ loc: string[] }>).map((d) => d.loc.join('.'));
    expect(locs).to.include.members(['body.email', 'body.password', 'body.full_name']);
  });

  it('answers one generic 401 for a wrong password and an unknown email', async () => {
    const { email } = await registerCandidate(t);
    const wrong = await t.request('POST', '/api/v1/auth/login', { body: { email, password: 'wrong password' } });
    const unknown = await t.request('POST', '/api/v1/auth/login', { body: { email: uniqueEmail(), password: 'wrong password' } });
    expect(wrong.status).to.equal(401);
    expect(unknown.status).to.equal(401);
    expect(wrong.body).to.deep.equal(unknown.body);
    expect(wrong.body.detail).to.equal('Invalid email or password');
  });

  it('locks out after five failures with 429 and Retry-After, even with the right password', async () => {
    const { email } = await registerCandidate(t);
    for (let i = 0; i < 5; i++) {
      expect((await t.request('POST', '/api/v1/auth/login', { body: { email, password: 'bad password' } })).status).to.equal(401);
    }
    const locked = await t.request('POST', '/api/v1/auth/login', { body: { email, password: 'correct horse battery' } });
    expect(locked.status).to.equal(429);
    expect(Number(locked.headers.get('retry-after'))).to.be.within(14 * 60, 15 * 60);
    expect(locked.body.detail).to.match(/Too many failed login attempts/);
  });

  it('locks out concurrent guesses too: of many sent at once, at most five are checked, and the right password then gets 429', async () => {
    const { email } = await registerCandidate(t);
    const statuses = await Promise.all(Array.from({ length: 12 }, async () =>
      (await t.request('POST', '/api/v1/auth/login', { body: { email, password: 'bad password' } })).status));
    expect(statuses.filter((s) => s === 401).length).to.be.at.most(5);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).to.deep.equal([]);
    expect((await t.request('POST', '/api/v1/auth/login', { body: { email, password: 'correct horse battery' } })).status).to.equal(429);
  });

  it('refuses a disabled account at login and with a token it already has', async () => {
    const { email, token, id } = await registerCandidate(t);
    const uow = resolveFrom(t.app.container, UnitOfWork);
    const account = (await uow.repositories.accounts.findById(id))!;
    await uow.transaction((r) => r.accounts.save({ ...account, status: 'inactive' }));
    expect((await t.request('POST', '/api/v1/auth/login', { body: { email, password: 'correct horse battery' } })).status).to.equal(401);
    const me = await t.request('GET', '/api/v1/auth/me', { token });
    expect(me.status).to.equal(401);
    expect(me.headers.get('www-authenticate')).to.equal('Bearer');
  });

  it('refuses missing, expired, tampered and foreign-subject tokens with 401 and WWW-Authenticate', async () => {
    const { token, id } = await registerCandidate(t);
    const expired = await new JwtAccessTokens(TEST_JWT_SECRET, 1, new FixedClock(new Date('2020-01-01T00:00:00Z'))).issue({
      accountId: id, role: 'candidate',
    });
    const tampered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    // Signed with the app's secret, but its subject is no account id at all.
    const foreign = await new JwtAccessTokens(TEST_JWT_SECRET, 1, new FixedClock(new Date())).issue({ accountId: 'not-a-uuid', role: 'candidate' });
    for (const bad of [undefined, expired.token, tampered, 'not.a.jwt', foreign.token]) {
      const res = await t.request('GET', '/api/v1/auth/me', { token: bad });
      expect(res.status).to.equal(401);
      expect(res.headers.get('www-authenticate')).to.equal('Bearer');
      expect(res.body.detail).to.equal('Could not validate credentials');
    }
  });

  it('answers 400 with a clear detail for malformed JSON', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { raw: '{"email": "a@b.c", ', headers: { 'content-type': 'application/json' } });
    expect(res.status).to.equal(400);
    expect(res.body.detail).to.match(/^Malformed JSON in request body/);
    // Where it failed, never a quote of the body (a password, say) back.
    const quoted = await t.request('POST', '/api/v1/auth/login', { raw: 'hunter2-secret', headers: { 'content-type': 'application/json' } });
    expect(quoted.status).to.equal(400);
    expect(quoted.body.detail).to.match(/^Malformed JSON in request body/);
    expect(quoted.body.detail).to.not.include('hunter2');
  });

  it('refuses a JSON body that is not UTF-8 with 400 instead of storing replacement characters, and reads one opening with a byte order mark', async () => {
    const { token } = await registerCandidate(t);
    const latin1 = Buffer.concat([Buffer.from('{"skills":["'), Buffer.from([0xff, 0xfe]), Buffer.from(' go"]}')]);
    const refused = await t.request('PUT', '/api/v1/profile/skills', { token, raw: latin1, headers: { 'content-type': 'application/json' } });
    expect(refused.status).to.equal(400);
    expect(refused.body.detail).to.equal('The request body is not valid UTF-8');
    expect((await t.request('GET', '/api/v1/profile', { token })).body.skills).to.deep.equal([]);
    const bom = await t.request('PUT', '/api/v1/profile/skills', { token, raw: `\ufeff${JSON.stringify({ skills: ['Go'] })}`, headers: { 'content-type': 'application/json' } });
    expect(bom.status).to.equal(200);
    expect(bom.body.skills).to.deep.equal(['go']);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await t.request('POST', '/api/v1/auth/register', {
      body: { email: uniqueEmail(), password: 'correct horse battery', full_name: 'x'.repeat(8000) },
    });
    expect(res.status).to.equal(413);
    expect(res.body.detail).to.match(/larger than the limit of 4096 bytes/);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.request('GET', '/api/v1/nope');
    expect(res.status).to.equal(404);
    expect(res.body).to.deep.equal({ detail: 'Not Found: GET /api/v1/nope' });
  });

  it('answers a method a route does not have with 405, the methods it has, and JSON', async () => {
    const res = await t.request('DELETE', '/api/v1/auth/login');
    expect(res.status).to.equal(405);
    expect(res.headers.get('allow')).to.equal('POST');
    expect(res.body).to.deep.equal({ detail: 'Method not allowed' });
    const options = await t.request('OPTIONS', '/api/v1/auth/login');
    expect(options.status).to.equal(200);
    expect(options.headers.get('allow')).to.equal('POST');
    const unknown = await t.request('PROPFIND', '/api/v1/auth/login');
    expect(unknown.status).to.equal(501);
    expect(unknown.body).to.deep.equal({ detail: 'Not implemented: PROPFIND' });
  });

  it('answers CORS preflight for an allowed origin with credentials, and not for others', async () => {
    const ok = await t.request('OPTIONS', '/api/v1/auth/login', {
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(ok.status).to.equal(204);
    expect(ok.headers.get('access-control-allow-origin')).to.equal('http://localhost:3000');
    expect(ok.headers.get('access-control-allow-credentials')).to.equal('true');
    expect(ok.headers.get('access-control-allow-methods')).to.contain('POST');
    const evil = await t.request('OPTIONS', '/api/v1/auth/login', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.headers.get('access-control-allow-origin')).to.equal(null);
  });

  it('tolerates a trailing slash, echoes X-Request-Id and sets security headers', async () => {
    const { token } = await registerCandidate(t);
    const res = await t.request('GET', '/api/v1/auth/me/', { token, headers: { 'x-request-id': 'trace-123' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('x-request-id')).to.equal('trace-123');
    expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(res.headers.get('x-frame-options')).to.equal('DENY');
    const generated = await t.request('GET', '/health');
    expect(generated.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
  });

  it('sets the security headers on error answers too', async () => {
    for (const res of [await t.request('GET', '/api/v1/auth/me'), await t.request('GET', '/api/v1/no-such-route')]) {
      expect(res.status).to.be.oneOf([401, 404]);
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('x-frame-options')).to.equal('DENY');
      expect(res.headers.get('content-security-policy')).to.equal("default-src 'none'; frame-ancestors 'none'");
    }
    // The frontend reads error bodies across origins: CORS headers stay on them.
    const refused = await t.request('GET', '/api/v1/auth/me', { headers: { origin: 'http://localhost:3000' } });
    expect(refused.status).to.equal(401);
    expect(refused.headers.get('access-control-allow-origin')).to.equal('http://localhost:3000');
  });

  it('logs one line per request with method, path, status, duration and id, and never a password or token', async () => {
    const before = t.logger.entries.length;
    const email = uniqueEmail();
    await t.request('POST', '/api/v1/auth/register', { body: { email, password: 'secret-password-123', full_name: 'Logged' }, headers: { 'x-request-id': 'log-check-1' } });
    const lines = t.logger.entries.slice(before).filter((e) => e.fields.requestId === 'log-check-1');
    expect(lines).to.have.length(1);
    expect(lines[0]!.fields).to.include({ method: 'POST', path: '/api/v1/auth/register', status: 201, requestId: 'log-check-1' });
    expect(lines[0]!.fields.durationMs).to.be.a('number');
    const all = JSON.stringify(t.logger.entries);
    expect(all).not.to.contain('secret-password-123');
    expect(all).not.to.contain('eyJ');
  });

  it('reports health with the embedded driver', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ status: 'healthy', version: t.app.version });
    expect(res.body.database).to.deep.equal({ status: 'connected', driver: 'pglite' });
    expect(new Date(res.body.timestamp).toString()).not.to.equal('Invalid Date');
  });

  it('serves an OpenAPI 3.1 document and a docs page', async () => {
    const doc = await t.request('GET', '/openapi.json');
    expect(doc.status).to.equal(200);
    expect(doc.body.openapi).to.equal('3.1.0');
    expect(doc.body.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema.properties)
      .to.have.keys(['email', 'password', 'full_name', 'phone']);
    expect(doc.body.paths['/api/v1/auth/me'].get.security).to.deep.equal([{ bearerAuth: [] }]);
    const docs = await t.request('GET', '/docs');
    expect(docs.status).to.equal(200);
    expect(docs.headers.get('content-type')).to.contain('text/html');
    expect(docs.text).to.contain('/docs/app.js');
    // The page's own content policy (it runs its script and fetches the document), not the API's default.
    expect(docs.headers.get('content-security-policy')).to.contain("script-src 'self'");
    expect(docs.headers.get('x-frame-options')).to.equal('DENY');
  });
});
