/** The annual follow-up report (seurantaraportti) of an agreement: its shape and the rules that need no database. */
import type { Direction, IndicatorSource } from '#modules/indicators/index.ts';
import {
  expectedValue,
  indicatorStatus,
  MEASURE_STATUSES,
  rollUp,
  type Bilingual,
  type IndicatorScope,
  type IndicatorStatus,
  type MeasureStatus,
  type Point,
  type RollUp,
  type StatusCounts,
} from './goal.ts';

export interface Named {
  fi: string;
  sv: string;
  en: string;
}

/** Years a report may be asked for: from MIN_REPORT_YEAR to the current year (the default is the last full year). */
export const MIN_REPORT_YEAR = 2000;
/** At most this many years in a trend table (the newest ones up to the report year). */
export const TREND_YEARS = 6;

export const TRENDS = ['improving', 'worsening', 'unchanged', 'rising', 'falling'] as const;
export type Trend = (typeof TRENDS)[number];

export type ReportAreaKind = 'municipality' | 'county' | 'region' | 'country';

export interface ReportRow {
  code: string;
  kind: ReportAreaKind;
  name: Named;
  /** A comparison row outside the link's scope (the county for municipal links, the whole country): no status. */
  reference: boolean;
  /** Values of the indicator's `years`, in order; null where the year has no value. */
  values: (number | null)[];
  /** Newest value after the baseline year and up to the report year. */
  latest: Point | null;
  /** The value the straight path expects in the latest value's year (rows in scope only). */
  expected: number | null;
  status: IndicatorStatus | null;
  trend: Trend | null;
}

export interface ReportIndicator {
  /** The goal_measure_indicator link (one measure follows one indicator with a baseline and a target). */
  linkId: string;
  areaId: string;
  goalId: string;
  measureId: string;
  indicator: { id: string; source: IndicatorSource; title: Named; unit: string; decimals: number; direction: Direction };
  scope: IndicatorScope;
  baseline: Point;
  target: Point;
  years: number[];
  rows: ReportRow[];
  /** Over the rows in scope (not the reference rows). */
  summary: RollUp;
}

export interface ReportMeasure {
  id: string;
  title: Bilingual;
  responsible: string;
  startsOn: string | null;
  dueOn: string | null;
  status: MeasureStatus;
  owners: { id: string; name: Named }[];
  /** The newest public progress update (never the internal notes). */
  latestUpdate: { status: MeasureStatus; body: string; party: { id: string; name: Named } | null; postedOn: string } | null;
  linkIds: string[];
  summary: RollUp;
}

export interface ReportGoal {
  id: string;
  title: Bilingual;
  description: Bilingual;
  /** The agreement section the goal came from, numbered as in the agreement document. */
  section: { id: string; number: number; heading: Bilingual } | null;
  summary: RollUp;
  measures: ReportMeasure[];
}

export interface AreaCounts {
  goals: number;
  measures: number;
  indicators: number;
  goalsByStatus: StatusCounts;
  measuresByStatus: Record<MeasureStatus, number>;
  indicatorsByStatus: StatusCounts;
}

export interface ReportArea {
  id: string;
  name: Bilingual;
  counts: AreaCounts;
  goals: ReportGoal[];
}

export interface Findings {
  /** Per link: the areas on track. */
  indicatorsOnTrack: { linkId: string; areaCodes: string[] }[];
  measuresDone: string[];
  /** Per link: the areas off track. */
  indicatorsOffTrack: { linkId: string; areaCodes: string[] }[];
  measuresBehind: { measureId: string; status: 'late' | 'at_risk' }[];
  /** Per link: the areas without a value after the baseline year. */
  indicatorsNoData: { linkId: string; areaCodes: string[] }[];
}

export interface ReportSource {
  indicatorId: string;
  source: IndicatorSource;
  title: Named;
  organisation: string;
  licence: string;
  attribution: string;
  dataUpdated: string | null;
}

export interface AgreementReport {
  agreement: {
    id: string;
    title: Bilingual;
    countyCode: string;
    countyName: Named;
    regionCode: string;
    regionName: Named;
    validFrom: string;
    validUntil: string | null;
    coordinatingPartyId: string;
  };
  year: number;
  /** Helsinki date the report was prepared, YYYY-MM-DD. */
  preparedOn: string;
  /** Years one may ask for (the page's year choice), oldest first. */
  years: number[];
  parties: { id: string; type: string; code: string; name: Named; businessId: string | null }[];
  totals: AreaCounts;
  areas: ReportArea[];
  indicators: ReportIndicator[];
  findings: Findings;
  sources: ReportSource[];
  /** Some values shown were pushed by the measures' owner parties (not from the catalogue). */
  usesOwnerValues: boolean;
}

/** One area's yearly values: catalogue values, with an owner's value (its newest date in the year) winning in its year. */
export function yearlyValues(catalogue: readonly Point[], pushed: readonly { observedOn: string; value: number }[]): Map<number, number> {
  const byYear = new Map<number, number>();
  for (const c of catalogue) byYear.set(c.year, c.value);
  for (const v of [...pushed].sort((a, b) => a.observedOn.localeCompare(b.observedOn))) byYear.set(Number(v.observedOn.slice(0, 4)), v.value);
  return byYear;
}

