import { countIgnored, type IssueList, type SourceRow } from './import-report.ts';
import type { AreaType, Gender } from './indicator.ts';

/** What the checks need to know, read once per import. */
export interface ImportLookups {
  indicators: ReadonlyMap<string, { num: number; additive: boolean }>;
  /** Municipalities in force today. */
  municipalities: ReadonlySet<string>;
  /** Merged municipality → today's municipality, with the year the merger took effect (588 → 507, 2025). */
  mergers: ReadonlyMap<string, { successor: string; year: number }>;
  counties: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  years: { min: number; max: number };
  /** A party importing its own data may write only these area codes (after merged codes are mapped). */
  allowedAreas?: ReadonlySet<string>;
}

/** A checked row, ready to be written. */
export interface ValueRow {
  indicatorNum: number;
  areaType: AreaType;
  areaCode: string;
  year: number;
  gender: Gender;
  value: number;
  absValue: number | null;
  sourceAreaCode: string | null;
}

const at = (r: SourceRow) => ({
  ...(r.line !== undefined ? { line: r.line } : {}),
  ...(r.row !== undefined ? { row: r.row } : {}),
  ...(r.cell !== undefined ? { cell: r.cell } : {}),
});

/** Follows mergers to the municipality in force today (A → B → C), with the year of the first step. */
export function resolveMergers(direct: ReadonlyMap<string, { successor: string; year: number }>): Map<string, { successor: string; year: number }> {
  const out = new Map<string, { successor: string; year: number }>();
  for (const [old, m] of direct) {
    let successor = m.successor;
    const seen = new Set([old]);
    while (direct.has(successor) && !seen.has(successor)) {
      seen.add(successor);
      successor = direct.get(successor)!.successor;
    }
    out.set(old, { successor, year: m.year });
  }
  return out;
}

/**
 * Checks rows against the catalogue and the areas, and maps merged municipalities onto today's ones.
 *
 * Each invalid row gets one issue: unknown indicator, unknown area, area outside the party's own, year out of
 * range, or a duplicate of an earlier row (same indicator, area, year and gender).
 *
 * Merged municipalities (Pertunmaa 588 → Mäntyharju 507 from 2025): a value for the old code is stored under
 * today's code with the old code in `sourceAreaCode`. When the successor has a value of its own for the same
 * indicator, year and gender:
 * - additive indicators (counts, e.g. population): the values are added — but only when every municipality
 *   that formed today's one that year has a value; otherwise the sum would be partial and nothing is stored
 *   for that year ('merged_incomplete');
 * - other indicators (rates, shares, indices cannot be added): the successor's own value is kept and the
 *   merged one left out ('merged_value_dropped'). Without an own value, a single merged value is used.
 */
