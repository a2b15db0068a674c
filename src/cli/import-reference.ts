import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importReference, type ImportReferenceResult } from '#modules/parties/index.ts';
import { isAppError } from '#platform/errors.ts';
import { CliFailure, EXIT, issueLines, withDatabase, type CliText, type Command } from './command.ts';

/**
 * `import-reference FILE [--changes CHANGES.csv]`: updates municipalities from a Statistics Finland
 * classification and applies mergers. A malformed file is rejected whole, its issues naming line and column.
 */
export const importReferenceCommand: Command = {
  name: 'import-reference',
  synopsis: 'FILE [--changes CHANGES.csv]',
  options: { changes: { type: 'string', help: 'changes', arg: 'CHANGES.csv' } },
  positionals: 1,
  async exec(run) {
    const { io, t, lang } = run;
    const file = run.positionals[0]!;
    const changes = run.values.changes as string | undefined;
    const municipalitiesCsv = readText(file);
    const changesCsv = changes === undefined ? undefined : readText(changes);
    const source = `cli: ${path.basename(file)}${changes ? ` + ${path.basename(changes)}` : ''}`;
    let result: ImportReferenceResult;
    try {
      result = await withDatabase(run, 'import-reference', (ctx) => importReference(ctx, { municipalitiesCsv, changesCsv, source }));
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      // Issues name the file by its label: 'file' is FILE, 'changes' is --changes.
      const label = (f: string) => (f === 'changes' && changes ? changes : f === 'file' ? file : f);
      for (const line of issueLines(e, lang, label)) io.err(line);
      io.err(t.importRejected);
      return EXIT.failed;
    }
    for (const line of summary(result, t, source)) io.out(line);
    return EXIT.ok;
  },
};

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliFailure((t) => t.fileUnreadable({ file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
}

function summary(r: ImportReferenceResult, t: CliText, source: string): string[] {
  return [
    t.importDone({ source }),
    `  ${t.importCreated({ count: r.created.length, list: r.created.join(', ') })}`,
    `  ${t.importUpdated({ count: r.updated.length, list: r.updated.join(', ') })}`,
    `  ${t.importMerged({ count: r.merged.length, list: r.merged.map((m) => `${m.oldCode} → ${m.newCode} ${m.effectiveDate}`).join(', ') })}`,
    `  ${t.importChangesStored({ count: r.changesStored })}`,
    `  ${t.importUnchanged({ count: r.unchanged })}`,
    `  ${t.importMissing({ count: r.missingFromFile.length, list: r.missingFromFile.join(', ') })}`,
  ];
}
