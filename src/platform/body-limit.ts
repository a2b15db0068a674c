import { Transform, type Readable } from 'node:stream';
import { AppError } from './errors.ts';
import { DEFAULT_UPLOAD_MAX_BYTES, FILES_PER_REQUEST, megabytes } from './uploads.ts';

/**
 * Size limits of request bodies, enforced before a body is read (issue 8 finding 3): a declared
 * Content-Length over the limit is refused at once, and a body streamed without one is cut off where it
 * passes the limit. Forms and JSON get BODY_MAX_MB; a multipart body may also carry its files, each up to
 * UPLOAD_MAX_MB (src/platform/uploads.ts), so its limit is the two together.
 */
export const DEFAULT_BODY_MAX_BYTES = 1024 * 1024;

export interface BodyLimitConfig {
  bodyMaxBytes?: number;
  uploadMaxBytes?: number;
}

export const isMultipartType = (contentType: string | null | undefined) => /^multipart\/form-data\b/i.test(contentType ?? '');

/** The largest body accepted with this content type. */
export function bodyLimit(config: BodyLimitConfig, contentType: string | null | undefined): number {
  const body = config.bodyMaxBytes ?? DEFAULT_BODY_MAX_BYTES;
  return isMultipartType(contentType) ? body + FILES_PER_REQUEST * (config.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES) : body;
}

/** The declared Content-Length when it is over `limit` (a malformed one counts as over: nothing can be read by it). */
export function declaredTooLarge(contentLength: string | undefined, limit: number): boolean {
  if (contentLength === undefined) return false;
  if (!/^\d{1,16}$/.test(contentLength.trim())) return true;
  return Number(contentLength) > limit;
}

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body over ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The body of `source` as a stream that ends in BodyTooLargeError where it passes `limit` bytes. Then
 * `onExceeded` is called and `source` is no longer read (the caller answers 413 and closes the connection),
 * so no more than `limit` bytes are ever buffered.
 */
export function limitedBody(source: Readable, limit: number, onExceeded: () => void = () => {}): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) {
        source.unpipe(counter);
        source.pause();
        onExceeded();
        done(new BodyTooLargeError(limit));
        return;
      }
      done(null, chunk);
    },
  });
  source.on('error', (e) => counter.destroy(e));
  return source.pipe(counter);
}

/** The answer to a body over `limit` (413), naming the limit in MB. */
export const bodyTooLarge = (limit: number) =>
  new AppError('http.body_too_large', 'too_large', [{ field: 'body', code: 'body_too_large', params: { max: megabytes(limit) } }], { limitBytes: limit });
