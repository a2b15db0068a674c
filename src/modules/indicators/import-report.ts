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
  /** Rows left out on purpose, by reason: 'category:SEUTUKUNTA', 'missing_value', 'merged_incomplete', … */
  ignored: Record<string, number>;
  issues: ImportIssue[];
  issueCount: number;
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

/** A value row read from a file, its area already an official code (before merged municipalities are mapped). */
export interface SourceRow {
  line?: number;
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
  ignored: Record<string, number>;
}

export class IssueList {
  readonly items: ImportIssue[] = [];
  count = 0;
  add(issue: ImportIssue): void {
    this.count++;
    if (this.items.length < MAX_REPORTED_ISSUES) this.items.push(issue);
  }
}

export function countIgnored(ignored: Record<string, number>, reason: string, n = 1): void {
  ignored[reason] = (ignored[reason] ?? 0) + n;
}
