import { COUNTRY_CODE } from '#modules/indicators/index.ts';
import type { Ctx } from '#platform/context.ts';
import { helsinkiDate } from '#platform/clock.ts';
import { invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { rollUp, type Measure } from './goal.ts';
import { agreementOr404, subjectOf } from './goal-access.ts';
import { goalPolicy } from './goal-policy.ts';
import { catalogueValues, listAreas, listGoals, listLinks, listMeasures, listSections, pushedValues } from './goal-queries.ts';
import { ZReportQuery } from './goal-schemas.ts';
import { scopeAreas } from './goal-status.ts';
import {
  countArea,
  defaultReportYear,
  deriveFindings,
  MIN_REPORT_YEAR,
  reportRows,
  sumCounts,
  yearlyValues,
  type AgreementReport,
  type Named,
  type ReportGoal,
  type ReportIndicator,
  type ReportMeasure,
  type RowInput,
} from './report.ts';
import { findReportIndicators, findReportPlace, latestMeasureUpdates, listReportParties } from './report-queries.ts';

export interface ReportQuery {
  /** Empty for the last full year. */
  year?: string | number | null;
}

/** Names of the whole country (the report's comparison row). */
const COUNTRY: Named = { fi: 'Koko maa', sv: 'Hela landet', en: 'Whole country' };

/**
 * The annual follow-up report of an agreement for one year (default: the last full year, Helsinki time):
 * totals by cooperation area, the indicators tied to the goals with their values up to that year (rows for the
 * link's scope, plus the county and the whole country for comparison), strengths and areas to develop derived
 * from the statuses, goals and measures with the newest public update, and the sources with their licences.
 * Public like the goals pages, and the same for every reader: internal notes are never part of it.
 */
export async function getAgreementReport(ctx: Ctx, agreementId: string, query: ReportQuery = {}): Promise<AgreementReport> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(goalPolicy, 'report.view', ctx.actor, subjectOf(agreement));
  const now = ctx.clock.now();
  const today = helsinkiDate(now);
  const maxYear = Number(today.slice(0, 4));
  const asked = parseInput(ZReportQuery, { year: query.year ?? null }).year;
  if (asked !== null && (asked < MIN_REPORT_YEAR || asked > maxYear)) {
    throw invalid([{ field: 'year', code: 'year_out_of_range', params: { min: MIN_REPORT_YEAR, max: maxYear } }]);
  }
  const year = asked ?? defaultReportYear(today);

  const [place, parties, areas, goals, sections] = await Promise.all([
    findReportPlace(ctx.db, agreement.id),
    listReportParties(ctx.db, agreement.id),
    listAreas(ctx.db, agreement.id),
    listGoals(ctx.db, agreement.id),
    listSections(ctx.db, agreement.id),
  ]);
  const measures = await listMeasures(ctx.db, goals.map((g) => g.id));
  const links = await listLinks(ctx.db, measures.map((m) => m.id));
  const [indicatorInfo, pushed, updates, scopes] = await Promise.all([
    findReportIndicators(ctx.db, [...new Set(links.map((l) => l.indicatorId))]),
    pushedValues(ctx.db, links.map((l) => l.id)),
    latestMeasureUpdates(ctx.db, measures.map((m) => m.id), now),
    scopeAreas(ctx.db, agreement),
  ]);
  const partyById = new Map(parties.map((p) => [p.id, p]));
  const countyName = place!.countyName;
  const regionName = place!.regionName;
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const goalById = new Map(goals.map((g) => [g.id, g]));

  // Section 2: one entry per followed indicator, in the order of areas, goals, measures and links.
  const areaOrder = new Map(areas.map((a, i) => [a.id, i]));
  const goalOrder = new Map(goals.map((g, i) => [g.id, i]));
  const measureOrder = new Map(measures.map((m, i) => [m.id, i]));
  const orderedLinks = [...links].sort((a, b) => {
    const ma = measureById.get(a.measureId)!;
    const mb = measureById.get(b.measureId)!;
    const ga = goalById.get(ma.goalId)!;
    const gb = goalById.get(mb.goalId)!;
    return (
      (areaOrder.get(ga.areaId) ?? 0) - (areaOrder.get(gb.areaId) ?? 0) ||
      goalOrder.get(ga.id)! - goalOrder.get(gb.id)! ||
      measureOrder.get(ma.id)! - measureOrder.get(mb.id)!
    );
  });
  let usesOwnerValues = false;
  const indicators: ReportIndicator[] = [];
  for (const link of orderedLinks) {
    const info = indicatorInfo.get(link.indicatorId)!;
    const direction = info.direction;
    const inScope = scopes[link.scope];
    const referenceCodes = [...(link.scope === 'county' ? [] : [agreement.countyCode]), COUNTRY_CODE];
    const codes = [...inScope.map((a) => a.code), ...referenceCodes];
    const catalogue = (await catalogueValues(ctx.db, link.indicatorId, codes)).filter((v) => v.year <= year);
    const mine = pushed.filter((p) => p.linkId === link.id && Number(p.observedOn.slice(0, 4)) <= year);
    if (mine.length) usesOwnerValues = true;
    const valuesOf = (code: string, withPushed: boolean) =>
      yearlyValues(
        catalogue.filter((c) => c.areaCode === code),
        withPushed ? mine.filter((p) => p.areaCode === code) : [],
      );
    const nameOfScope = (code: string, partyName: Named | undefined): Named =>
      partyName ?? (code === agreement.countyCode ? countyName : code === agreement.regionCode ? regionName : { fi: code, sv: code, en: code });
    const rows: RowInput[] = [
      ...inScope.map((a) => ({
        code: a.code,
        kind: link.scope === 'each_municipality' ? ('municipality' as const) : link.scope === 'county' ? ('county' as const) : ('region' as const),
        name: nameOfScope(a.code, a.party?.name),
        reference: false,
        values: valuesOf(a.code, true),
      })),
      ...referenceCodes.map((code) => ({
        code,
        kind: code === COUNTRY_CODE ? ('country' as const) : ('county' as const),
        name: code === COUNTRY_CODE ? COUNTRY : countyName,
        reference: true,
        values: valuesOf(code, false),
      })),
    ];
    const measure = measureById.get(link.measureId)!;
    const goal = goalById.get(measure.goalId)!;
    indicators.push({
      linkId: link.id,
      areaId: goal.areaId,
      goalId: goal.id,
      measureId: measure.id,
      indicator: { id: info.id, source: info.source, title: info.title, unit: info.unit, decimals: info.decimals, direction },
      scope: link.scope,
      baseline: { year: link.baselineYear, value: link.baselineValue },
      target: { year: link.targetYear, value: link.targetValue },
      ...reportRows(link, direction, rows, year),
    });
  }
  const indicatorByLink = new Map(indicators.map((i) => [i.linkId, i]));

  const reportMeasure = (m: Measure): ReportMeasure => {
    const linkIds = links.filter((l) => l.measureId === m.id).map((l) => l.id);
    const u = updates.get(m.id);
    const owner = (id: string) => {
      const p = partyById.get(id);
      return p ? { id, name: p.name } : null;
    };
    return {
      id: m.id,
      title: m.title,
      responsible: m.responsible,
      startsOn: m.startsOn,
      dueOn: m.dueOn,
      status: m.status,
      owners: m.ownerPartyIds
        .map(owner)
        .filter((o): o is NonNullable<typeof o> => o !== null)
        .sort((a, b) => a.name.fi.localeCompare(b.name.fi, 'fi')),
      latestUpdate: u ? { status: u.status, body: u.body, party: owner(u.partyId), postedOn: helsinkiDate(u.createdAt) } : null,
      linkIds,
      summary: rollUp(linkIds.map((id) => indicatorByLink.get(id)!.summary.worst)),
    };
  };

  const reportAreas = areas.map((area) => {
    const areaGoals: ReportGoal[] = goals
      .filter((g) => g.areaId === area.id)
      .map((g) => {
        const ms = measures.filter((m) => m.goalId === g.id).map(reportMeasure);
        const sectionIndex = g.sectionId ? sections.findIndex((s) => s.id === g.sectionId) : -1;
        return {
          id: g.id,
          title: g.title,
          description: g.description,
          section: sectionIndex >= 0 ? { id: sections[sectionIndex]!.id, number: sectionIndex + 1, heading: sections[sectionIndex]!.heading } : null,
          summary: rollUp(ms.flatMap((m) => m.linkIds.map((id) => indicatorByLink.get(id)!.summary.worst))),
          measures: ms,
        };
      });
    return { id: area.id, name: area.name, counts: countArea(areaGoals, indicators), goals: areaGoals };
  });

  const sources = [...indicatorInfo.values()].map((i) => ({
    indicatorId: i.id,
    source: i.source,
    title: i.title,
    organisation: i.organisation,
    licence: i.licence,
    attribution: i.attribution,
    dataUpdated: i.dataUpdated,
  }));
  const firstYear = Math.max(MIN_REPORT_YEAR, Math.min(Number(place!.validFrom.slice(0, 4)) - 1, ...links.map((l) => l.baselineYear)));
  return {
    agreement: {
      id: agreement.id,
      title: agreement.title,
      countyCode: agreement.countyCode,
      countyName,
      regionCode: agreement.regionCode,
      regionName,
      validFrom: place!.validFrom,
      validUntil: place!.validUntil,
      coordinatingPartyId: agreement.coordinatingPartyId,
    },
    year,
    preparedOn: today,
    years: Array.from({ length: Math.max(0, maxYear - firstYear + 1) }, (_, i) => firstYear + i),
    parties,
    totals: sumCounts(reportAreas.map((a) => a.counts)),
    areas: reportAreas,
    indicators,
    findings: deriveFindings(
      indicators,
      reportAreas.flatMap((a) => a.goals.flatMap((g) => g.measures)),
    ),
    sources,
    usesOwnerValues,
  };
}

