import type { Ctx } from '#platform/context.ts';
import { invalid, type FieldIssue } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import type { ImportReport, OnProgress } from './import-report.ts';
import { GENDERS, yearRange, type Gender } from './indicator.ts';
import { indicatorPolicy } from './indicator-policy.ts';
import { sourceImportSubject } from './source-import-subject.ts';
import { readSotkanetSnapshot } from './indicator-queries.ts';
import { runImport } from './run-import.ts';
import { sotkanetBaseUrl, sotkanetGet, type FetchLike } from './sotkanet-client.ts';
import { readSotkanetData, storeIndicatorMeta, storeRegions } from './sotkanet-import-steps.ts';

export interface FetchSotkanetInput {
  indicators: number[];
  years: number[];
  genders?: Gender[];
  /** Default: SOTKANET_BASE_URL or https://sotkanet.fi/rest/1.1. */
  baseUrl?: string;
  /** Fetch /regions even when the stored snapshot is recent. */
  refreshRegions?: boolean;
  skipInvalid?: boolean;
  onProgress?: OnProgress;
  fetch?: FetchLike;
}

/** The stored /regions snapshot is reused for this long (regions change a few times a decade). */
export const REGIONS_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/**
 * Fetches indicators live from the Sotkanet REST API and imports them like a file: /regions (when the stored
 * snapshot is missing, older than 30 days or a refresh is asked), /indicators/{id} for the catalogue, then
 * /json?indicator=…&years=…&genders=…. Network first, then one transaction. Platform administrators only.
 */
export async function fetchSotkanet(ctx: Ctx, input: FetchSotkanetInput): Promise<ImportReport> {
  assertCan(indicatorPolicy, 'indicator.import_source', ctx.actor, await sourceImportSubject(ctx.db, ctx.actor));
  const { min, max } = yearRange(ctx.clock.now());
  const genders = input.genders?.length ? input.genders : (['total'] as Gender[]);
  const issues: FieldIssue[] = [];
  if (!input.indicators.length || input.indicators.some((i) => !Number.isInteger(i) || i <= 0)) issues.push({ field: 'indicators', code: 'invalid' });
  if (!input.years.length || input.years.length > 60 || input.years.some((y) => !Number.isInteger(y) || y < min || y > max))
    issues.push({ field: 'years', code: 'year_out_of_range', params: { min, max } });
  if (genders.some((g) => !GENDERS.includes(g))) issues.push({ field: 'genders', code: 'invalid_choice' });
  if (issues.length) throw invalid(issues);

  const base = input.baseUrl ?? sotkanetBaseUrl();
  const opts = input.fetch ? { fetch: input.fetch } : {};
  const progress = input.onProgress ?? (() => {});
  const steps = input.indicators.length * 2 + 1;
  let step = 0;
  const tick = () => progress({ phase: 'read', done: ++step, total: steps });

  const snapshot = await readSotkanetSnapshot(ctx.db);
  const stale = !snapshot.updatedAt || ctx.clock.now().getTime() - snapshot.updatedAt.getTime() > REGIONS_MAX_AGE_MS;
  const regions = input.refreshRegions || stale ? (await sotkanetGet(base, '/regions', [], opts)).body : undefined;
  tick();
  const meta: Uint8Array[] = [];
  const data: { url: string; body: Uint8Array }[] = [];
  for (const id of input.indicators) {
    meta.push((await sotkanetGet(base, `/indicators/${id}`, [], opts)).body);
    tick();
    const params: [string, string][] = [['indicator', String(id)], ...input.years.map((y): [string, string] => ['years', String(y)]), ...genders.map((g): [string, string] => ['genders', g])];
    data.push(await sotkanetGet(base, '/json', params, opts));
    tick();
  }
  const now = ctx.clock.now();
  // Several indicators arrive as several /json answers; they are one import (one transaction, one report).
  const merged = data.length === 1 ? data[0]!.body : joinJsonArrays(data.map((d) => d.body));
  return runImport(ctx, {
    format: 'sotkanet-api',
    fileName: data.map((d) => d.url).join(' ').slice(0, 2000),
    partyId: null,
    skipInvalid: input.skipInvalid ?? false,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    prepare: async (tx) => {
      if (regions) await storeRegions(tx, regions, now);
      await storeIndicatorMeta(tx, meta, now);
    },
    parse: (tx, onRows) => readSotkanetData(tx, merged, 'json', onRows),
  });
}

/** '[a,b]' + '[c]' → '[a,b,\nc]' without parsing (each part is checked when the whole is read). */
function joinJsonArrays(parts: Uint8Array[]): string {
  const texts = parts.map((p) => new TextDecoder().decode(p).trim().replace(/^\uFEFF/, ''));
  const inner = texts.map((t) => t.replace(/^\[/, '').replace(/\]$/, '').trim()).filter((t) => t.length > 0);
  return `[${inner.join(',\n')}]`;
}
