import { createHash } from 'node:crypto';

/**
 * Canonical JSON for hashing published versions: object keys sorted by code point, no whitespace, every
 * string (keys too) NFC-normalised, integers only (no floats, NaN or Infinity), `undefined` members
 * dropped. The same content always gives the same bytes, whatever the key order or Unicode composition
 * it was built with. (A subset of RFC 8785 that fits our snapshots.)
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.normalize('NFC'));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) throw new Error(`canonicalJson: only safe integers are allowed, got ${value}`);
      return String(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k.normalize('NFC'), v] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new Error(`canonicalJson: unsupported ${typeof value}`);
  }
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The canonical text and its SHA-256 (hex), as stored in agreement_version. */
export function canonicalHash(value: unknown): { canonical: string; sha256: string } {
  const canonical = canonicalJson(value);
  return { canonical, sha256: sha256Hex(canonical) };
}
