import type { Tx } from '#platform/db/db.ts';
import { decodeFile } from './file-text.ts';
import { IgnoredRows, IssueList, type OnRows, type ParsedFile } from './import-report.ts';
import { areaReference, readSotkanetSnapshot, replaceSotkanetSnapshot, upsertCatalogue } from './indicator-queries.ts';
import { rejectWith, rejectWithAll } from './run-import.ts';
import {
  parseSotkanetCsv,
  parseSotkanetIndicatorMeta,
  parseSotkanetJson,
  parseSotkanetRegions,
  sotkanetCatalogueEntry,
  sotkanetRegionResolver,
} from './sotkanet-format.ts';

/** Steps shared by the Sotkanet file import and the live fetch, run inside the import transaction. */

/** Stores a /regions answer as the snapshot; a malformed one rejects the import. */
export async function storeRegions(tx: Tx, bytes: Uint8Array | string, now: Date): Promise<void> {
  const decoded = decodeFile(bytes);
  if ('issue' in decoded) rejectWith({ ...decoded.issue, params: { ...decoded.issue.params, file: 'regions' } });
  const { regions, issues } = parseSotkanetRegions(decoded.text);
  if (issues.length) rejectWithAll(issues.map((i) => ({ ...i, params: { ...i.params, file: 'regions' } })));
  await replaceSotkanetSnapshot(tx, regions, now);
}

/** Stores /indicators or /indicators/{id} answers in the catalogue. */
export async function storeIndicatorMeta(tx: Tx, files: readonly (Uint8Array | string)[], now: Date): Promise<void> {
  for (const bytes of files) {
    const decoded = decodeFile(bytes);
    if ('issue' in decoded) rejectWith({ ...decoded.issue, params: { ...decoded.issue.params, file: 'indicators' } });
    const { metas, issues } = parseSotkanetIndicatorMeta(decoded.text);
    if (issues.length) rejectWithAll(issues.map((i) => ({ ...i, params: { ...i.params, file: 'indicators' } })));
    await upsertCatalogue(tx, metas.map(sotkanetCatalogueEntry), now);
  }
}

/** Reads Sotkanet data rows, resolving region ids through the stored snapshot. */
export async function readSotkanetData(tx: Tx, bytes: Uint8Array | string, format: 'json' | 'csv', onRows?: OnRows): Promise<ParsedFile> {
  const decoded = decodeFile(bytes);
  if ('issue' in decoded) return unreadable(decoded.issue);
  const snapshot = await readSotkanetSnapshot(tx);
  if (snapshot.regions.length === 0) return unreadable({ code: 'regions_snapshot_empty' });
  const { counties } = await areaReference(tx);
  const resolve = sotkanetRegionResolver(snapshot.regions, counties);
  return format === 'json' ? parseSotkanetJson(decoded.text, resolve, onRows) : parseSotkanetCsv(decoded.text, resolve, onRows);
}

export function unreadable(issue: Parameters<IssueList['add']>[0]): ParsedFile {
  const issues = new IssueList();
  issues.add(issue);
  return { rowsRead: 0, rows: [], issues, ignored: new IgnoredRows() };
}
