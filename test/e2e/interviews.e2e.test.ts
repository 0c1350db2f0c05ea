import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { bankQuestionFor, strong } from '../support/simulated-candidates.js';
import { registerCandidate, signInStaff, startTestApp, type TestApp } from '../support/test-app.js';

const GOOD = 'A good, detailed answer that explains the reasons and the trade-offs involved in this choice.';

describe('e2e: interview routes over HTTP', function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ INTERVIEW_STARTS_PER_HOUR: '1000' });
  });
  after(async () => t.close());

  const start = async (token: string, body: Record<string, unknown> = { role_type: 'react' }) =>
    t.request('POST', '/api/v1/interviews/start', { token, body });

  it('starts an interview with its first question as message 1', async () => {
    const { token, id } = await registerCandidate(t);
    const res = await start(token);
    expect(res.status).to.equal(201);
    expect(res.body).to.include({ candidate_id: id, role_type: 'react', status: 'in_progress', resume_id: null, total_tokens_used: 0 });
    expect(res.body.started_at).to.be.a('string');
    const messages = await t.request('GET', `/api/v1/interviews/${res.body.id}/messages`, { token });
    expect(messages.body.total_count).to.equal(1);
    expect(messages.body.messages[0]).to.include({ sequence_number: 1, message_type: 'ai_question' });
    expect(bankQuestionFor(messages.body.messages[0].content_text)).not.to.equal(undefined);
  });

  it('answers 422 listing the roles for an unknown role, 400 without a role and 404 for a foreign resume', async () => {
    const { token } = await registerCandidate(t);
    const unknown = await start(token, { role_type: 'cobol' });
    expect(unknown.status).to.equal(422);
    expect(unknown.body.detail).to.match(/Unknown role_type "cobol". Valid roles: react, javascript, typescript, node, python, java, go, fullstack, devops, data_engineering, qa_automation, system_design/);
    const none = await start(token, {});
    expect(none.status).to.equal(400);
    expect(none.body.detail).to.equal('role_type or application_id is required');
    const resume = await start(token, { role_type: 'react', resume_id: '00000000-0000-4000-8000-000000000001' });
    expect(resume.status).to.equal(404);
    const alias = await start(token, { role_type: 'Node.js' });
    expect(alias.status).to.equal(201);
    expect(alias.body.role_type).to.equal('node');
  });

  it('keeps interviews private: another candidate gets 403, an unknown id 404, a bad id 422', async () => {
    const owner = await registerCandidate(t);
    const other = await registerCandidate(t);
    const { body } = await start(owner.token);
    for (const [method, path, payload] of [
      ['GET', `/api/v1/interviews/${body.id}/messages`, undefined],
      ['GET', `/api/v1/interviews/${body.id}/status`, undefined],
      ['GET', `/api/v1/interviews/${body.id}/transcript`, undefined],
      ['GET', `/api/v1/interviews/${body.id}/results`, undefined],
      ['POST', `/api/v1/interviews/${body.id}/messages`, { message_text: GOOD }],
      ['POST', `/api/v1/interviews/${body.id}/complete`, undefined],
    ] as const) {
      const res = await t.request(method, path, { token: other.token, body: payload });
      expect(res.status, `${method} ${path}`).to.equal(403);
      expect(res.body.code, `${method} ${path}`).to.equal('ACCESS_DENIED');
    }
    const unknown = await t.request('GET', '/api/v1/interviews/00000000-0000-4000-8000-000000000000/status', { token: owner.token });
    expect(unknown.status).to.equal(404);
    // The replaced system's code, which its clients know.
    expect(unknown.body).to.deep.equal({ error: 'Not Found', code: 'INTERVIEW_NOT_FOUND', detail: 'Interview 00000000-0000-4000-8000-000000000000 not found' });
    expect((await t.request('GET', '/api/v1/interviews/not-a-uuid/status', { token: owner.token })).status).to.equal(422);
    const mine = await t.request('GET', '/api/v1/interviews', { token: other.token });
    expect(mine.body.interviews.map((i: { id: string }) => i.id)).not.to.include(body.id);
  });

  it('lets staff read but not answer a candidate interview', async () => {
    const owner = await registerCandidate(t);
    const { body } = await start(owner.token);
    const recruiter = await signInStaff(t, 'recruiter');
    expect((await t.request('GET', `/api/v1/interviews/${body.id}/transcript`, { token: recruiter.token })).status).to.equal(200);
    expect((await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token: recruiter.token, body: { message_text: GOOD } })).status).to.equal(403);
  });

  it('validates the answer: 1 to 2000 characters, not blank', async () => {
    const { token } = await registerCandidate(t);
    const { body } = await start(token);
    const empty = await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, body: { message_text: '' } });
    expect(empty.status).to.equal(422);
    expect(empty.body.detail).to.have.length(1);
    expect(empty.body.detail[0]).to.include({ type: 'too_small' });
    const blank = await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, body: { message_text: ' \n\t ' } });
    expect(blank.status).to.equal(422);
    expect(blank.body.detail).to.deep.equal([{ loc: ['body', 'message_text'], msg: 'must not be blank', type: 'custom' }]);
    expect((await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, body: { message_text: 'x'.repeat(2001) } })).status).to.equal(422);
    expect((await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, body: {} })).status).to.equal(422);
    // Text no database can store: a clear 422 saying where, instead of a failed write (500).
    for (const message_text of ['before\u0000after', 'half a pair: \ud83d.']) {
      const refused = await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, body: { message_text } });
      expect(refused.status).to.equal(422);
      expect(refused.body.detail).to.deep.equal([{
        loc: ['body', 'message_text'], msg: 'Text must not contain NUL characters (U+0000) or unpaired surrogates', type: 'invalid_text',
      }]);
    }
    const nested = await t.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'react', extra: [{ 'k\u0000': 1 }] } });
    expect(nested.status).to.equal(422);
    expect(nested.body.detail[0].loc).to.deep.equal(['body', 'extra', 0, 'k\u0000']);
    // However deep the nesting JSON allows, the check walks it (a recursive walk overflowed into a 500).
    const deep = await t.request('POST', `/api/v1/interviews/${body.id}/messages`, {
      token, raw: `{"message_text":"deep","x":${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}}`, headers: { 'content-type': 'application/json' },
    });
    expect(deep.status).to.equal(422);
    expect(deep.body.detail[0].loc).to.have.length(2 + 100_000);
    // Nothing was recorded: the interview still waits for its first answer.
    const messages = await t.request('GET', `/api/v1/interviews/${body.id}/messages`, { token });
    expect(messages.body.total_count).to.equal(1);
  });

  it('returns the turn contract and keeps sequences gap-free', async () => {
    const { token } = await registerCandidate(t);
    const { body } = await start(token);
    const first = await t.request('GET', `/api/v1/interviews/${body.id}/messages`, { token });
    const turn = await t.request('POST', `/api/v1/interviews/${body.id}/messages`, {
      token, body: { message_text: strong(first.body.messages[0].content_text, 0) },
    });
    expect(turn.status).to.equal(200);
    expect(turn.body).to.have.keys(['message_id', 'ai_response', 'question_number', 'total_questions', 'session_state', 'interview_complete']);
    expect(turn.body.question_number).to.equal(2);
    expect(turn.body.total_questions).to.equal(15);
    expect(turn.body.session_state.questions_asked).to.equal(2);
    expect(turn.body.session_state.current_difficulty).to.equal('warmup');
    expect(turn.body.interview_complete).to.equal(false);
    const messages = await t.request('GET', `/api/v1/interviews/${body.id}/messages`, { token });
    expect(messages.body.messages.map((m: { sequence_number: number }) => m.sequence_number)).to.deep.equal([1, 2, 3]);
    expect(messages.body.messages[1]).to.include({ id: turn.body.message_id, message_type: 'candidate_response' });
    expect(messages.body.messages[2].content_text).to.equal(turn.body.ai_response);
    const status = await t.request('GET', `/api/v1/interviews/${body.id}/status`, { token });
    expect(status.body).to.include({
      interview_id: body.id, status: 'in_progress', role_type: 'react', questions_asked: 2, current_difficulty: 'warmup',
      video_recording_consent: false, video_recording_status: null, job_posting_id: null,
    });
    expect(Object.keys(status.body.skill_boundaries)).to.have.length(1);
  });

  it('answers "could you repeat the question?" with the question again, counting and grading nothing', async () => {
    const { token } = await registerCandidate(t);
    const { body } = await start(token);
    const question = (await t.request('GET', `/api/v1/interviews/${body.id}/messages`, { token })).body.messages[0].content_text;
    const turn = await t.request('POST', `/api/v1/interviews/${body.id}/messages`, {
      token, body: { message_text: 'Sorry, could you repeat the question?' },
    });
    expect(turn.status).to.equal(200);
    expect(turn.body).to.deep.include({ ai_response: `Of course. Here is the question again: ${question}`, question_number: 1, interview_complete: false });
    expect(turn.body.session_state).to.deep.equal({ current_difficulty: 'warmup', skill_boundaries: {}, questions_asked: 1 });
    const answer = await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, body: { message_text: strong(question, 0) } });
    expect(answer.body.question_number).to.equal(2);
    expect(Object.values(answer.body.session_state.skill_boundaries)).to.deep.equal(['expert']);
    const messages = await t.request('GET', `/api/v1/interviews/${body.id}/messages`, { token });
    expect(messages.body.messages.map((m: { message_type: string }) => m.message_type))
      .to.deep.equal(['ai_question', 'candidate_response', 'ai_question', 'candidate_response', 'ai_question']);
    const status = await t.request('GET', `/api/v1/interviews/${body.id}/status`, { token });
    expect(status.body.questions_asked).to.equal(2);
  });

  it('replays a turn sent twice with one Idempotency-Key, and refuses the key for another answer', async () => {
    const { token } = await registerCandidate(t);
    const { body } = await start(token);
    // Sent from the frontend's origin, as a browser would: the replay header must be one its script can read.
    const headers = { 'idempotency-key': 'turn-1-abc', origin: 'http://localhost:3000' };
    const a = await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, headers, body: { message_text: GOOD } });
    const b = await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, headers, body: { message_text: GOOD } });
    expect(a.status).to.equal(200);
    expect(b.status).to.equal(200);
    expect(b.body).to.deep.equal(a.body);
    expect(b.headers.get('idempotent-replayed')).to.equal('true');
    expect(b.headers.get('access-control-expose-headers')?.split(',')).to.include('Idempotent-Replayed');
    const messages = await t.request('GET', `/api/v1/interviews/${body.id}/messages`, { token });
    expect(messages.body.total_count).to.equal(3);
    const reused = await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, headers, body: { message_text: 'Another answer.' } });
    expect(reused.status).to.equal(422);
    expect(reused.body.code).to.equal('interviews.idempotency_key_reused');
  });

  it('refuses a malformed Idempotency-Key (empty, with a space, over 255 characters) with 422, recording no turn', async () => {
    const { token } = await registerCandidate(t);
    const { body } = await start(token);
    for (const key of ['', 'two words', 'k'.repeat(256)]) {
      const res = await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, headers: { 'idempotency-key': key }, body: { message_text: GOOD } });
      expect(res.status, JSON.stringify(key)).to.equal(422);
      expect(res.body.detail).to.contain('Idempotency-Key');
    }
    const messages = await t.request('GET', `/api/v1/interviews/${body.id}/messages`, { token });
    expect(messages.body.total_count).to.equal(1);
  });

  it('scopes an Idempotency-Key to its interview: the same key answers in each of a candidate\'s interviews', async () => {
    const { token } = await registerCandidate(t);
    const first = (await start(token)).body;
    const second = (await start(token)).body;
    const headers = { 'idempotency-key': 'turn-1' };
    const a = await t.request('POST', `/api/v1/interviews/${first.id}/messages`, { token, headers, body: { message_text: GOOD } });
    const b = await t.request('POST', `/api/v1/interviews/${second.id}/messages`, { token, headers, body: { message_text: GOOD } });
    expect([a.status, b.status]).to.deep.equal([200, 200]);
    expect(b.headers.get('idempotent-replayed')).to.equal('false');
    expect(b.body.message_id).to.not.equal(a.body.message_id);
    for (const id of [first.id, second.id]) {
      const messages = await t.request('GET', `/api/v1/interviews/${id}/messages`, { token });
      expect(messages.body.total_count).to.equal(3);
    }
    const again = await t.request('POST', `/api/v1/interviews/${second.id}/messages`, { token, headers, body: { message_text: GOOD } });
    expect(again.body).to.deep.equal(b.body);
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
  });

  it('keeps sequences unique and gap-free under concurrent answers (a losing race answers 409)', async () => {
    const { token } = await registerCandidate(t);
    const { body } = await start(token);
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, body: { message_text: `${GOOD} (${i})` } })),
    );
    for (const r of results) expect(r.status).to.be.oneOf([200, 409]);
    const accepted = results.filter((r) => r.status === 200);
    expect(new Set(accepted.map((r) => r.body.question_number)).size).to.equal(accepted.length);
    const messages = await t.request('GET', `/api/v1/interviews/${body.id}/messages`, { token });
    const sequences = messages.body.messages.map((m: { sequence_number: number }) => m.sequence_number);
    expect(sequences).to.deep.equal(Array.from({ length: 1 + 2 * accepted.length }, (_, i) => i + 1));
  });

  it('with two server instances on one database, a turn on an instance that missed the last one is refused (409) and the retry goes on from where the interview is, losing and repeating nothing', async () => {
    const other = await startTestApp({ INTERVIEW_STARTS_PER_HOUR: '1000' });
    try {
      const { token } = await registerCandidate(t);
      const { body } = await start(token);
      const answer = (app: TestApp, text: string) =>
        app.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, body: { message_text: text } });
      expect((await answer(t, `${GOOD} (first)`)).body.question_number).to.equal(2);
      expect((await answer(other, `${GOOD} (second, elsewhere)`)).body.question_number).to.equal(3);
      const stale = await answer(t, `${GOOD} (third)`);
      expect(stale.status).to.equal(409);
      expect(stale.body.code).to.equal('interviews.concurrent_answer');
      const retried = await answer(t, `${GOOD} (third)`);
      expect(retried.status).to.equal(200);
      expect(retried.body.question_number).to.equal(4);
      const messages = await other.request('GET', `/api/v1/interviews/${body.id}/messages`, { token });
      const answers = messages.body.messages.filter((m: { message_type: string }) => m.message_type === 'candidate_response');
      expect(answers.map((m: { content_text: string }) => m.content_text.slice(GOOD.length + 1))).to.deep.equal(['(first)', '(second, elsewhere)', '(third)']);
      expect(messages.body.messages.map((m: { sequence_number: number }) => m.sequence_number)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    } finally {
      await other.close();
    }
  });

  it('with INTERVIEW_CACHE_MS=0 every request reads the interview afresh, so instances can take turns about', async () => {
    const [a, b] = [await startTestApp({ INTERVIEW_CACHE_MS: '0' }), await startTestApp({ INTERVIEW_CACHE_MS: '0' })];
    try {
      const { token } = await registerCandidate(a);
      const { body } = await a.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'react' } });
      for (const [i, app] of [a, b, a, b].entries()) {
        const res = await app.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, body: { message_text: `${GOOD} (${i})` } });
        expect(res.status, `turn ${i + 1}`).to.equal(200);
        expect(res.body.question_number).to.equal(i + 2);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('pages messages in the database with skip, limit and a sequence range', async () => {
    const { token } = await registerCandidate(t);
    const { body } = await start(token);
    for (let i = 0; i < 3; i++) await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, body: { message_text: `${GOOD} ${i}` } });
    const page = await t.request('GET', `/api/v1/interviews/${body.id}/messages?skip=1&limit=2`, { token });
    expect(page.body).to.include({ total_count: 7, skip: 1, limit: 2 });
    expect(page.body.messages.map((m: { sequence_number: number }) => m.sequence_number)).to.deep.equal([2, 3]);
    const range = await t.request('GET', `/api/v1/interviews/${body.id}/messages?min_sequence=4&max_sequence=6`, { token });
    expect(range.body.messages.map((m: { sequence_number: number }) => m.sequence_number)).to.deep.equal([4, 5, 6]);
    expect((await t.request('GET', `/api/v1/interviews/${body.id}/messages?limit=101`, { token })).status).to.equal(422);
    // A parameter left empty takes its default; one given twice is refused by name.
    const empty = await t.request('GET', `/api/v1/interviews/${body.id}/messages?limit=&skip=`, { token });
    expect(empty.body).to.include({ total_count: 7, skip: 0 });
    const twice = await t.request('GET', `/api/v1/interviews/${body.id}/messages?limit=5&limit=6`, { token });
    expect(twice.status).to.equal(422);
    expect(twice.body.detail).to.deep.equal([{ loc: ['query', 'limit'], msg: 'must be given once', type: 'repeated' }]);
    // A value that is no whole number says so, not how it was read ("expected number, received NaN").
    const word = await t.request('GET', `/api/v1/interviews/${body.id}/messages?limit=abc&skip=1.5`, { token });
    expect(word.status).to.equal(422);
    expect(word.body.detail.map((d: { loc: string[]; msg: string }) => [d.loc.join('.'), d.msg]))
      .to.have.deep.members([['query.limit', 'must be a whole number'], ['query.skip', 'must be a whole number']]);
    // Only decimal digits are read as numbers ("0x10" is not 16, "1e1" not 10), and a range must not run backwards.
    const spelled = await t.request('GET', `/api/v1/interviews/${body.id}/messages?skip=0x10&limit=1e1`, { token });
    expect(spelled.status).to.equal(422);
    expect(spelled.body.detail.map((d: { loc: string[]; msg: string }) => [d.loc.join('.'), d.msg]))
      .to.have.deep.members([['query.limit', 'must be a whole number'], ['query.skip', 'must be a whole number']]);
    const backwards = await t.request('GET', `/api/v1/interviews/${body.id}/messages?min_sequence=5&max_sequence=2`, { token });
    expect(backwards.status).to.equal(422);
    expect(backwards.body.detail.map((d: { loc: string[]; msg: string }) => [d.loc.join('.'), d.msg]))
      .to.deep.equal([['query.max_sequence', 'must not be less than min_sequence']]);
    const one = await t.request('GET', `/api/v1/interviews/${body.id}/messages?min_sequence=3&max_sequence=3`, { token });
    expect(one.body.messages.map((m: { sequence_number: number }) => m.sequence_number)).to.deep.equal([3]);
    const transcript = await t.request('GET', `/api/v1/interviews/${body.id}/transcript`, { token });
    expect(transcript.body.messages).to.have.length(7);
    expect(transcript.body.messages[0]).to.include({ sequence_number: 1, message_type: 'ai_question', audio_url: null });
  });

  it('completes idempotently, persists the report, and refuses answers afterwards', async () => {
    const { token } = await registerCandidate(t);
    const { body } = await start(token);
    expect((await t.request('GET', `/api/v1/interviews/${body.id}/results`, { token })).status).to.equal(409);
    await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, body: { message_text: GOOD } });
    const first = await t.request('POST', `/api/v1/interviews/${body.id}/complete`, { token });
    const second = await t.request('POST', `/api/v1/interviews/${body.id}/complete`, { token });
    expect(first.status).to.equal(200);
    expect(second.status).to.equal(200);
    expect(second.body).to.deep.equal(first.body);
    // One skill placed by one good answer (no limit found): counted, as the replaced system counted its skill → level map.
    expect(first.body).to.include({ interview_id: body.id, questions_answered: 1, skill_boundaries_identified: 1 });
    expect(first.body.skill_assessments).to.have.length(1);
    expect(first.body.highlights.length).to.be.within(1, 3);
    const after = await t.request('POST', `/api/v1/interviews/${body.id}/messages`, { token, body: { message_text: GOOD } });
    expect(after.status).to.equal(400);
    expect(after.body.code).to.equal('INTERVIEW_COMPLETED');
    const results = await t.request('GET', `/api/v1/interviews/${body.id}/results`, { token });
    expect(results.status).to.equal(200);
    expect(results.body).to.include({ interview_id: body.id, questions_answered: 1 });
    expect(results.body.recommendation.decision).to.be.oneOf(['advance', 'hold', 'decline']);
    const status = await t.request('GET', `/api/v1/interviews/${body.id}/status`, { token });
    expect(status.body.status).to.equal('completed');
    expect(status.body.completed_at).to.be.a('string');
  });

  it('lists my interviews newest first', async () => {
    const { token } = await registerCandidate(t);
    const a = await start(token);
    const b = await start(token, { role_type: 'python' });
    const list = await t.request('GET', '/api/v1/interviews', { token });
    expect(list.body.total).to.equal(2);
    expect(list.body.interviews.map((i: { id: string }) => i.id)).to.deep.equal([b.body.id, a.body.id]);
  });

  it('limits interview starts per address with 429 and Retry-After, counting only the starts that succeeded', async () => {
    const limited = await startTestApp({ INTERVIEW_STARTS_PER_HOUR: '2' });
    try {
      const { token } = await registerCandidate(limited);
      // Refused starts (an unknown role, a resume not found, no role) leave the allowance whole.
      const refusals = [{ role_type: 'cobol' }, { role_type: 'go', resume_id: randomUUID() }, {}];
      for (let round = 0; round < 2; round++) {
        for (const refusal of refusals) {
          const refused = await limited.request('POST', '/api/v1/interviews/start', { token, body: refusal });
          expect(refused.status).to.be.oneOf([400, 404, 422]);
        }
      }
      for (let i = 0; i < 2; i++) {
        expect((await limited.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'go' } })).status).to.equal(201);
      }
      const refused = await limited.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'go' } });
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('retry-after'))).to.be.within(3500, 3600);
      expect(refused.body.code).to.equal('RATE_LIMIT_EXCEEDED');
    } finally {
      await limited.close();
    }
  });

  it('counts starts by the client address a trusted proxy reports with TRUST_PROXY, and ignores X-Forwarded-For without it', async () => {
    const startAs = (app: TestApp, token: string, forwardedFor: string) =>
      app.request('POST', '/api/v1/interviews/start', { token, headers: { 'x-forwarded-for': forwardedFor }, body: { role_type: 'go' } });
    const proxied = await startTestApp({ INTERVIEW_STARTS_PER_HOUR: '1', TRUST_PROXY: '1' });
    try {
      const { token } = await registerCandidate(proxied);
      expect((await startAs(proxied, token, '203.0.113.7')).status).to.equal(201);
      expect((await startAs(proxied, token, '203.0.113.7')).status).to.equal(429);
      // Another client behind the same proxy has its own allowance; a forged entry before the proxy's own is not read.
      expect((await startAs(proxied, token, '198.51.100.2')).status).to.equal(201);
      expect((await startAs(proxied, token, '192.0.2.99, 203.0.113.7')).status).to.equal(429);
    } finally {
      await proxied.close();
    }
    const direct = await startTestApp({ INTERVIEW_STARTS_PER_HOUR: '1' });
    try {
      const { token } = await registerCandidate(direct);
      expect((await startAs(direct, token, '203.0.113.7')).status).to.equal(201);
      // Without a trusted proxy the header is anyone's to send: a new value per request buys no new start.
      expect((await startAs(direct, token, '198.51.100.2')).status).to.equal(429);
    } finally {
      await direct.close();
    }
  });
});