/** The newest years with a value in any row, up to the report year: at most TREND_YEARS, oldest first. */
export function trendYears(series: readonly Map<number, number>[], year: number, max = TREND_YEARS): number[] {
  const all = new Set<number>();
  for (const s of series) for (const y of s.keys()) if (y <= year) all.add(y);
  return [...all].sort((a, b) => a - b).slice(-max);
}

/**
 * Development over the values shown: the first and the last value compared by the indicator's direction
 * (neutral indicators rise or fall). Null with fewer than two values.
 */
export function trendOf(values: readonly (number | null)[], direction: Direction): Trend | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const scale = Math.max(Math.abs(first), Math.abs(last), 1e-9);
  if (Math.abs(last - first) / scale < 1e-9) return 'unchanged';
  const up = last > first;
  if (direction === 'neutral') return up ? 'rising' : 'falling';
  return up === (direction === 'higher_is_better') ? 'improving' : 'worsening';
}

export interface RowInput {
  code: string;
  kind: ReportAreaKind;
  name: Named;
  reference: boolean;
  values: Map<number, number>;
}

/** A link's rows with statuses as of the report year: only values up to that year count. */
export function reportRows(
  link: { baselineYear: number; baselineValue: number; targetYear: number; targetValue: number },
  direction: Direction,
  inputs: readonly RowInput[],
  year: number,
): { years: number[]; rows: ReportRow[]; summary: RollUp } {
  const years = trendYears(
    inputs.map((i) => i.values),
    year,
  );
  const rows = inputs.map((i): ReportRow => {
    let latest: Point | null = null;
    for (const [y, value] of i.values) if (y > link.baselineYear && y <= year && (!latest || y > latest.year)) latest = { year: y, value };
    const values = years.map((y) => i.values.get(y) ?? null);
    return {
      code: i.code,
      kind: i.kind,
      name: i.name,
      reference: i.reference,
      values,
      latest,
      expected: latest && !i.reference ? expectedValue(link, latest.year) : null,
      status: i.reference ? null : indicatorStatus({ ...link, direction, latest }),
      trend: trendOf(values, direction),
    };
  });
  return { years, rows, summary: rollUp(rows.flatMap((r) => (r.status ? [r.status] : []))) };
}

const emptyMeasureCounts = (): Record<MeasureStatus, number> => Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;

/** Counts of goals (by their roll-up), measures (by status) and indicators (by their worst area). */
export function countArea(goals: readonly ReportGoal[], indicators: readonly ReportIndicator[]): AreaCounts {
  const measures = goals.flatMap((g) => g.measures);
  const measuresByStatus = emptyMeasureCounts();
  for (const m of measures) measuresByStatus[m.status]++;
  const linkIds = new Set(measures.flatMap((m) => m.linkIds));
  const mine = indicators.filter((i) => linkIds.has(i.linkId));
  return {
    goals: goals.length,
    measures: measures.length,
    indicators: mine.length,
    goalsByStatus: rollUp(goals.map((g) => g.summary.worst)).counts,
    measuresByStatus,
    indicatorsByStatus: rollUp(mine.map((i) => i.summary.worst)).counts,
  };
}

export function sumCounts(parts: readonly AreaCounts[]): AreaCounts {
  const total: AreaCounts = {
    goals: 0,
    measures: 0,
    indicators: 0,
    goalsByStatus: { on_track: 0, off_track: 0, no_data: 0, no_status: 0 },
    measuresByStatus: emptyMeasureCounts(),
    indicatorsByStatus: { on_track: 0, off_track: 0, no_data: 0, no_status: 0 },
  };
  for (const p of parts) {
    total.goals += p.goals;
    total.measures += p.measures;
    total.indicators += p.indicators;
    for (const k of Object.keys(p.goalsByStatus) as IndicatorStatus[]) {
      total.goalsByStatus[k] += p.goalsByStatus[k];
      total.indicatorsByStatus[k] += p.indicatorsByStatus[k];
    }
    for (const k of MEASURE_STATUSES) total.measuresByStatus[k] += p.measuresByStatus[k];
  }
  return total;
}

/**
 * Strengths and areas to develop, derived from the data only: areas on track per indicator and measures done;
 * areas off track, measures late or at risk, and areas without data.
 */
export function deriveFindings(indicators: readonly ReportIndicator[], measures: readonly ReportMeasure[]): Findings {
  const areasIn = (i: ReportIndicator, s: IndicatorStatus) => i.rows.filter((r) => !r.reference && r.status === s).map((r) => r.code);
  const per = (s: IndicatorStatus) => indicators.map((i) => ({ linkId: i.linkId, areaCodes: areasIn(i, s) })).filter((x) => x.areaCodes.length > 0);
  return {
    indicatorsOnTrack: per('on_track'),
    measuresDone: measures.filter((m) => m.status === 'done').map((m) => m.id),
    indicatorsOffTrack: per('off_track'),
    measuresBehind: measures.flatMap((m) => (m.status === 'late' || m.status === 'at_risk' ? [{ measureId: m.id, status: m.status }] : [])),
    indicatorsNoData: per('no_data'),
  };
}

/** The default report year: the last full calendar year (Helsinki). */
export function defaultReportYear(helsinkiToday: string): number {
  return Number(helsinkiToday.slice(0, 4)) - 1;
}
