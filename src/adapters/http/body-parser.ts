import type { Context, Next } from 'koa';
import { HttpError } from './http-errors.js';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads a request body, refusing it with 413 as soon as it passes `limit` bytes. */
export async function readBody(ctx: Context, limit: number): Promise<Buffer> {
  const declared = Number(ctx.get('Content-Length') || NaN);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      ctx.req.unpipe();
      ctx.req.resume();
      throw tooLarge(limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (limit: number) =>
  new HttpError(413, `Request body is larger than the limit of ${limit} bytes`);

/** Parses JSON bodies (any content type ending in json); malformed JSON is a 400 that says where. */
export function jsonBody(limit: number, skip: (ctx: Context) => boolean) {
  return async (ctx: Context, next: Next) => {
    if (METHODS_WITH_BODY.has(ctx.method) && !skip(ctx) && ctx.is('json', '+json')) {
      const raw = (await readBody(ctx, limit)).toString('utf8');
      if (raw.trim() !== '') {
        try {
          (ctx.request as { body?: unknown }).body = JSON.parse(raw);
        } catch (error) {
          throw new HttpError(400, `Malformed JSON in request body: ${(error as Error).message}`);
        }
      }
    }
    await next();
  };
}
