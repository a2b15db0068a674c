import { countIgnored, rowTicker, type IgnoredRows, type IssueList, type OnRows, type SourceRow } from './import-report.ts';
import type { AreaType, Gender } from './indicator.ts';

/** What the checks need to know, read once per import. */
export interface ImportLookups {
  indicators: ReadonlyMap<string, { num: number; additive: boolean }>;
  /** Municipalities in force today. */
  municipalities: ReadonlySet<string>;
  /** Merged municipality → today's municipality, with the year the code ceased to exist (588 → 507, 2025). */
  mergers: ReadonlyMap<string, { successor: string; year: number }>;
  /** The year a code came into force, for codes created by a merger (Raasepori 710, 2009); others always were. */
  createdIn?: ReadonlyMap<string, number>;
  /** Codes whose area was split between municipalities (Längelmäki 443, 2007): no value of theirs can be mapped. */
  split?: ReadonlySet<string>;
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
  /** '2024M12' / '2024Q4' when the value is for a period within the year (null: the calendar year). */
  period: string | null;
}

/** A merged municipality's row mapped onto today's municipality, reported with its line. */
export interface MergedRow {
  /** Line (JSON-stat: value position). */
  at: number;
  from: string;
  to: string;
  year: number;
}

/** How many mapped rows a report lists one by one (`merged` counts all). */
export const MAX_LISTED_MERGED = 1000;

const posOf = (r: SourceRow): number | undefined => r.line ?? r.cell ?? r.row;

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
 * Checks rows against the catalogue and the areas, and maps merged municipalities onto today's ones
 * (docs/indicators.md, "Merged municipalities").
 *
 * Each invalid row gets one issue: unknown indicator, unknown area, area outside the party's own, year out of
 * range, or a duplicate of an earlier row (same indicator, area, year and gender).
 *
 * A row of a municipality that no longer exists (a file in the division of its year) is grouped with the other
 * rows that make up today's municipality that year: the codes in force that year whose successor today it is
 * (today's code itself when it existed). Then, per indicator:
 * - additive indicators (counts, e.g. population): the values are summed into today's municipality, the old
 *   codes kept in `sourceAreaCode` — only when every part of that year has a value; otherwise the sum would be
 *   partial and nothing is stored for that year ('merged_incomplete');
 * - other indicators (rates, shares, indices cannot be summed): a merged municipality's value is left out
 *   ('merged_not_additive'); today's municipality keeps its own value of that year (its area then). Only when
 *   the merged code was the whole of today's area that year (a code change) is its value mapped.
 * Rows of a split municipality ('merged_split') and of a code in a year it was not in force
 * ('merged_code_not_in_force') are left out. Every row left out is counted under its reason with its line.
 */
export function prepareRows(
  rows: readonly SourceRow[],
  lookups: ImportLookups,
  issues: IssueList,
  ignored: IgnoredRows,
  onRows?: OnRows,
): { rows: ValueRow[]; merged: number; mergedRows: MergedRow[]; invalid: number } {
  const before = issues.count;
  const createdIn = lookups.createdIn ?? new Map<string, number>();
  const split = lookups.split ?? new Set<string>();
  // Which merged municipalities formed each of today's municipalities (their successors need grouping).
  const predecessors = new Map<string, string[]>();
  for (const [old, m] of lookups.mergers) {
    const list = predecessors.get(m.successor) ?? [];
    list.push(old);
    predecessors.set(m.successor, list);
  }
  /** A code was in force in a year: created by then (or always there) and not yet merged. */
  const inForce = (code: string, year: number) => (createdIn.get(code) ?? -Infinity) <= year && year < (lookups.mergers.get(code)?.year ?? Infinity);
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
    period: string | null;
    own?: SourceRow;
    merged: SourceRow[];
  }
  const groups = new Map<string, Group>();
  const out: ValueRow[] = [];
  const tick = rowTicker(rows.length, onRows);
  let k = 0;
  for (const r of rows) {
    tick(k++);
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
      out.push({ indicatorNum: ind.num, areaType: type, areaCode: code, year: r.year, gender: r.gender, value: r.value, absValue: r.absValue, sourceAreaCode: null, period: r.period ?? null });
      continue;
    }
    if (merger && split.has(code)) {
      countIgnored(ignored, 'merged_split', posOf(r));
      continue;
    }
    if (merger && !inForce(code, r.year)) {
      countIgnored(ignored, 'merged_code_not_in_force', posOf(r));
      continue;
    }
    const key = `${ind.num}|${target}|${r.year}|${r.gender}`;
    let g = groups.get(key);
    if (!g) {
      g = { indicatorNum: ind.num, additive: ind.additive, areaType: type, areaCode: target, year: r.year, gender: r.gender, period: r.period ?? null, merged: [] };
      groups.set(key, g);
    }
    if (merger) g.merged.push(r);
    else g.own = r;
  }
  const invalid = issues.count - before;

  let merged = 0;
  const mergedRows: MergedRow[] = [];
  const mapped = (g: Group, rs: readonly SourceRow[]) => {
    merged += rs.length;
    for (const r of rs) if (mergedRows.length < 4 * MAX_LISTED_MERGED) mergedRows.push({ at: posOf(r) ?? 0, from: r.area.code, to: g.areaCode, year: g.year });
  };
  for (const g of groups.values()) {
    const base = { indicatorNum: g.indicatorNum, areaType: g.areaType, areaCode: g.areaCode, year: g.year, gender: g.gender, period: g.period };
    if (g.merged.length === 0) {
      out.push({ ...base, value: g.own!.value, absValue: g.own!.absValue, sourceAreaCode: null });
      continue;
    }
    // The parts of today's municipality that year: the codes then in force that today are it.
    const parts = (predecessors.get(g.areaCode) ?? []).filter((c) => inForce(c, g.year));
    if (inForce(g.areaCode, g.year)) parts.push(g.areaCode);
    const present = new Set(g.merged.map((r) => r.area.code));
    if (g.own) present.add(g.areaCode);
    const complete = parts.every((c) => present.has(c));
    const codes = g.merged.map((r) => r.area.code).sort();
    if (g.additive) {
      if (!complete) {
        for (const r of g.merged) countIgnored(ignored, 'merged_incomplete', posOf(r));
        if (g.own) countIgnored(ignored, 'merged_incomplete', posOf(g.own));
        continue;
      }
      const all = g.own ? [g.own, ...g.merged] : g.merged;
      const value = all.reduce((s, r) => s + r.value, 0);
      const absValue = all.every((r) => r.absValue !== null) ? all.reduce((s, r) => s + r.absValue!, 0) : null;
      out.push({ ...base, value, absValue, sourceAreaCode: codes.join(',') });
      mapped(g, g.merged);
    } else if (!g.own && parts.length === 1 && g.merged.length === 1 && complete) {
      // The old code was the whole of today's area that year (a code change): the same area, mapped as it is.
      const m = g.merged[0]!;
      out.push({ ...base, value: m.value, absValue: m.absValue, sourceAreaCode: m.area.code });
      mapped(g, g.merged);
    } else {
      if (g.own) out.push({ ...base, value: g.own.value, absValue: g.own.absValue, sourceAreaCode: null });
      for (const r of g.merged) countIgnored(ignored, 'merged_not_additive', posOf(r));
    }
  }
  mergedRows.sort((a, b) => a.at - b.at);
  return { rows: out, merged, mergedRows: mergedRows.slice(0, MAX_LISTED_MERGED), invalid };
}
