import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogs, type Lang } from '#i18n/index.ts';
import {
  IMPORT_FORMATS,
  importOwnCsv,
  importSotkanetFile,
  importStatfinFile,
  type ImportFormat,
  type ImportIssue,
  type ImportReport,
} from '#modules/indicators/index.ts';
import { getPartyByCode } from '#modules/parties/index.ts';
import { isAppError } from '#platform/errors.ts';
import { CliFailure, EXIT, required, withDatabase, type CliIo, type Command } from './command.ts';
import { progressBar } from './progress.ts';

/**
 * `import-indicators --format sotkanet-json|sotkanet-csv|statfin|csv FILE [--regions FILE] [--meta FILE]…
 *   [--indicator ID] [--table ID] [--party CODE] [--skip-invalid]`: one transaction; a rejected file changes nothing.
 */
export const importIndicatorsCommand: Command = {
  name: 'import-indicators',
  synopsis: '--format sotkanet-json|sotkanet-csv|statfin|csv FILE [--regions FILE] [--meta FILE]… [--indicator ID] [--table ID] [--party CODE] [--skip-invalid]',
  options: {
    format: { type: 'string', help: 'format', arg: 'FORMAT' },
    regions: { type: 'string', help: 'regions', arg: 'FILE' },
    meta: { type: 'string', multiple: true, help: 'meta', arg: 'FILE' },
    indicator: { type: 'string', help: 'indicator', arg: 'ID' },
    table: { type: 'string', help: 'table', arg: 'ID' },
    party: { type: 'string', help: 'indicatorParty', arg: 'CODE' },
    'skip-invalid': { type: 'boolean', help: 'skipInvalid' },
  },
  positionals: 1,
  async exec(run) {
    const { io, lang } = run;
    const format = required(run, 'format') as ImportFormat;
    if (!IMPORT_FORMATS.includes(format)) {
      throw new CliFailure((t) => t.badChoice({ option: '--format', value: format, allowed: IMPORT_FORMATS.join(', ') }), EXIT.usage);
    }
    const file = run.positionals[0]!;
    const fileName = path.basename(file);
    const bytes = readBytes(file);
    const skipInvalid = run.values['skip-invalid'] === true;
    const regionsFile = run.values.regions as string | undefined;
    const metaFiles = (run.values.meta as string[] | undefined) ?? [];
    const partyCode = run.values.party as string | undefined;
    const bar = progressBar(io, catalogs[lang].indicators);
    const report = await withDatabase(run, 'import-indicators', async (ctx) => {
      const common = { file: bytes, fileName, skipInvalid, onProgress: bar.onProgress };
      try {
        switch (format) {
          case 'sotkanet-json':
          case 'sotkanet-csv':
            return await importSotkanetFile(ctx, {
              ...common,
              format,
              ...(regionsFile ? { regions: readBytes(regionsFile) } : {}),
              indicatorMeta: metaFiles.map(readBytes),
            });
          case 'statfin': {
            const table = run.values.table as string | undefined;
            return await importStatfinFile(ctx, { ...common, ...(table ? { table } : {}) });
          }
          case 'csv': {
            const indicator = required(run, 'indicator');
            let partyId: string | null = null;
            if (partyCode) {
              const party = await getPartyByCode(ctx, partyCode).catch((e: unknown) => {
                if (isAppError(e) && e.kind === 'not_found') throw new CliFailure((t) => t.unknownParty({ code: partyCode }));
                throw e;
              });
              partyId = party.id;
            }
            return await importOwnCsv(ctx, { ...common, indicator, partyId });
          }
        }
      } finally {
        bar.end();
      }
    });
    printReport(report, io, lang);
    return report.status === 'imported' ? EXIT.ok : EXIT.failed;
  },
};

