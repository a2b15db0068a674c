import type { Sql } from '#platform/db/db.ts';
import { expectedValue, indicatorStatus, latestPoint, rollUp, type IndicatorLink, type IndicatorScope, type IndicatorStatus, type Point, type RollUp } from './goal.ts';
import { catalogueValues, findIndicators, findParties, pushedValues, type AgreementInfo, type IndicatorInfo, type PartyInfo } from './goal-queries.ts';

/** One area a link is followed in: a municipality of the agreement, the county or the whole region. */
export interface ScopeArea {
  code: string;
  /** The municipality's party (for each_municipality), else null. */
  party: PartyInfo | null;
}

export interface AreaStatus {
  area: ScopeArea;
  latest: Point | null;
  expected: number | null;
  status: IndicatorStatus;
}

export interface LinkStatus {
  link: IndicatorLink;
  indicator: IndicatorInfo | null;
  areas: AreaStatus[];
  summary: RollUp;
}

/** The area codes of each scope for one agreement. */
export async function scopeAreas(sql: Sql, agreement: AgreementInfo): Promise<Record<IndicatorScope, ScopeArea[]>> {
  const parties = await findParties(sql, agreement.partyIds);
  const municipalities = parties.filter((p) => p.type === 'municipality' || p.type === 'city_of_helsinki');
  return {
    each_municipality: municipalities.map((p) => ({ code: p.code, party: p })),
    county: [{ code: agreement.countyCode, party: null }],
    whole_region: [{ code: agreement.regionCode, party: null }],
  };
}

/** The area codes a party speaks for: its municipality, county or region (what it may push values for). */
export function ownAreaCodes(p: PartyInfo): string[] {
  switch (p.type) {
    case 'municipality':
    case 'wellbeing_services_county':
      return [p.code];
    case 'city_of_helsinki':
      return [p.code, p.countyCode ?? 'HVA90'];
    case 'regional_council':
      return p.regionCode ? [p.regionCode] : [];
    default:
      return [];
  }
}

/** Statuses of the links: per area, then the worst of the areas (see rollUp). */
export async function linkStatuses(sql: Sql, agreement: AgreementInfo, links: readonly IndicatorLink[]): Promise<Map<string, LinkStatus>> {
  const out = new Map<string, LinkStatus>();
  if (links.length === 0) return out;
  const scopes = await scopeAreas(sql, agreement);
  const indicators = await findIndicators(sql, [...new Set(links.map((l) => l.indicatorId))]);
  const pushed = await pushedValues(sql, links.map((l) => l.id));
  for (const link of links) {
    const indicator = indicators.get(link.indicatorId) ?? null;
    const areas = scopes[link.scope];
    const catalogue = await catalogueValues(sql, link.indicatorId, areas.map((a) => a.code));
    const statuses: AreaStatus[] = areas.map((area) => {
      const latest = latestPoint(
        catalogue.filter((c) => c.areaCode === area.code && c.year > link.baselineYear),
        pushed.filter((p) => p.linkId === link.id && p.areaCode === area.code && Number(p.observedOn.slice(0, 4)) > link.baselineYear),
      );
      const status = indicatorStatus({ ...link, direction: indicator?.direction ?? 'neutral', latest });
      const expected = latest ? expectedValue(link, latest.year) : null;
      return { area, latest, expected, status };
    });
    out.set(link.id, { link, indicator, areas: statuses, summary: rollUp(statuses.map((s) => s.status)) });
  }
  return out;
}

