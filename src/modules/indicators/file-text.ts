import type { ImportIssue } from './import-report.ts';

/**
 * Turns a file's bytes into text. Statistics files must be UTF-8 (a BOM is allowed). A file saved in another
 * encoding is refused with the line of the first byte that is not UTF-8; a Latin-1 / Windows-1252 file
 * (Excel's "CSV" on Windows: ä = 0xE4) is recognised and named as such, UTF-16 by its byte order mark.
 */
export function decodeFile(input: Uint8Array | string): { text: string } | { issue: ImportIssue } {
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, '') };
  const bytes = input;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { issue: { line: 1, code: 'encoding_utf16' } };
  }
  // UTF-16 without a byte order mark (Excel's "Unicode text", some exports): every other byte of ASCII text is 0.
  if (looksLikeUtf16(bytes)) return { issue: { line: 1, code: 'encoding_utf16' } };
  // The platform's strict decoder first (native, fast); the byte-by-byte scan only to name the bad byte's line.
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    const nul = text.indexOf('\u0000');
    // A NUL is valid UTF-8 but no statistics file has one (and the database cannot store it in a report).
    if (nul >= 0) return { issue: { line: text.slice(0, nul).split('\n').length, code: 'encoding_nul_byte' } };
    return { text };
  } catch {
    // not UTF-8: find where
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    const code = looksLikeLatin1(bytes, bad) ? 'encoding_latin1' : 'encoding_not_utf8';
    return { issue: { line, code, params: { byte: `0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')}` } } };
  }
  return { text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '') };
}

/**
 * UTF-16 without a byte order mark: in the first 4 KB, at least 40 % of the bytes at even (big-endian) or odd
 * (little-endian) positions are 0 and almost none at the other. ASCII-heavy text (what statistics files are)
 * always passes; a UTF-8 file never has such zeros.
 */
export function looksLikeUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  return (oddZero >= 0.4 * pairs && evenZero <= 0.05 * pairs) || (evenZero >= 0.4 * pairs && oddZero <= 0.05 * pairs);
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** A lone byte 0xC0–0xFF followed by an ASCII byte is how Latin-1 writes ä, ö, å, Ä, Ö, Å and é. */
function looksLikeLatin1(b: Uint8Array, at: number): boolean {
  const c = b[at]!;
  const next = b[at + 1];
  return c >= 0xc0 && (next === undefined || next < 0x80);
}
