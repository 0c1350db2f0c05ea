import busboy from 'busboy';
import type { Context } from 'koa';
import { HttpError, RequestValidationFailed } from './http-errors.js';

export interface UploadedFile {
  fileName: string;
  /** What the client claimed; never trusted for the type. */
  declaredType: string;
  bytes: Buffer;
}

/** Room for the multipart boundaries and headers around a file of the limit. */
const ENVELOPE_BYTES = 64 * 1024;
/** After a refusal the rest of the body is read and dropped, up to this much, so the client sees the answer. */
const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Reads one file field from a multipart/form-data request, refusing it with 413 as soon as it passes
 * `limitBytes` — while it streams, before anything is kept. Other fields are ignored; a second
 * file is refused.
 */
export async function readSingleFile(ctx: Context, field: string, limitBytes: number): Promise<UploadedFile> {
  if (!ctx.is('multipart/form-data')) {
    throw new HttpError(415, `Send the file as multipart/form-data in a field named "${field}"`);
  }
  const declared = Number(ctx.get('Content-Length') || NaN);
  if (declared > limitBytes + ENVELOPE_BYTES) {
    ctx.set('Connection', 'close');
    throw tooLarge(limitBytes);
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: ctx.req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: limitBytes + 1, fields: 20, parts: 25 } });
  } catch (error) {
    throw new HttpError(400, `Malformed multipart request: ${(error as Error).message}`);
  }

  const result = await new Promise<UploadedFile | HttpError | undefined>((resolve) => {
    let file: UploadedFile | undefined;
    let failure: HttpError | undefined;
    let settled = false;
    const finish = (value: UploadedFile | HttpError | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    const refuse = (error: HttpError) => {
      failure ??= error;
      // Stop parsing, drop the rest of the body, then answer (a client still sending sees the response).
      ctx.req.unpipe(parser);
      let discarded = 0;
      ctx.req.on('data', (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > DISCARD_LIMIT_BYTES) ctx.req.destroy();
      });
      ctx.req.once('end', () => finish(failure));
      ctx.req.once('close', () => finish(failure));
      ctx.req.resume();
    };
    const malformed = (error: Error) => finish(new HttpError(400, `Malformed multipart request: ${error.message}`));
    parser.on('file', (name, stream, info) => {
      // A form that ends inside a file fails that file's stream too: an error nobody listened to
      // would be thrown out of the request and stop the process.
      stream.on('error', malformed);
      if (name !== field || file || failure) {
        stream.resume();
        if (name === field && file) refuse(new HttpError(400, `Send one file in "${field}", not several`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= limitBytes) chunks.push(chunk);
      });
      stream.on('limit', () => {
        chunks.length = 0;
        refuse(tooLarge(limitBytes));
      });
      stream.on('end', () => {
        if (failure) return;
        if (size > limitBytes) return refuse(tooLarge(limitBytes));
        file = { fileName: info.filename ?? '', declaredType: info.mimeType, bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('filesLimit', () => refuse(new HttpError(400, `Send one file in "${field}", not several`)));
    parser.on('error', malformed);
    parser.on('close', () => finish(failure ?? file));
    ctx.req.pipe(parser);
  });

  if (result instanceof HttpError) {
    if (result.status === 413) ctx.set('Connection', 'close');
    throw result;
  }
  if (!result) {
    throw new RequestValidationFailed([{ loc: ['body', field], msg: `A file in the form field "${field}" is required`, type: 'missing' }]);
  }
  return result;
}

const tooLarge = (limit: number) =>
  new HttpError(413, `The file is larger than the limit of ${limit / 1024 / 1024} MB; nothing was stored`, {}, 'resumes.too_large');
