import { actorLabel } from '#platform/actor.ts';
import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import type { Tx } from '#platform/db/db.ts';
import { countIgnored, IssueList, type ImportIssue, type ImportReport, type OnProgress, type ParsedFile } from './import-report.ts';
import { yearRange, type ImportFormat, type IndicatorSource } from './indicator.ts';
import { areaReference, catalogueKeys, finishImportLog, insertImportLog, writeValues } from './indicator-queries.ts';
import { prepareRows, resolveMergers, type ImportLookups } from './merge.ts';
import { shippedMergers } from './reference-mergers.ts';

/** Thrown inside the transaction to roll everything back; the report is then logged on its own. */
export class Rejected extends Error {
  constructor(
    readonly issues: IssueList,
    readonly partial: { rowsRead: number; ignored: Record<string, number>; indicators: string[] },
  ) {
    super('import rejected');
  }
}

export function rejectWith(issue: ImportIssue): never {
  const list = new IssueList();
  list.add(issue);
  throw new Rejected(list, { rowsRead: 0, ignored: {}, indicators: [] });
}

export function rejectWithAll(issues: readonly ImportIssue[]): never {
  const list = new IssueList();
  for (const i of issues) list.add(i);
  throw new Rejected(list, { rowsRead: 0, ignored: {}, indicators: [] });
}

export interface ImportJob {
  format: ImportFormat | 'sotkanet-api';
  fileName: string;
  /** The party whose own data this is (party CSV import), else null. */
  partyId: string | null;
  skipInvalid: boolean;
  onProgress?: OnProgress;
  /** Runs first in the transaction: stores a regions snapshot or catalogue entries that came with the file. */
  prepare?: (tx: Tx) => Promise<void>;
  /** Reads the file, with what `prepare` stored visible. */
  parse: (tx: Tx) => Promise<ParsedFile>;
  /** Checks the indicators found (e.g. a party may write only its own); throws to refuse. */
  authorize?: (indicators: Map<string, { source: IndicatorSource; ownerPartyId: string | null }>) => void;
  /** Area codes a party may write. */
  allowedAreas?: ReadonlySet<string>;
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
      await job.prepare?.(tx);
      progress({ phase: 'read', done: 0, total: 1 });
      const parsed = await job.parse(tx);
      progress({ phase: 'read', done: 1, total: 1 });
      const indicatorIds = [...new Set(parsed.rows.map((r) => r.indicatorId))].sort();
      const unreadable = parsed.rowsRead === 0 && parsed.issues.count > 0;
      if (unreadable) throw new Rejected(parsed.issues, { rowsRead: 0, ignored: parsed.ignored, indicators: [] });

      progress({ phase: 'validate', done: 0, total: parsed.rows.length });
      const keys = await catalogueKeys(tx, indicatorIds);
      job.authorize?.(keys);
      const ref = await areaReference(tx);
      const lookups: ImportLookups = {
        indicators: keys,
        municipalities: ref.municipalities,
        mergers: resolveMergers(new Map([...shippedMergers(), ...ref.mergers])),
        counties: new Set(ref.counties.map((c) => c.code)),
        regions: ref.regions,
        years: yearRange(ctx.clock.now()),
        ...(job.allowedAreas ? { allowedAreas: job.allowedAreas } : {}),
      };
      const prepared = prepareRows(parsed.rows, lookups, parsed.issues, parsed.ignored);
      progress({ phase: 'validate', done: parsed.rows.length, total: parsed.rows.length });
      if (parsed.issues.count > 0 && !job.skipInvalid) {
        throw new Rejected(parsed.issues, { rowsRead: parsed.rowsRead, ignored: parsed.ignored, indicators: indicatorIds });
      }
      if (parsed.issues.count > 0) countIgnored(parsed.ignored, 'invalid', parsed.issues.count);

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
      const skipped = Object.values(parsed.ignored).reduce((a, b) => a + b, 0);
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
        ignored: parsed.ignored,
        issues: parsed.issues.items,
        issueCount: parsed.issues.count,
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
      ignored: e.partial.ignored,
      issues: e.issues.items,
      issueCount: e.issues.count,
      indicators: e.partial.indicators,
      durationMs: Math.round(performance.now() - t0),
    };
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
  return { issues: r.issues, issueCount: r.issueCount, ignored: r.ignored, merged: r.merged, indicators: r.indicators, durationMs: r.durationMs };
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
