import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import type { ImportReport, OnProgress } from './import-report.ts';
import { indicatorPolicy } from './indicator-policy.ts';
import { sourceImportSubject } from './source-import-subject.ts';
import { runImport } from './run-import.ts';
import { readSotkanetData, storeIndicatorMeta, storeRegions } from './sotkanet-import-steps.ts';

export interface ImportSotkanetFileInput {
  format: 'sotkanet-json' | 'sotkanet-csv';
  /** The file's bytes (checked to be UTF-8) or text. */
  file: Uint8Array | string;
  fileName: string;
  /** A saved /regions answer; replaces the stored snapshot first. Without it the stored snapshot is used. */
  regions?: Uint8Array | string;
  /** Saved /indicators or /indicators/{id} answers, stored in the catalogue first. */
  indicatorMeta?: (Uint8Array | string)[];
  /** Only the catalogue (indicatorMeta, regions) is imported: a file without rows is then expected, not an error. */
  catalogueOnly?: boolean;
  skipInvalid?: boolean;
  onProgress?: OnProgress;
  /** Only tell what the import would add, change and leave out (nothing is written or logged). */
  preview?: boolean;
}

/**
 * Imports a file saved from THL Sotkanet's /json or /csv. Platform administrators and the command line only.
 * Every indicator in the file must be in the catalogue (import its /indicators/{id} metadata with it).
 */
export async function importSotkanetFile(ctx: Ctx, input: ImportSotkanetFileInput): Promise<ImportReport> {
  assertCan(indicatorPolicy, 'indicator.import_source', ctx.actor, await sourceImportSubject(ctx.db, ctx.actor));
  const now = ctx.clock.now();
  return runImport(ctx, {
    format: input.format,
    fileName: input.fileName,
    partyId: null,
    skipInvalid: input.skipInvalid ?? false,
    preview: input.preview ?? false,
    storesCatalogue: input.catalogueOnly === true && (input.indicatorMeta?.length ?? 0) > 0,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    prepare: async (tx) => {
      if (input.regions !== undefined) await storeRegions(tx, input.regions, now);
      if (input.indicatorMeta?.length) await storeIndicatorMeta(tx, input.indicatorMeta, now);
    },
    parse: (tx, onRows) => readSotkanetData(tx, input.file, input.format === 'sotkanet-json' ? 'json' : 'csv', onRows),
  });
}
