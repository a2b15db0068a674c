import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { decodeFile } from './file-text.ts';
import type { ImportReport, OnProgress, ParsedFile } from './import-report.ts';
import { CC_BY_4, STATFIN_ATTRIBUTION } from './indicator.ts';
import { indicatorPolicy } from './indicator-policy.ts';
import { sourceImportSubject } from './source-import-subject.ts';
import { upsertCatalogue } from './indicator-queries.ts';
import { runImport } from './run-import.ts';
import { unreadable } from './sotkanet-import-steps.ts';
import { parseStatfin } from './statfin-format.ts';

export interface ImportStatfinFileInput {
  /** A JSON-stat 2.0 dataset saved from StatFin (PxWeb). */
  file: Uint8Array | string;
  fileName: string;
  /** The table id ('11ra'); default: the dataset's extension.px.tableid. */
  table?: string;
  skipInvalid?: boolean;
  onProgress?: OnProgress;
  /** Only tell what the import would add, change and leave out (nothing is written or logged). */
  preview?: boolean;
}

/**
 * Imports a Statistics Finland table. Each content (Tiedot) becomes one catalogue entry 'statfin:<table>:<content>'
 * (title and unit from the dataset, attribution "Tilastokeskus", CC BY 4.0); entries are added or refreshed in the
 * same transaction. Values of a new entry are not additive until an administrator says so (JSON-stat does not tell).
 */
export async function importStatfinFile(ctx: Ctx, input: ImportStatfinFileInput): Promise<ImportReport> {
  assertCan(indicatorPolicy, 'indicator.import_source', ctx.actor, await sourceImportSubject(ctx.db, ctx.actor));
  const now = ctx.clock.now();
  let parsed: ParsedFile | undefined;
  return runImport(ctx, {
    format: 'statfin',
    fileName: input.fileName,
    partyId: null,
    skipInvalid: input.skipInvalid ?? false,
    preview: input.preview ?? false,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    prepare: async (tx, onRows) => {
      const decoded = decodeFile(input.file);
      if ('issue' in decoded) {
        parsed = unreadable(decoded.issue);
        return;
      }
      const file = parseStatfin(decoded.text, input.table, onRows);
      parsed = file;
      await upsertCatalogue(
        tx,
        file.metas.map((m) => ({
          id: m.id,
          source: 'statfin' as const,
          sourceId: m.sourceId,
          titleFi: m.title,
          unit: m.unit,
          decimals: m.decimals,
          organisation: STATFIN_ATTRIBUTION,
          dataUpdated: m.dataUpdated,
          licence: CC_BY_4,
          attribution: STATFIN_ATTRIBUTION,
        })),
        now,
      );
    },
    parse: async () => parsed!,
  });
}
