import { STATUS_CODES } from 'node:http';
import type { Context, Next } from 'koa';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { Logger } from '../../ports/logger.js';
import type { ErrorStatusTable } from './error-statuses.js';
import { HttpError, RequestValidationFailed } from './http-errors.js';

/** What an unexpected failure answers: nothing of its cause (the log has it), with the code and title the replaced system's clients know. */
export const INTERNAL_ERROR_BODY = Object.freeze({ error: 'Internal server error', code: 'INTERNAL_SERVER_ERROR', detail: 'Internal Server Error' });

/**
 * A coded error's body as the replaced system's global handlers wrote it: `{error, code, detail}`,
 * `error` the status's title ("Not Found"). Uncoded errors answer `{detail}` alone, as its routes did.
 */
const coded = (status: number, code: string, detail: string) => ({ error: STATUS_CODES[status] ?? 'Error', code, detail });

/**
 * What a failed AI call answers in place of its message: the vendor's own text (which can quote a
 * key, an endpoint or a prompt) is for the log, where the fallback chain writes it, not for a candidate.
 */
const PUBLIC_DETAILS: Record<string, (provider: string) => string> = {
  'ai.provider_unavailable': (provider) => `AI provider ${provider} is unavailable; please try again shortly`,
  'ai.bad_response': (provider) => `AI provider ${provider} returned an unusable answer; please try again`,
};

/** Codes answered as the replaced system's clients know them: its global handler answered an AI rate limit with RATE_LIMIT_EXCEEDED. */
const PUBLIC_CODES: Record<string, string> = { 'ai.rate_limited': 'RATE_LIMIT_EXCEEDED' };

/**
 * The code and detail a domain error is answered with, in a response body or a stream's `error`
 * event alike: an AI failure's without the vendor's text (see PUBLIC_DETAILS), codes as PUBLIC_CODES spells them.
 */
export function publicErrorOf(error: DomainError): { code: string; detail: string } {
  const publicDetail = PUBLIC_DETAILS[error.code];
  const provider = (error.details as { provider?: string } | undefined)?.provider ?? 'AI';
  return { code: PUBLIC_CODES[error.code] ?? error.code, detail: publicDetail ? publicDetail(provider) : error.message };
}

/** Logs an unexpected failure once, with its stack, under the request's id: its answer says nothing of it (see INTERNAL_ERROR_BODY). */
export function logUnhandled(logger: Logger, requestId: unknown, error: unknown, message = 'unhandled error'): void {
  logger.error(
    { requestId, err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) },
    message,
  );
}

/** The status the request log gives a request its client closed before it was answered (nginx's 499). */
const CLIENT_CLOSED_REQUEST = 499;

/**
 * First in the chain: turns every failure into `{"detail": …}`. Domain errors answer with their
 * registered status, code and title (see coded); anything unexpected is logged once and answered 500.
 */
export function errorMiddleware(statuses: ErrorStatusTable, logger: Logger) {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      answerError(ctx, error, statuses, logger);
    }
  };
}

export function answerError(ctx: Context, error: unknown, statuses: ErrorStatusTable, logger: Logger): void {
  if (error instanceof RequestValidationFailed) {
    ctx.status = 422;
    ctx.body = { detail: error.issues };
    return;
  }
  if (error instanceof HttpError) {
    ctx.status = error.status;
    ctx.set(error.headers);
    ctx.body = error.code ? coded(error.status, error.code, error.message) : { detail: error.message };
    return;
  }
  if (error instanceof DomainError) {
    const status = statuses.statusOf(error.code);
    if (status) {
      ctx.status = status;
      if (status === 401) ctx.set('WWW-Authenticate', 'Bearer');
      const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (status === 429 || status === 503) ctx.set('Retry-After', String(Math.max(1, Math.ceil(retryAfter ?? 60))));
      const { code, detail } = publicErrorOf(error);
      ctx.body = coded(status, code, detail);
      return;
    }
  }
  if ((error as Error)?.name === 'AbortError' && (ctx.req?.destroyed || ctx.res?.destroyed)) {
    // The client went away and the work for it was stopped (see abortOnDisconnect): nothing failed, and no one reads the answer.
    ctx.status = CLIENT_CLOSED_REQUEST;
    ctx.body = { detail: 'The client closed the request before it was answered' };
    return;
  }
  const e = error as { status?: number; expose?: boolean; message?: string };
  // Errors raised by Koa itself (ctx.throw) carry a client status and a safe message.
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) {
    ctx.status = e.status;
    ctx.body = { detail: e.message };
    return;
  }
  logUnhandled(logger, ctx.state.requestId, error);
  ctx.status = 500;
  ctx.body = INTERNAL_ERROR_BODY;
}
