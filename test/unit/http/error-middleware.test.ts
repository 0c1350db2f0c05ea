import { expect } from 'chai';
import type { Context } from 'koa';
import { answerError } from '../../../src/adapters/http/error-middleware.js';
import { ErrorStatusTable } from '../../../src/adapters/http/error-statuses.js';
import { interviewErrorStatuses } from '../../../src/adapters/http/interviews/interviews.routes.js';
import { InterviewNotFound } from '../../../src/domain/interviews/errors.js';
import type { Logger } from '../../../src/ports/logger.js';

/** The part of a Koa context answerError writes, and the log lines it wrote. */
function answered(error: unknown) {
  const logged: Array<{ fields: unknown; message: string }> = [];
  const logger = { error: (fields: unknown, message: string) => logged.push({ fields, message }) } as unknown as Logger;
  const headers: Record<string, string> = {};
  const ctx = { status: 200, body: undefined as unknown, state: { requestId: 'r-1' }, set: (k: string, v: string) => (headers[k] = v) };
  answerError(ctx as unknown as Context, error, new ErrorStatusTable().add(interviewErrorStatuses, 'interviews'), logger);
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
});
