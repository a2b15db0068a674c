import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { resolveMergers, type ImportLookups } from './merge.ts';

const FROM_SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/reference/municipality_changes.csv');
/** Next to the source when run from it (server, CLI, tests); from the working directory when bundled into build/. */
const CHANGES_FILE = existsSync(FROM_SOURCE) ? FROM_SOURCE : path.resolve('db/reference/municipality_changes.csv');

/** One whole-municipality change: the old code ceased to exist on effective_date and became (part of) new_code. */
export interface MunicipalityChange {
  effectiveDate: string;
  oldCode: string;
  newCode: string;
  /** merged_into_existing | merged_into_new | code_change | split */
  change: string;
}

let cached: MunicipalityChange[] | undefined;

/**
 * Every whole-municipality change 1993–2025 shipped in db/reference/municipality_changes.csv (Statistics
 * Finland, CC BY 4.0; see db/reference/SOURCES.md): Honkajoki 099 → Kankaanpää 214 in 2021, Pertunmaa 588 →
 * Mäntyharju 507 in 2025, the dozens of 2009. Statistics keep arriving under old codes long after a merger.
 * `import-reference --changes` adds newer ones to the database (table municipality_change), read with these.
 */
export function shippedChanges(file = CHANGES_FILE): MunicipalityChange[] {
  if (cached && file === CHANGES_FILE) return cached;
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const out: MunicipalityChange[] = [];
  for (const r of rows) {
    if (/^\d{3}$/.test(r.old_code ?? '') && /^\d{3}$/.test(r.new_code ?? '') && /^\d{4}-\d{2}-\d{2}$/.test(r.effective_date ?? '')) {
      out.push({ effectiveDate: r.effective_date!, oldCode: r.old_code!, newCode: r.new_code!, change: r.change || 'merged_into_existing' });
    }
  }
  if (file === CHANGES_FILE) cached = out;
  return out;
}

/** The shipped mergers as old code → successor (first step), for callers that need only that. */
export function shippedMergers(file = CHANGES_FILE): Map<string, { successor: string; year: number }> {
  const out = new Map<string, { successor: string; year: number }>();
  for (const c of shippedChanges(file)) if (!out.has(c.oldCode)) out.set(c.oldCode, { successor: c.newCode, year: Number(c.effectiveDate.slice(0, 4)) });
  return out;
}

/**
 * What the checks need from the change history: each old code's municipality today (chains followed: Jäppilä
 * 184 → Pieksänmaa 640 (2004) → Pieksämäki 593 (2007)) with the year it ceased to exist; the year each code
 * created by a merger came into force; and the codes that were split (their values cannot be mapped).
 * A split code's first listed successor is the one Statistics Finland names (Längelmäki → Jämsä).
 * Changes later in the list (the database's) override earlier ones for the same old and new code.
 */
export function mergerLookups(changes: readonly MunicipalityChange[]): Pick<ImportLookups, 'mergers' | 'createdIn' | 'split'> {
  const direct = new Map<string, { successor: string; year: number }>();
  const targets = new Map<string, Set<string>>();
  const createdIn = new Map<string, number>();
  const split = new Set<string>();
  for (const c of changes) {
    const year = Number(c.effectiveDate.slice(0, 4));
    if (!direct.has(c.oldCode)) direct.set(c.oldCode, { successor: c.newCode, year });
    const t = targets.get(c.oldCode) ?? new Set<string>();
    t.add(c.newCode);
    targets.set(c.oldCode, t);
    if (c.change === 'split') split.add(c.oldCode);
    if (c.change === 'merged_into_new' || c.change === 'code_change') {
      const cur = createdIn.get(c.newCode);
      if (cur === undefined || year < cur) createdIn.set(c.newCode, year);
    }
  }
  for (const [old, t] of targets) if (t.size > 1) split.add(old);
  return { mergers: resolveMergers(direct), createdIn, split };
}
