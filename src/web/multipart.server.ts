import { Readable } from 'node:stream';
import busboy from 'busboy';
import { data } from 'react-router';
import { safeEqual } from '#platform/auth/secrets.ts';
import { AppError } from '#platform/errors.ts';
import { BodyTooLargeError, isMultipartType } from '#platform/body-limit.ts';
import { cleanFileName, DEFAULT_UPLOAD_MAX_BYTES, FILES_PER_REQUEST, type UploadedFile } from '#platform/uploads.ts';
import type { RequestContext } from './app-context.ts';
import { formValues, readForm } from './forms.server.ts';

export interface MultipartBody {
  fields: Record<string, string>;
  /** Every value of each field, in order (checkbox groups repeat a name; `fields` keeps the last). */
  lists: Record<string, string[]>;
  /** Files by field name; a file input left empty (no name, no bytes) is not here. */
  files: Record<string, UploadedFile>;
}

/**
 * Reads a multipart/form-data body with busboy: text fields, and files of the allowed field names read up
 * to `maxFileBytes` (a longer file is kept cut off and marked `truncated`, so the use case can say it is
 * too large while the rest of the form is kept). Unknown file fields are drained and dropped.
 */
export function parseMultipart(
  headers: Record<string, string>,
  body: ReadableStream<Uint8Array> | Readable | null,
  opts: { fileFields: readonly string[]; maxFileBytes: number },
): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers,
        defParamCharset: 'utf8',
        limits: { fileSize: opts.maxFileBytes, files: Math.min(opts.fileFields.length, FILES_PER_REQUEST), fields: 200, fieldSize: 200_000, parts: 250 },
      });
    } catch {
      return reject(new AppError('validation.invalid_input', 'invalid', [{ field: 'body', code: 'invalid' }]));
    }
    const fields: Record<string, string> = {};
    const lists: Record<string, string[]> = {};
    const files: Record<string, UploadedFile> = {};
    const pending: Promise<void>[] = [];
    bb.on('field', (name, value) => {
      fields[name] = value;
      (lists[name] ??= []).push(value);
    });
    bb.on('file', (name, stream, info) => {
      if (!opts.fileFields.includes(name)) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      pending.push(
        new Promise<void>((done, fail) => {
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', fail);
          stream.on('close', () => {
            const bytes = Buffer.concat(chunks);
            const truncated = (stream as unknown as { truncated?: boolean }).truncated === true;
            if (info.filename || bytes.length > 0 || truncated) files[name] = { fileName: cleanFileName(info.filename ?? ''), bytes, truncated, maxBytes: opts.maxFileBytes };
            done();
          });
        }),
      );
    });
    bb.on('error', () => reject(new AppError('validation.invalid_input', 'invalid', [{ field: opts.fileFields[0] ?? 'body', code: 'file_unreadable' }])));
    bb.on('close', () => {
      Promise.all(pending).then(() => resolve({ fields, lists, files }), reject);
    });
    if (!body) return bb.end();
    const input = body instanceof Readable ? body : Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
    // A body cut off (e.g. over its size limit, src/platform/body-limit.ts) is an error, never a shorter form.
    input.on('error', (e) => {
      reject(e instanceof BodyTooLargeError ? e : new AppError('validation.invalid_input', 'invalid', [{ field: 'body', code: 'invalid' }]));
      bb.destroy();
    });
    input.pipe(bb);
  });
}

export const isMultipart = isMultipartType;

/**
 * Reads a posted form that may carry files (enctype="multipart/form-data") and checks its CSRF token like
 * readForm: a missing or wrong `_csrf` ends the request with 403 before anything is used. A form posted
 * url-encoded (no files) is read the ordinary way.
 */
export async function readFormWithFiles(
  request: Request,
  context: RequestContext,
  opts: { fileFields: readonly string[] },
): Promise<{ values: Record<string, string>; lists: Record<string, string[]>; files: Record<string, UploadedFile> }> {
  const maxFileBytes = context.services.config.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES;
  if (!isMultipart(request.headers.get('content-type'))) {
    const form = await readForm(request, context);
    const lists: Record<string, string[]> = {};
    for (const [k, v] of form.entries()) if (typeof v === 'string' && k !== '_csrf') (lists[k] ??= []).push(v);
    return { values: formValues(form), lists, files: {} };
  }
  let parsed: MultipartBody;
  try {
    parsed = await parseMultipart(Object.fromEntries(request.headers), request.body, { fileFields: opts.fileFields, maxFileBytes });
  } catch {
    // No boundary, malformed or cut off (a body over its limit was answered 413 already): nothing is used.
    throw data({ ok: false, code: 'validation.form_unreadable' }, { status: 400 });
  }
  const token = parsed.fields._csrf;
  if (typeof token !== 'string' || !safeEqual(token, context.csrfToken)) throw data({ ok: false, code: 'auth.csrf_failed' }, { status: 403 });
  const { _csrf: _, ...values } = parsed.fields;
  const { _csrf: __, ...lists } = parsed.lists;
  return { values, lists, files: parsed.files };
}
