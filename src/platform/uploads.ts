/**
 * Files uploaded with a form or an API request (multipart/form-data). The web layer reads them with a
 * size limit (config UPLOAD_MAX_MB); use cases check the rest (empty, type by magic bytes).
 */
export interface UploadedFile {
  /** The name the client gave, cleaned (no path, no control characters, at most 200 characters). */
  fileName: string;
  /** The bytes read — at most `maxBytes`; `truncated` says there were more. */
  bytes: Buffer;
  truncated: boolean;
  /** The limit the file was read with. */
  maxBytes: number;
}

export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** At most this many files in one request (a form or an API operation names its file fields; busboy refuses more). */
export const FILES_PER_REQUEST = 2;

/** A client's file name made safe to store and to send back in Content-Disposition. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return clean.slice(-200);
}

/** The limit in whole megabytes for messages ("10 MB"). */
export const megabytes = (bytes: number) => Math.max(1, Math.round(bytes / (1024 * 1024)));
