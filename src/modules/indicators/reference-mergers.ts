import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const FROM_SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/reference/municipality_changes.csv');
/** Next to the source when run from it (server, CLI, tests); from the working directory when bundled into build/. */
const CHANGES_FILE = existsSync(FROM_SOURCE) ? FROM_SOURCE : path.resolve('db/reference/municipality_changes.csv');

let cached: Map<string, { successor: string; year: number }> | undefined;

/**
 * Municipal mergers shipped in db/reference/municipality_changes.csv (099 → 214 in 2021, 588 → 507 in 2025).
 * Statistics keep arriving under old codes long after a merger; the database knows a merger only when the old
 * municipality was loaded and ended (party.ended_on, successor_id), so both are used.
 */
export function shippedMergers(file = CHANGES_FILE): Map<string, { successor: string; year: number }> {
  if (cached && file === CHANGES_FILE) return cached;
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const out = new Map<string, { successor: string; year: number }>();
  for (const r of rows) {
    if (/^\d{3}$/.test(r.old_code ?? '') && /^\d{3}$/.test(r.new_code ?? '') && /^\d{4}-/.test(r.effective_date ?? '')) {
      out.set(r.old_code!, { successor: r.new_code!, year: Number(r.effective_date!.slice(0, 4)) });
    }
  }
  if (file === CHANGES_FILE) cached = out;
  return out;
}
