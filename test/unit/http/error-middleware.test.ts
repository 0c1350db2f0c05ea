import { expect } from 'chai';
import type { Context } from 'koa';
import { answerError, publicErrorOf } from '../../../src/adapters/http/error-middleware.js';
import { coreErrorStatuses, ErrorStatusTable } from '../../../src/adapters/http/error-statuses.js';
import { interviewErrorStatuses } from '../../../src/adapters/http/interviews/interviews.routes.js';
import { InterviewNotFound } from '../../../src/domain/interviews/errors.js';
import { ProviderBadResponse, ProviderRateLimited, ProviderUnavailable } from '../../../src/ports/ai-errors.js';
import type { Logger } from '../../../src/ports/logger.js';

/** The part of a Koa context answerError writes, and the log lines it wrote. */
function answered(error: unknown) {
  const logged: Array<{ fields: unknown; message: string }> = [];
  const logger = { error: (fields: unknown, message: string) => logged.push({ fields, message }) } as unknown as Logger;
  const headers: Record<string, string> = {};
  const ctx = { status: 200, body: undefined as unknown, state: { requestId: 'r-1' }, set: (k: string, v: string) => (headers[k] = v) };
  answerError(ctx as unknown as Context, error, new ErrorStatusTable().add(coreErrorStatuses, 'core').add(interviewErrorStatuses, 'interviews'), logger);
  return { status: ctx.status, body: ctx.body, headers, logged };
}

describe('HTTP error answers', () => {
  it('answers an unexpected failure 500 with the replaced system’s code and nothing of its cause, which is logged once', () => {
    const { status, body, logged } = answered(new Error('connection string postgres://user:secret@db'));
    expect(status).to.equal(500);
    expect(body).to.deep.equal({ error: 'Internal server error', code: 'INTERNAL_SERVER_ERROR', detail: 'Internal Server Error' });
    expect(logged).to.have.length(1);
    expect(logged[0]!.message).to.equal('unhandled error');
  });

  it('answers a domain error with its registered status, its code and the status title as `error`, as the replaced system did', () => {
    const { status, body, logged } = answered(new InterviewNotFound('i-1'));
    expect(status).to.equal(404);
    expect(body).to.deep.equal({ error: 'Not Found', code: 'INTERVIEW_NOT_FOUND', detail: 'Interview i-1 not found' });
    expect(logged).to.deep.equal([]);
  });

  it('answers a failed AI call with its status, code and provider but not the vendor\'s own text (the fallback chain logs it)', () => {
    const unavailable = answered(new ProviderUnavailable('openai', 'Missing credentials. Please pass an `apiKey`'));
    expect(unavailable.status).to.equal(503);
    expect(unavailable.headers['Retry-After']).to.equal('60');
    expect(unavailable.body).to.deep.equal({
      error: 'Service Unavailable', code: 'ai.provider_unavailable', detail: 'AI provider openai is unavailable; please try again shortly',
    });
    const refused = answered(new ProviderBadResponse('azure', 'HTTP 401: Incorrect API key provided: sk-abc***xyz'));
    expect(refused.status).to.equal(502);
    expect(refused.body).to.deep.equal({
      error: 'Bad Gateway', code: 'ai.bad_response', detail: 'AI provider azure returned an unusable answer; please try again',
    });
    // A rate limit's message is the app's own and says when to come back.
    const limited = answered(new ProviderRateLimited('openai', 7));
    expect(limited.status).to.equal(429);
    expect(limited.headers['Retry-After']).to.equal('7');
    // Its code is the one the replaced system's clients know; with no Retry-After from the vendor, its 60 seconds.
    expect(limited.body).to.deep.equal({ error: 'Too Many Requests', code: 'RATE_LIMIT_EXCEEDED', detail: 'AI provider openai is rate limiting requests' });
    expect(answered(new ProviderRateLimited('openai')).headers['Retry-After']).to.equal('60');
  });

  it('gives a stream\'s error event the same public code and detail as a response body (publicErrorOf)', () => {
    expect(publicErrorOf(new ProviderUnavailable('openai', 'connect ECONNREFUSED 10.0.0.7:443 (key sk-live-123)'))).to.deep.equal({
      code: 'ai.provider_unavailable', detail: 'AI provider openai is unavailable; please try again shortly',
    });
    expect(publicErrorOf(new ProviderRateLimited('azure', 3)).code).to.equal('RATE_LIMIT_EXCEEDED');
  });
});
