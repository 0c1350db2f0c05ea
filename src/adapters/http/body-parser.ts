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

/** Strict: a byte sequence that is no UTF-8 is refused, not replaced by U+FFFD and stored; a leading byte order mark is dropped. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A JSON body's text (RFC 8259: UTF-8); bytes that are not UTF-8 are a 400 saying so. */
function utf8Text(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new HttpError(400, 'The request body is not valid UTF-8');
  }
}

/** A JSON parse error's message without the excerpt of the body V8 quotes (a password, say): where it failed is enough. */
const withoutQuote = (message: string): string => message.replace(/, ".*"(?:\.\.\.)? is not valid JSON$/s, ' (not valid JSON)');

/** Whether a request carries a body (declared length above 0, or sent in chunks). */
const hasBody = (ctx: Context): boolean => Number(ctx.get('Content-Length') || 0) > 0 || ctx.get('Transfer-Encoding') !== '';

/**
 * Parses JSON bodies (any content type ending in json); malformed JSON is a 400 that says where. A
 * body of another type (curl -d sends a form type unless told otherwise) is a 415 that says what to
 * send, rather than a body read as missing.
 */
export function jsonBody(limit: number, skip: (ctx: Context) => boolean) {
  return async (ctx: Context, next: Next) => {
    if (!METHODS_WITH_BODY.has(ctx.method) || skip(ctx)) return next();
    if (!ctx.is('json', '+json')) {
      if (hasBody(ctx)) {
        throw new HttpError(415, `Send the request body as JSON with Content-Type: application/json (got ${ctx.get('Content-Type') || 'no Content-Type'})`);
      }
      return next();
    }
    const raw = utf8Text(await readBody(ctx, limit));
    if (raw.trim() !== '') {
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch (error) {
        throw new HttpError(400, `Malformed JSON in request body: ${withoutQuote((error as Error).message)}`);
      }
      // JSON refuses raw control characters in strings, and decoding UTF-8 never yields half a
      // surrogate pair: such text can only come from a \u escape, so most bodies need no walk.
      const where = raw.includes('\\u') ? unstorableTextIn(body) : undefined;
      if (where) {
        throw new RequestValidationFailed([{
          loc: where, msg: 'Text must not contain NUL characters (U+0000) or unpaired surrogates', type: 'invalid_text',
        }]);
      }
      (ctx.request as { body?: unknown }).body = body;
    }
    await next();
  };
}

/** A value met while walking a parsed body, with the way back to the root (for the error's location). */
interface Visit {
  value: unknown;
  key: string | number;
  parent: Visit | undefined;
}

const locationOf = (visit: Visit): Array<string | number> => {
  const loc: Array<string | number> = [];
  for (let v: Visit | undefined = visit; v; v = v.parent) loc.push(v.key);
  return loc.reverse();
};

/**
 * Where the first string (value or key) that cannot be stored as text is in a parsed JSON value (see
 * isStorableText), or undefined: refused here, once for every route, rather than failing in the
 * database. Walked with a stack of its own, so any nesting JSON.parse accepted is walked too.
 */
function unstorableTextIn(body: unknown): Array<string | number> | undefined {
  const pending: Visit[] = [{ value: body, key: 'body', parent: undefined }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value } = visit;
    if (typeof value === 'string') {
      if (!isStorableText(value)) return locationOf(visit);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], key: i, parent: visit });
    } else if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      const badKey = entries.find(([key]) => !isStorableText(key));
      if (badKey) return locationOf({ value: badKey[0], key: badKey[0], parent: visit });
      for (let i = entries.length - 1; i >= 0; i--) pending.push({ value: entries[i]![1], key: entries[i]![0], parent: visit });
    }
  }
  return undefined;
}
