import type { Ctx } from '#platform/context.ts';
import { forbidden, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseOwnCsv } from './csv-format.ts';
import { decodeFile } from './file-text.ts';
import type { ImportReport, OnProgress } from './import-report.ts';
import { indicatorPolicy, ownIndicatorPolicy } from './indicator-policy.ts';
import { findIndicator, partyAreaCodes } from './indicator-queries.ts';
import { runImport } from './run-import.ts';
import { unreadable } from './sotkanet-import-steps.ts';

export interface ImportOwnCsvInput {
  /** Catalogue id of the indicator the values belong to. */
  indicator: string;
  /** The party whose own data this is. Its editors may import values of its own indicators for its own area. */
  partyId?: string | null;
  file: Uint8Array | string;
  fileName: string;
  skipInvalid?: boolean;
  onProgress?: OnProgress;
  /** Only tell what the import would add, change and leave out (nothing is written or logged). */
  preview?: boolean;
}

/**
 * Imports a plain CSV (region_code, year, value[, gender]) into one indicator.
 * - With a party: the indicator must be that party's own (custom) indicator, the actor its editor or
 *   administrator (or a platform administrator), and every row must be for the party's own area codes.
 * - Without a party: platform administrators only, any indicator and area.
 */
export async function importOwnCsv(ctx: Ctx, input: ImportOwnCsvInput): Promise<ImportReport> {
  const partyId = input.partyId ?? null;
  const indicator = await findIndicator(ctx.db, input.indicator);
  if (partyId === null) assertCan(indicatorPolicy, 'indicator.import', ctx.actor, null);
  else assertCan(ownIndicatorPolicy, 'indicator.import_own', ctx.actor, { partyId, ownerPartyId: indicator?.ownerPartyId ?? null });
  if (!indicator) throw notFound('indicators.not_found');
  let allowedAreas: Set<string> | undefined;
  if (partyId !== null) {
    const codes = await partyAreaCodes(ctx.db, partyId);
    if (!codes) throw notFound('parties.not_found');
    allowedAreas = new Set(codes);
  }
  return runImport(ctx, {
    format: 'csv',
    fileName: input.fileName,
    partyId,
    skipInvalid: input.skipInvalid ?? false,
    preview: input.preview ?? false,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(allowedAreas ? { allowedAreas } : {}),
    parse: async (_tx, onRows) => {
      const decoded = decodeFile(input.file);
      return 'issue' in decoded ? unreadable(decoded.issue) : parseOwnCsv(decoded.text, indicator.id, onRows);
    },
    authorize: (found) => {
      // The file names no indicator, so only the chosen one can appear; checked again inside the transaction.
      if (partyId !== null && [...found.values()].some((f) => f.ownerPartyId !== partyId)) throw forbidden();
    },
  });
}
