import { expect } from 'chai';
import { parseSse } from '../support/sse.js';
import { registerCandidate, startTestApp, type TestApp } from '../support/test-app.js';

describe('e2e: streamed interview turns (Server-Sent Events)', function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ INTERVIEW_STARTS_PER_HOUR: '1000' });
  });
  after(async () => t.close());

  const start = async (token: string) =>
    (await t.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'javascript' } })).body.id as string;

  it('streams the next question word by word, then one final event with the non-streaming payload', async () => {
    const { token } = await registerCandidate(t);
    const id = await start(token);
    const res = await fetch(`${t.baseUrl}/api/v1/interviews/${id}/messages/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ message_text: 'A closure keeps access to the variables of the scope where it was created.' }),
    });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.contain('text/event-stream');
    expect(res.headers.get('x-request-id')).to.be.a('string');
    const events = parseSse(await res.text());
    const tokens = events.filter((e) => e.event === 'token');
    const finals = events.filter((e) => e.event === 'final');
    expect(tokens.length).to.be.greaterThan(3);
    expect(finals).to.have.length(1);
    expect(events[events.length - 1]!.event).to.equal('final');
    const final = finals[0]!.data;
    expect(final).to.have.keys(['message_id', 'ai_response', 'question_number', 'total_questions', 'session_state', 'interview_complete']);
    expect(tokens.map((e) => e.data.text).join('')).to.equal(final.ai_response);
    const messages = await t.request('GET', `/api/v1/interviews/${id}/messages`, { token });
    expect(messages.body.messages.map((m: { sequence_number: number }) => m.sequence_number)).to.deep.equal([1, 2, 3]);
    expect(messages.body.messages[2].content_text).to.equal(final.ai_response);
  });

  it('replays a repeated Idempotency-Key as one token and the stored final event, saying so in Idempotent-Replayed', async () => {
    const { token } = await registerCandidate(t);
    const id = await start(token);
    const ask = () => fetch(`${t.baseUrl}/api/v1/interviews/${id}/messages/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'stream-key-1' },
      body: JSON.stringify({ message_text: 'let and const are block scoped, var is function scoped and hoisted.' }),
    });
    const first = await ask();
    expect(first.headers.get('idempotent-replayed')).to.equal('false');
    const firstFinal = parseSse(await first.text()).find((e) => e.event === 'final')!.data;
    const again = await ask();
    expect(again.status).to.equal(200);
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
    const events = parseSse(await again.text());
    expect(events.map((e) => e.event)).to.deep.equal(['token', 'final']);
    expect(events[0]!.data.text).to.equal(firstFinal.ai_response);
    expect(events[1]!.data).to.deep.equal(firstFinal);
    const messages = await t.request('GET', `/api/v1/interviews/${id}/messages`, { token });
    expect(messages.body.total_count).to.equal(3);
  });

  it('answers errors found before streaming as ordinary JSON errors', async () => {
    const owner = await registerCandidate(t);
    const other = await registerCandidate(t);
    const id = await start(owner.token);
    const forbidden = await t.request('POST', `/api/v1/interviews/${id}/messages/stream`, { token: other.token, body: { message_text: 'hi' } });
    expect(forbidden.status).to.equal(403);
    expect(forbidden.body.detail).to.equal('You do not have access to this interview');
    const invalid = await t.request('POST', `/api/v1/interviews/${id}/messages/stream`, { token: owner.token, body: { message_text: '' } });
    expect(invalid.status).to.equal(422);
    await t.request('POST', `/api/v1/interviews/${id}/complete`, { token: owner.token });
    const completed = await t.request('POST', `/api/v1/interviews/${id}/messages/stream`, { token: owner.token, body: { message_text: 'late' } });
    expect(completed.status).to.equal(400);
    expect(completed.body.code).to.equal('INTERVIEW_COMPLETED');
  });

  it('stops the turn when the client disconnects mid-stream, leaving the interview consistent', async () => {
    const { token } = await registerCandidate(t);
    const id = await start(token);
    const controller = new AbortController();
    const res = await fetch(`${t.baseUrl}/api/v1/interviews/${id}/messages/stream`, {
      method: 'POST', signal: controller.signal,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ message_text: 'Closures capture variables from their enclosing scope.' }),
    });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    // Whatever the race, the conversation holds whole turns only: question, answer, question…
    const next = await t.request('POST', `/api/v1/interviews/${id}/messages`, { token, body: { message_text: 'A follow-up answer.' } });
    expect(next.status).to.be.oneOf([200, 409]);
    const messages = await t.request('GET', `/api/v1/interviews/${id}/messages`, { token });
    const sequences = messages.body.messages.map((m: { sequence_number: number }) => m.sequence_number);
    expect(sequences.length % 2).to.equal(1);
    expect(sequences).to.deep.equal(Array.from({ length: sequences.length }, (_, i) => i + 1));
    expect(messages.body.messages.map((m: { message_type: string }) => m.message_type))
      .to.deep.equal(sequences.map((n: number) => (n % 2 === 1 ? 'ai_question' : 'candidate_response')));
  });
});
