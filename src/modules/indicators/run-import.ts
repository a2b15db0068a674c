import { actorLabel } from '#platform/actor.ts';
import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import type { Tx } from '#platform/db/db.ts';
import { isAppError } from '#platform/errors.ts';
import { countIgnored, IgnoredRows, IssueList, type ImportIssue, type ImportReport, type OnProgress, type OnRows, type ParsedFile } from './import-report.ts';
import { yearRange, type ImportFormat, type IndicatorSource } from './indicator.ts';
import { areaReference, catalogueKeys, compareValues, finishImportLog, insertImportLog, writeValues } from './indicator-queries.ts';
import { prepareRows, type ImportLookups, type MergedRow, type ValueRow } from './merge.ts';
import { mergerLookups, shippedChanges } from './reference-mergers.ts';

/** Thrown inside the transaction to roll everything back; the report is then logged on its own. */
export class Rejected extends Error {
  constructor(
    readonly issues: IssueList,
    readonly partial: { rowsRead: number; ignored: IgnoredRows; indicators: string[] },
  ) {
    super('import rejected');
  }
}

export function rejectWith(issue: ImportIssue): never {
  const list = new IssueList();
  list.add(issue);
  throw new Rejected(list, { rowsRead: 0, ignored: new IgnoredRows(), indicators: [] });
}

export function rejectWithAll(issues: readonly ImportIssue[]): never {
  const list = new IssueList();
  for (const i of issues) list.add(i);
  throw new Rejected(list, { rowsRead: 0, ignored: new IgnoredRows(), indicators: [] });
}

export interface ImportJob {
  format: ImportFormat | 'sotkanet-api';
  fileName: string;
  /** The party whose own data this is (party CSV import), else null. */
  partyId: string | null;
  skipInvalid: boolean;
  onProgress?: OnProgress;
  /** Runs first in the transaction: stores a regions snapshot or catalogue entries that came with the file. */
  prepare?: (tx: Tx, onRows: OnRows) => Promise<void>;
  /** `prepare` stores catalogue entries (indicator metadata): a file without rows is then a catalogue-only import. */
  storesCatalogue?: boolean;
  /** Reads the file, with what `prepare` stored visible. */
  parse: (tx: Tx, onRows: OnRows) => Promise<ParsedFile>;
  /** Checks the indicators found (e.g. a party may write only its own); throws to refuse. */
  authorize?: (indicators: Map<string, { source: IndicatorSource; ownerPartyId: string | null }>) => void;
  /** Area codes a party may write. */
  allowedAreas?: ReadonlySet<string>;
  /**
   * Preview: everything an import does (reading, checks, merged municipalities, comparing with what is stored)
   * but nothing is written or logged; the report tells what would be added, changed and left out.
   */
  preview?: boolean;
}

/** A preview's report: the counts an import would have, and the first rows it would change. */
export interface PreviewReport extends ImportReport {
  changedRows: { areaCode: string; year: number; gender: string; indicatorNum: number; value: number }[];
}

/** Thrown to roll back a preview's transaction (the catalogue entries and snapshots it stored). */
class PreviewDone extends Error {
  constructor(readonly report: PreviewReport) {
    super('preview');
  }
}

/** An unexpected error while reading the file is the file's problem: a rejection with the reason, never a crash. */
async function readingStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof Rejected || isAppError(e)) throw e;
    rejectWith({ code: 'file_unreadable', params: { reason: String((e as Error)?.message ?? e).replace(/\u0000/g, '').slice(0, 200) } });
  }
}

/**
 * The one way values get into the database, shared by every format:
 * one transaction (all or nothing: a killed import leaves nothing behind) → parse → check every row (one
 * issue per bad row, naming its line) → map merged municipalities → write (writeValues: compare with what is
 * stored, read with one COPY … TO, then insert only the new rows in bulk and update only the changed ones;
 * a re-import of the same file writes nothing) → import log + audit event.
 * A file with bad rows is rejected whole unless `skipInvalid`; a file that cannot
 * be read at all (encoding, header, JSON) is always rejected. A rejection is logged and audited too.
 * See docs/decisions/0008-indicator-import-with-copy.md for the measurements behind the write path.
 */
