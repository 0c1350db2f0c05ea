import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { DependencyContainer } from 'tsyringe';
import type { Logger } from '../../ports/logger.js';

/** Token under which each request's scope holds its id. */
export const RequestId = Symbol.for('candidates-portal/RequestId');

const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A signed download link's token, which alone fetches the file: never written to the log (see loggedPath). */
const SIGNED_FILE_PATH = /^(\/api\/v1\/files\/)[^/]+/;

/** A request's path as the log keeps it: a signed link's token replaced by "[redacted]". */
export const loggedPath = (path: string): string => path.replace(SIGNED_FILE_PATH, '$1[redacted]');

/**
 * Accepts a sane X-Request-Id or makes one, echoes it, opens a child DI scope for the request
 * and writes exactly one log line when the response is done.
 */
export function requestScope(root: DependencyContainer, logger: Logger) {
  return async (ctx: Context, next: Next) => {
    const started = process.hrtime.bigint();
    const incoming = ctx.get('X-Request-Id');
    const requestId = VALID_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const scope = root.createChildContainer();
    scope.register(RequestId, { useValue: requestId });
    ctx.state.scope = scope;
    try {
      await next();
    } finally {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        { method: ctx.method, path: loggedPath(ctx.path), status: ctx.status, durationMs: Math.round(durationMs * 10) / 10, requestId },
        'request',
      );
    }
  };
}