export function prepareRows(
  rows: readonly SourceRow[],
  lookups: ImportLookups,
  issues: IssueList,
  ignored: Record<string, number>,
): { rows: ValueRow[]; merged: number; invalid: number } {
  const before = issues.count;
  // Which merged municipalities formed each of today's municipalities (their successors need grouping).
  const predecessors = new Map<string, { code: string; year: number }[]>();
  for (const [old, m] of lookups.mergers) {
    const list = predecessors.get(m.successor) ?? [];
    list.push({ code: old, year: m.year });
    predecessors.set(m.successor, list);
  }
  // Duplicate check per indicator on a small-integer key (much faster than strings, or than numbers beyond 2^31,
  // for a million rows): (area × 512 + year − 1800) × 4 + gender.
  const firstLine = new Map<number, Map<number, number>>();
  const areaIndex = new Map<string, number>();
  const GENDER_INDEX = { total: 0, male: 1, female: 2 } as const;
  interface Group {
    indicatorNum: number;
    additive: boolean;
    areaType: AreaType;
    areaCode: string;
    year: number;
    gender: Gender;
    own?: SourceRow;
    merged: SourceRow[];
  }
  const groups = new Map<string, Group>();
  const out: ValueRow[] = [];
  for (const r of rows) {
    const ind = lookups.indicators.get(r.indicatorId);
    if (!ind) {
      issues.add({ ...at(r), code: 'unknown_indicator', params: { value: r.indicatorId } });
      continue;
    }
    const { type, code } = r.area;
    const merger = type === 'municipality' ? lookups.mergers.get(code) : undefined;
    const known =
      type === 'municipality'
        ? lookups.municipalities.has(code) || merger !== undefined
        : type === 'county'
          ? lookups.counties.has(code)
          : type === 'region'
            ? lookups.regions.has(code)
            : true;
    if (!known) {
      issues.add({ ...at(r), code: 'unknown_area', params: { value: code } });
      continue;
    }
    const target = merger ? merger.successor : code;
    if (lookups.allowedAreas && !lookups.allowedAreas.has(target)) {
      issues.add({ ...at(r), code: 'area_not_own', params: { value: code } });
      continue;
    }
    if (r.year < lookups.years.min || r.year > lookups.years.max) {
      issues.add({ ...at(r), code: 'year_out_of_range', params: { value: r.year, min: lookups.years.min, max: lookups.years.max } });
      continue;
    }
    let ai = areaIndex.get(code);
    if (ai === undefined) areaIndex.set(code, (ai = areaIndex.size));
    let seen = firstLine.get(ind.num);
    if (!seen) firstLine.set(ind.num, (seen = new Map()));
    const rawKey = (ai * 512 + (r.year - 1800)) * 4 + GENDER_INDEX[r.gender]; // codes never collide across types
    const first = seen.get(rawKey);
    if (first !== undefined) {
      issues.add({ ...at(r), code: 'duplicate_row', params: { first } });
      continue;
    }
    seen.set(rawKey, r.line ?? r.cell ?? r.row ?? 0);
    if (!merger && !(type === 'municipality' && predecessors.has(code))) {
      // The common case: no merger involved, written as it is.
      out.push({ indicatorNum: ind.num, areaType: type, areaCode: code, year: r.year, gender: r.gender, value: r.value, absValue: r.absValue, sourceAreaCode: null });
      continue;
    }
    const key = `${ind.num}|${target}|${r.year}|${r.gender}`;
    let g = groups.get(key);
    if (!g) {
      g = { indicatorNum: ind.num, additive: ind.additive, areaType: type, areaCode: target, year: r.year, gender: r.gender, merged: [] };
      groups.set(key, g);
    }
    if (merger) g.merged.push(r);
    else g.own = r;
  }
  const invalid = issues.count - before;

  let merged = 0;
  for (const g of groups.values()) {
    const base = { indicatorNum: g.indicatorNum, areaType: g.areaType, areaCode: g.areaCode, year: g.year, gender: g.gender };
    if (g.merged.length === 0) {
      out.push({ ...base, value: g.own!.value, absValue: g.own!.absValue, sourceAreaCode: null });
      continue;
    }
    const codes = g.merged.map((r) => r.area.code).sort();
    if (g.additive) {
      const expected = (predecessors.get(g.areaCode) ?? []).filter((p) => p.year > g.year).map((p) => p.code);
      const complete = g.own !== undefined && expected.every((c) => codes.includes(c));
      if (!complete) {
        countIgnored(ignored, 'merged_incomplete', g.merged.length + (g.own ? 1 : 0));
        continue;
      }
      const parts = [g.own!, ...g.merged];
      const value = parts.reduce((s, r) => s + r.value, 0);
      const absValue = parts.every((r) => r.absValue !== null) ? parts.reduce((s, r) => s + r.absValue!, 0) : null;
      out.push({ ...base, value, absValue, sourceAreaCode: codes.join(',') });
      merged += g.merged.length;
    } else if (g.own) {
      out.push({ ...base, value: g.own.value, absValue: g.own.absValue, sourceAreaCode: null });
      countIgnored(ignored, 'merged_value_dropped', g.merged.length);
    } else if (g.merged.length === 1) {
      const m = g.merged[0]!;
      out.push({ ...base, value: m.value, absValue: m.absValue, sourceAreaCode: m.area.code });
      merged += 1;
    } else {
      countIgnored(ignored, 'merged_ambiguous', g.merged.length);
    }
  }
  return { rows: out, merged, invalid };
}