export async function runImport(ctx: Ctx, job: ImportJob): Promise<ImportReport> {
  const startedAt = ctx.clock.now();
  const t0 = performance.now();
  const progress = job.onProgress ?? (() => {});
  const base = { format: job.format, fileName: job.fileName };
  try {
    return await ctx.db.transaction(async (tx) => {
      // Reading moves with the rows read (the parsers tick about every 2 %), as do checking and writing.
      const onRead: OnRows = (done, total) => progress({ phase: 'read', done, total });
      progress({ phase: 'read', done: 0, total: 1 });
      await readingStep(async () => job.prepare?.(tx, onRead));
      const parsed = await readingStep(() => job.parse(tx, onRead));
      progress({ phase: 'read', done: Math.max(parsed.rowsRead, 1), total: Math.max(parsed.rowsRead, 1) });
      const indicatorIds = [...new Set(parsed.rows.map((r) => r.indicatorId))].sort();
      const unreadable = parsed.rowsRead === 0 && parsed.issues.count > 0;
      if (unreadable) throw new Rejected(parsed.issues, { rowsRead: 0, ignored: parsed.ignored, indicators: [] });
      // A file with a header and no rows, or '[]', is no import: said so, never "done" with nothing read.
      if (parsed.rowsRead === 0 && !job.storesCatalogue) {
        parsed.issues.add({ code: 'no_rows' });
        throw new Rejected(parsed.issues, { rowsRead: 0, ignored: parsed.ignored, indicators: [] });
      }

      progress({ phase: 'validate', done: 0, total: parsed.rows.length });
      const keys = await catalogueKeys(tx, indicatorIds);
      job.authorize?.(keys);
      const ref = await areaReference(tx);
      const lookups: ImportLookups = {
        indicators: keys,
        municipalities: ref.municipalities,
        // Only changes in force (a merger decided for next year does not move this year's values yet).
        ...mergerLookups([...shippedChanges(), ...ref.changes].filter((c) => c.effectiveDate <= ctx.clock.now().toISOString().slice(0, 10))),
        counties: new Set(ref.counties.map((c) => c.code)),
        regions: ref.regions,
        years: yearRange(ctx.clock.now()),
        ...(job.allowedAreas ? { allowedAreas: job.allowedAreas } : {}),
      };
      const prepared = prepareRows(parsed.rows, lookups, parsed.issues, parsed.ignored, (done, total) => progress({ phase: 'validate', done, total }));
      progress({ phase: 'validate', done: parsed.rows.length, total: parsed.rows.length });
      if (parsed.issues.count > 0 && !job.skipInvalid) {
        throw new Rejected(parsed.issues, { rowsRead: parsed.rowsRead, ignored: parsed.ignored, indicators: indicatorIds });
      }
      if (parsed.issues.count > 0) countIgnored(parsed.ignored, 'invalid', undefined, parsed.issues.count);
      // Every row left out (all invalid with skipInvalid, all without a value, all of areas not used): an error.
      if (prepared.rows.length === 0 && parsed.rowsRead > 0) {
        parsed.issues.add({ code: 'all_rows_left_out', params: { count: parsed.rowsRead } });
        throw new Rejected(parsed.issues, { rowsRead: parsed.rowsRead, ignored: parsed.ignored, indicators: indicatorIds });
      }
      if (job.preview) throw new PreviewDone(await previewReport(tx, prepared.rows, prepared.mergedRows, prepared.merged, parsed, indicatorIds, base, t0));

      const importId = await insertImportLog(tx, {
        source: job.format,
        fileName: job.fileName,
        status: 'imported',
        partyId: job.partyId,
        startedAt,
        actorLabel: actorLabel(ctx.actor),
        actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      });
      const rows = prepared.rows;
      progress({ phase: 'write', done: 0, total: rows.length });
      // Compared with what is stored, then only new and changed rows written, in chunks (progress moves with them).
      // The last call has done = rows.length (also for no rows), so the CLI prints the finished phase once.
      const { inserted, updated } = await writeValues(tx, rows, importId, (done) => progress({ phase: 'write', done, total: rows.length }));
      const skipped = parsed.ignored.total;
      const report: ImportReport = {
        importId,
        status: 'imported',
        ...base,
        rowsRead: parsed.rowsRead,
        inserted,
        updated,
        unchanged: rows.length - inserted - updated,
        skipped,
        merged: prepared.merged,
        mergedRows: prepared.mergedRows,
        ignored: parsed.ignored.counts,
        ignoredLines: parsed.ignored.lines(),
        issues: parsed.issues.items,
        issueCount: parsed.issues.count,
        issuesByCode: parsed.issues.byCode(),
        indicators: indicatorIds,
        durationMs: 0,
      };
      report.durationMs = Math.round(performance.now() - t0);
      await finishImportLog(tx, importId, { finishedAt: ctx.clock.now(), ...report, report: storedReport(report) });
      await recordAudit(tx, ctx, {
        partyId: job.partyId,
        action: 'indicator.import',
        targetType: 'indicator_import',
        targetId: String(importId),
        after: auditSummary(report),
      });
      progress({ phase: 'done', done: rows.length, total: rows.length });
      return report;
    });
  } catch (e) {
    if (e instanceof PreviewDone) return e.report;
    if (!(e instanceof Rejected)) throw e;
    const report: ImportReport = {
      importId: null,
      status: 'rejected',
      ...base,
      rowsRead: e.partial.rowsRead,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      skipped: e.partial.rowsRead,
      merged: 0,
      mergedRows: [],
      ignored: e.partial.ignored.counts,
      ignoredLines: e.partial.ignored.lines(),
      issues: e.issues.items,
      issueCount: e.issues.count,
      issuesByCode: e.issues.byCode(),
      indicators: e.partial.indicators,
      durationMs: Math.round(performance.now() - t0),
    };
    if (job.preview) return Object.assign(report, { changedRows: [] as PreviewReport['changedRows'] });
    report.importId = await ctx.db.transaction(async (tx) => {
      const id = await insertImportLog(tx, {
        source: job.format,
        fileName: job.fileName,
        status: 'rejected',
        partyId: job.partyId,
        startedAt,
        actorLabel: actorLabel(ctx.actor),
        actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      });
      await finishImportLog(tx, id, { finishedAt: ctx.clock.now(), ...report, report: storedReport(report) });
      await recordAudit(tx, ctx, {
        partyId: job.partyId,
        action: 'indicator.import',
        targetType: 'indicator_import',
        targetId: String(id),
        after: auditSummary(report),
      });
      return id;
    });
    progress({ phase: 'done', done: 0, total: 0 });
    return report;
  }
}