export function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new CliFailure((t) => t.fileUnreadable({ file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
}

/** Issues printed one by one; the rest are summed up by reason with their first lines. */
const SHOWN_ISSUES = 50;

/** An issue code's text without its parameters (for the summary by reason). */
function issueText(lang: Lang, code: string): string {
  const entry = (catalogs[lang].indicators.issues as Record<string, string | ((p: Record<string, string | number>) => string)>)[code];
  if (typeof entry === 'string') return entry;
  // The text with '…' for the values that differ row by row.
  return entry ? entry(new Proxy({}, { get: () => '…' })) : code;
}

/** One issue as a sentence: 'Rivi 12 (tietue 11): arvo ”n/a” ei ole luku.' */
export function describeIssue(lang: Lang, i: ImportIssue): string {
  const t = catalogs[lang].indicators;
  const entry = (t.issues as Record<string, string | ((p: Record<string, string | number>) => string)>)[i.code];
  const text = typeof entry === 'function' ? entry(i.params ?? {}) : (entry ?? i.code);
  const file = i.params?.file ? `${i.params.file}: ` : '';
  return `${file}${t.at(i)}: ${text}`;
}

export function ignoredReason(lang: Lang, reason: string): string {
  const t = catalogs[lang].indicators.ignored;
  if (reason.startsWith('category:')) return t.category({ category: reason.slice('category:'.length) });
  return (t as unknown as Record<string, string>)[reason] ?? reason;
}

/** The import report: counts on stdout; issues on stderr, each naming its line and reason. */
export function printReport(r: ImportReport, io: CliIo, lang: Lang): void {
  const t = catalogs[lang].indicators.report;
  const locale = lang === 'en' ? 'en-GB' : `${lang}-FI`;
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const lines = (list: readonly number[], total: number) =>
    t.atLines({ n: total, lines: list.map(n).join(', '), more: Math.max(0, total - list.length) });
  if (r.issueCount > 0) {
    io.err(t.issuesHeading({ count: n(r.issueCount), n: r.issueCount }));
    // Sorted by line, without repeats (the report keeps them so); then each reason with its total and first lines.
    for (const i of r.issues.slice(0, SHOWN_ISSUES)) io.err(`  ${describeIssue(lang, i)}`);
    const shown = Math.min(r.issues.length, SHOWN_ISSUES);
    if (r.issueCount > shown) io.err(`  ${t.moreIssues({ count: n(r.issueCount - shown), n: r.issueCount - shown, shown: n(shown) })}`);
    const codes = Object.entries(r.issuesByCode ?? {});
    if (codes.length > 1 || r.issueCount > shown) {
      io.err(`  ${t.byCodeHeading}`);
      for (const [code, c] of codes) io.err(`    ${n(c.count)} × ${issueText(lang, code)}${c.lines.length ? ` (${lines(c.lines, c.count)})` : ''}`);
    }
  }
  if (r.status === 'rejected') {
    io.err(t.rejected({ file: r.fileName }));
    if (r.rowsRead > 0) io.err(t.skipInvalidHint);
    return;
  }
  io.out(t.imported({ file: r.fileName }));
  io.out(`  ${t.rowsRead({ count: n(r.rowsRead) })}`);
  io.out(`  ${t.inserted({ count: n(r.inserted) })}`);
  io.out(`  ${t.updated({ count: n(r.updated) })}`);
  io.out(`  ${t.unchanged({ count: n(r.unchanged) })}`);
  if (r.merged) io.out(`  ${t.merged({ count: n(r.merged) })}`);
  io.out(`  ${t.skipped({ count: n(r.skipped) })}`);
  const ignored = Object.entries(r.ignored);
  if (ignored.length) {
    io.out(`  ${t.ignoredHeading}`);
    for (const [reason, count] of ignored) {
      const at = r.ignoredLines?.[reason] ?? [];
      io.out(`    ${n(count)} × ${ignoredReason(lang, reason)}${at.length ? ` (${lines(at, count)})` : ''}`);
    }
  }
  if (r.mergedRows?.length) {
    io.out(`  ${t.mergedHeading}`);
    for (const m of r.mergedRows.slice(0, SHOWN_ISSUES)) io.out(`    ${t.mergedRow({ at: m.at, from: m.from, to: m.to, year: m.year })}`);
    if (r.merged > SHOWN_ISSUES) io.out(`    … ${n(r.merged - SHOWN_ISSUES)}`);
  }
  if (r.indicators.length) io.out(`  ${t.indicators({ list: r.indicators.join(', ') })}`);
  io.out(`  ${t.duration({ seconds: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r.durationMs / 1000) })}`);
}
