import type { Context, Next } from 'koa';
import { isStorableText } from '../../domain/shared/text.js';
import { HttpError, RequestValidationFailed } from './http-errors.js';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads a request body, refusing it with 413 as soon as it passes `limit` bytes (the rest is drained
 * unread). Plain stream events rather than an async iterator: this runs on every JSON request, and
 * the iterator's promise per chunk and end-of-stream watcher cost more than the read itself.
 */
export function readBody(ctx: Pick<Context, 'get' | 'req'>, limit: number): Promise<Buffer> {
  const declared = Number(ctx.get('Content-Length') || NaN);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  const req = ctx.req;
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error?: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle(tooLarge(limit));
        req.resume();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle();
    const onError = (error: Error) => settle(error);
    // Closed before its end: the client went away mid-body.
    const onClose = () => settle(new HttpError(400, 'The request body ended before it was complete'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

const tooLarge = (limit: number) =>
  new HttpError(413, `Request body is larger than the limit of ${limit} bytes`);

/** Parses JSON bodies (any content type ending in json); malformed JSON is a 400 that says where. */
export function jsonBody(limit: number, skip: (ctx: Context) => boolean) {
  return async (ctx: Context, next: Next) => {
    if (METHODS_WITH_BODY.has(ctx.method) && !skip(ctx) && ctx.is('json', '+json')) {
      const raw = (await readBody(ctx, limit)).toString('utf8');
      if (raw.trim() !== '') {
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch (error) {
          throw new HttpError(400, `Malformed JSON in request body: ${(error as Error).message}`);
        }
        const where = unstorableTextIn(body, ['body']);
        if (where) {
          throw new RequestValidationFailed([{
            loc: where, msg: 'Text must not contain NUL characters (U+0000) or unpaired surrogates', type: 'invalid_text',
          }]);
        }
        (ctx.request as { body?: unknown }).body = body;
      }
    }
    await next();
  };
}

/**
 * Where the first string (value or key) that cannot be stored as text is in a parsed JSON value (see
 * isStorableText), or undefined: refused here, once for every route, rather than failing in the database.
 */
function unstorableTextIn(value: unknown, at: Array<string | number>): Array<string | number> | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : at;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextIn(value[i], [...at, i]);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!isStorableText(key)) return [...at, key];
    const found = unstorableTextIn(item, [...at, key]);
    if (found) return found;
  }
  return undefined;
}
