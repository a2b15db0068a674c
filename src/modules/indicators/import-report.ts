import type { Area, Gender, ImportFormat } from './indicator.ts';

/**
 * One problem in an imported file. `line` is the line in the file (1-based); JSON files also give `row`,
 * the position of the record in the array; JSON-stat files give `cell`, the position in the value array.
 * `code` is stable and translated in src/i18n/<lang>/indicators.ts (issues).
 */
export interface ImportIssue {
  line?: number;
  row?: number;
  cell?: number;
  code: string;
  params?: Record<string, string | number>;
}

/** How many stored issues an import report keeps; `issueCount` still counts all of them. */
export const MAX_REPORTED_ISSUES = 1000;

export interface ImportReport {
  /** indicator_import.id; null only if even the log could not be written. */
  importId: number | null;
  status: 'imported' | 'rejected';
  format: ImportFormat | 'sotkanet-api';
  fileName: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows not stored: invalid rows (with skipInvalid), rows ignored by design (see `ignored`). */
  skipped: number;
  /** Source rows of merged municipalities whose value went into their successor's row. */
  merged: number;
  /** Those rows one by one (the first MAX_LISTED_MERGED by line): line, old code, today's code, year. */
  mergedRows: { at: number; from: string; to: string; year: number }[];
  /** Rows left out on purpose, by reason: 'category:SEUTUKUNTA', 'missing_value', 'merged_incomplete', … */
  ignored: Record<string, number>;
  /**
   * Where the rows of each reason are: the first lines (JSON-stat: value positions), sorted and without repeats,
   * at most MAX_IGNORED_LINES per reason; `ignored` has the totals.
   */
  ignoredLines: Record<string, number[]>;
  issues: ImportIssue[];
  issueCount: number;
  /** Every issue code with its total and first lines (sorted, without repeats). */
  issuesByCode: Record<string, { count: number; lines: number[] }>;
  /** Catalogue ids of the indicators in the file. */
  indicators: string[];
  /** Milliseconds from start to commit. */
  durationMs: number;
}

export type ProgressPhase = 'read' | 'validate' | 'write' | 'done';
export interface Progress {
  phase: ProgressPhase;
  done: number;
  total: number;
}
export type OnProgress = (p: Progress) => void;

/** Rows done of a total while a file is read or checked (drives the progress bar of those phases). */
export type OnRows = (done: number, total: number) => void;

/**
 * Calls onRows about every 2 % of the rows (at least every 1,000) and never more: `tick(i)` costs one
 * comparison per row.
 */
export function rowTicker(total: number, onRows: OnRows | undefined): (i: number) => void {
  if (!onRows || total === 0) return () => {};
  const step = Math.max(1000, Math.ceil(total / 50));
  let next = step;
  return (i) => {
    if (i >= next) {
      next += step;
      onRows(i, total);
    }
  };
}

/** A value row read from a file, its area already an official code (before merged municipalities are mapped). */
export interface SourceRow {
  line?: number;
  /** The period the value is for when it is not the calendar year: '2024M12', '2024Q4' (see statfin-format.ts). */
  period?: string;
  row?: number;
  cell?: number;
  indicatorId: string;
  area: Area;
  year: number;
  gender: Gender;
  value: number;
  absValue: number | null;
}

/** What a format parser returns: rows, problems and rows left out on purpose. */
export interface ParsedFile {
  rowsRead: number;
  rows: SourceRow[];
  issues: IssueList;
  ignored: IgnoredRows;
}

/** How many lines each reason a row was left out for keeps. */
export const MAX_IGNORED_LINES = 20;

/**
 * Rows left out on purpose, counted by reason, with the first lines of each (kept bounded: the smallest
 * MAX_IGNORED_LINES lines, whatever order the rows come in).
 */
export class IgnoredRows {
  readonly counts: Record<string, number> = {};
  private readonly at = new Map<string, number[]>();
  add(reason: string, line: number | undefined, n = 1): void {
    this.counts[reason] = (this.counts[reason] ?? 0) + n;
    if (line === undefined) return;
    let list = this.at.get(reason);
    if (!list) this.at.set(reason, (list = []));
    list.push(line);
    if (list.length >= 4 * MAX_IGNORED_LINES) this.at.set(reason, firstLines(list));
  }
  get total(): number {
    let n = 0;
    for (const v of Object.values(this.counts)) n += v;
    return n;
  }
  lines(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const reason of Object.keys(this.counts).sort()) {
      const list = this.at.get(reason);
      if (list?.length) out[reason] = firstLines(list);
    }
    return out;
  }
}

function firstLines(list: readonly number[]): number[] {
  return [...new Set(list)].sort((a, b) => a - b).slice(0, MAX_IGNORED_LINES);
}

/**
 * The issues of an import. Keeps the MAX_REPORTED_ISSUES issues nearest the start of the file (whatever order
 * they were found in), drops exact repeats, and counts every issue by code with its first lines (`byCode`).
 */
export class IssueList {
  private kept: ImportIssue[] = [];
  private readonly keys = new Set<string>();
  private readonly codes = new IgnoredRows();
  count = 0;
  add(issue: ImportIssue): void {
    const key = JSON.stringify([issue.line, issue.row, issue.cell, issue.code, issue.params]);
    if (this.keys.has(key)) return;
    if (this.keys.size < 200_000) this.keys.add(key);
    this.count++;
    this.codes.add(issue.code, issue.line ?? issue.row ?? issue.cell);
    this.kept.push(issue);
    if (this.kept.length >= 2 * MAX_REPORTED_ISSUES) this.kept = sortedIssues(this.kept).slice(0, MAX_REPORTED_ISSUES);
  }
  /** The kept issues sorted by line. */
  get items(): ImportIssue[] {
    if (this.kept.length > MAX_REPORTED_ISSUES) this.kept = sortedIssues(this.kept).slice(0, MAX_REPORTED_ISSUES);
    else this.kept = sortedIssues(this.kept);
    return this.kept;
  }
  /** Every issue code with its total and first lines. */
  byCode(): Record<string, { count: number; lines: number[] }> {
    const lines = this.codes.lines();
    const out: Record<string, { count: number; lines: number[] }> = {};
    for (const [code, count] of Object.entries(this.codes.counts)) out[code] = { count, lines: lines[code] ?? [] };
    return out;
  }
}

/** Counts a row (or n rows) left out for a reason, at a line (or value position) when known. */
export function countIgnored(ignored: IgnoredRows, reason: string, at?: number, n = 1): void {
  ignored.add(reason, at, n);
}

/**
 * The issues as reported: sorted by where they are (line, record, value position; file-level ones first) and
 * without exact repeats. Sorting is stable, so issues at the same place keep the order they were found in.
 */
export function sortedIssues(items: readonly ImportIssue[]): ImportIssue[] {
  const seen = new Set<string>();
  const out: ImportIssue[] = [];
  for (const i of items) {
    const k = JSON.stringify([i.line, i.row, i.cell, i.code, i.params]);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(i);
  }
  const pos = (i: ImportIssue) => i.line ?? i.row ?? i.cell ?? 0;
  return out.sort((a, b) => pos(a) - pos(b));
}
