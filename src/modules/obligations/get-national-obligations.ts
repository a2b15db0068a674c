import type { Ctx } from '#platform/context.ts';
import type { Obligation, ObligationCode } from './catalogue.ts';
import { todayOf } from './obligation-access.ts';
import { listRegions, loadCatalogue, type RegionInfo } from './obligation-queries.ts';
import type { ObligationStatus } from './obligation-status.ts';
import { obligedParties, periodView, regionEvidence } from './obligation-views.ts';
import { periodOn, type Period } from './terms.ts';

export interface NationalCell {
  obligationCode: ObligationCode;
  periodKey: string;
  status: ObligationStatus;
  met: number;
  obliged: number;
}

export interface NationalObligations {
  catalogueVersion: string;
  today: string;
  obligations: readonly Obligation[];
  /** The current period of each obligation. */
  periods: Record<ObligationCode, Period>;
  regions: { region: Omit<RegionInfo, 'parties'>; cells: NationalCell[] }[];
}

/** All 22 regions × obligations for the current term and year (public; open data as CSV and JSON). */
export async function getNationalObligations(ctx: Ctx): Promise<NationalObligations> {
  const today = todayOf(ctx);
  const catalogue = await loadCatalogue(ctx.db);
  const obligations = catalogue.obligations;
  const regions = await listRegions(ctx.db);
  const periods = Object.fromEntries(obligations.map((o) => [o.code, periodOn(o.frequency, today)!])) as unknown as NationalObligations['periods'];
  const out: NationalObligations['regions'] = [];
  for (const region of regions) {
    const ev = await regionEvidence(ctx.db, region);
    const cells = obligations.map((o) => {
      const obliged = obligedParties(o, region);
      const v = periodView(o, periodOn(o.frequency, today)!, obliged, ev.evidence, today);
      return { obligationCode: o.code, periodKey: v.period.key, status: v.status, met: obliged.length - v.missingPartyIds.length, obliged: obliged.length };
    });
    const { parties: _parties, ...rest } = region;
    out.push({ region: rest, cells });
  }
  return { catalogueVersion: catalogue.version, today, obligations, periods, regions: out };
}

/** Open data as CSV (one row per region and obligation). */
export function nationalObligationsCsv(n: NationalObligations): string {
  const q = (s: string | number) => (typeof s === 'number' ? String(s) : /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['county_code,region_code,county_name_fi,obligation_code,period,period_ends_on,status,parties_met,parties_obliged'];
  for (const r of n.regions)
    for (const c of r.cells) lines.push([r.region.countyCode, r.region.regionCode, r.region.name.fi, c.obligationCode, c.periodKey, n.periods[c.obligationCode].endsOn, c.status, c.met, c.obliged].map(q).join(','));
  return lines.join('\n') + '\n';
}