function storedReport(r: ImportReport): object {
  const report = {
    issues: r.issues,
    issueCount: r.issueCount,
    issuesByCode: r.issuesByCode,
    ignored: r.ignored,
    ignoredLines: r.ignoredLines,
    merged: r.merged,
    mergedRows: r.mergedRows.slice(0, 200),
    indicators: r.indicators,
    durationMs: r.durationMs,
  };
  // A file's text quoted in an issue may hold characters jsonb cannot store (NUL): never let that lose the log.
  return JSON.parse(JSON.stringify(report).replace(/\\u0000/g, '')) as object;
}

async function previewReport(
  tx: Tx,
  rows: readonly ValueRow[],
  mergedRows: MergedRow[],
  merged: number,
  parsed: ParsedFile,
  indicatorIds: string[],
  base: Pick<ImportReport, 'format' | 'fileName'>,
  t0: number,
): Promise<PreviewReport> {
  const { inserted, updated, changed } = await compareValues(tx, rows);
  return {
    importId: null,
    status: 'imported',
    ...base,
    rowsRead: parsed.rowsRead,
    inserted,
    updated,
    unchanged: rows.length - inserted - updated,
    skipped: parsed.ignored.total,
    merged,
    mergedRows,
    ignored: parsed.ignored.counts,
    ignoredLines: parsed.ignored.lines(),
    issues: parsed.issues.items,
    issueCount: parsed.issues.count,
    issuesByCode: parsed.issues.byCode(),
    indicators: indicatorIds,
    durationMs: Math.round(performance.now() - t0),
    changedRows: changed.slice(0, 100).map((r) => ({ areaCode: r.areaCode, year: r.year, gender: r.gender, indicatorNum: r.indicatorNum, value: r.value })),
  };
}

function auditSummary(r: ImportReport): Record<string, unknown> {
  return {
    status: r.status,
    format: r.format,
    file: r.fileName,
    rows_read: r.rowsRead,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    skipped: r.skipped,
    merged: r.merged,
    issues: r.issueCount,
    indicators: r.indicators.slice(0, 20),
  };
}
