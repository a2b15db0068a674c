import { createHash } from 'node:crypto';
import type { FieldIssue } from './errors.ts';

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

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ODT = 'application/vnd.oasis.opendocument.text';
export type DocumentMediaType = typeof PDF | typeof DOCX | typeof ODT;
const EXTENSIONS: Record<DocumentMediaType, string> = { [PDF]: 'pdf', [DOCX]: 'docx', [ODT]: 'odt' };

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

/**
 * The type of a document by its content, whatever its name says: PDF by its header (%PDF-), DOCX as a ZIP package
 * that holds word/document.xml, ODT as a ZIP package whose first entry `mimetype` names the OpenDocument text type.
 */
export function sniffDocumentType(bytes: Uint8Array): DocumentMediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF;
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The first local file header: name length at 26, extra length at 28, the name at 30 (ODF puts `mimetype` first, stored).
  if (buf.length > 30 && buf.toString('latin1', 30, 30 + buf.readUInt16LE(26)) === 'mimetype') {
    const start = 30 + buf.readUInt16LE(26) + buf.readUInt16LE(28);
    if (buf.toString('latin1', start, start + ODT.length) === ODT) return ODT;
  }
  if (buf.includes('word/document.xml')) return DOCX;
  return null;
}

export interface CheckedFile {
  content: Buffer;
  fileName: string;
  mediaType: string;
  sha256: string;
}

/**
 * Checks an uploaded document (size, empty, type by content against `allowed`) and names `field` in each issue.
 * A missing file is an issue only when `required`.
 */
export function checkDocument(
  file: UploadedFile | undefined,
  field: string,
  allowed: readonly DocumentMediaType[],
  issues: FieldIssue[],
  required: boolean,
): CheckedFile | null {
  if (!file || (file.bytes.length === 0 && !file.fileName)) {
    if (required) issues.push({ field, code: 'required' });
    return null;
  }
  if (file.truncated || file.bytes.length > file.maxBytes) issues.push({ field, code: 'file_too_large', params: { max: megabytes(file.maxBytes) } });
  else if (file.bytes.length === 0) issues.push({ field, code: 'file_empty' });
  else {
    const mediaType = sniffDocumentType(file.bytes);
    if (!mediaType || !allowed.includes(mediaType)) issues.push({ field, code: allowed.includes(ODT) ? 'document_type_not_allowed_odt' : 'document_type_not_allowed' });
    else return { content: file.bytes, fileName: cleanFileName(file.fileName) || `document.${EXTENSIONS[mediaType]}`, mediaType, sha256: createHash('sha256').update(file.bytes).digest('hex') };
  }
  return null;
}
