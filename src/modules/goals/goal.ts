/** Shared goals of an agreement, their measures and indicators: types and the rules that need no database. */
import type { Direction } from '#modules/indicators/index.ts';

export const MEASURE_STATUSES = ['not_started', 'on_track', 'at_risk', 'late', 'done'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const INDICATOR_SCOPES = ['each_municipality', 'county', 'whole_region'] as const;
export type IndicatorScope = (typeof INDICATOR_SCOPES)[number];

/** Status of one indicator against its path; 'no_status' for neutral indicators (no better direction). */
export const INDICATOR_STATUSES = ['on_track', 'off_track', 'no_data', 'no_status'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export interface Bilingual {
  fi: string;
  sv: string;
}

export interface PartyRef {
  id: string;
  name: { fi: string; sv: string; en: string };
}

export interface Goal {
  id: string;
  agreementId: string;
  areaId: string;
  sectionId: string | null;
  position: number;
  title: Bilingual;
  description: Bilingual;
  rowVersion: number;
}

export interface Measure {
  id: string;
  goalId: string;
  position: number;
  title: Bilingual;
  responsible: string;
  startsOn: string | null;
  dueOn: string | null;
  status: MeasureStatus;
  /** null when the reader may not see it (not a party of the agreement). */
  internalNotes: string | null;
  ownerPartyIds: string[];
  rowVersion: number;
}

export interface IndicatorLink {
  id: string;
  measureId: string;
  indicatorId: string;
  scope: IndicatorScope;
  baselineYear: number;
  baselineValue: number;
  targetYear: number;
  targetValue: number;
  rowVersion: number;
}

export interface Point {
  year: number;
  value: number;
}

export interface PathInput {
  direction: Direction;
  baselineYear: number;
  baselineValue: number;
  targetYear: number;
  targetValue: number;
  /** The newest value known for the area, or null. */
  latest: Point | null;
}

/**
 * The value expected in `year` on the straight path from the baseline to the target. Before the baseline it is
 * the baseline; from the target year on (and when both years are the same) it is the target.
 */
export function expectedValue(p: Omit<PathInput, 'latest' | 'direction'>, year: number): number {
  if (year >= p.targetYear) return p.targetValue;
  if (year <= p.baselineYear) return p.baselineValue;
  return p.baselineValue + ((p.targetValue - p.baselineValue) * (year - p.baselineYear)) / (p.targetYear - p.baselineYear);
}

/**
 * An indicator's status:
 * - neutral indicators have no status ('no_status');
 * - without a value from a year after the baseline year: 'no_data';
 * - target reached (at least as good as the target): 'on_track';
 * - otherwise 'on_track' when the latest value is at least as good as the value expected in its year on the
 *   straight path from baseline to target, 'off_track' when worse.
 */
export function indicatorStatus(p: PathInput): IndicatorStatus {
  if (p.direction === 'neutral') return 'no_status';
  if (!p.latest || p.latest.year <= p.baselineYear) return 'no_data';
  const better = (a: number, b: number) => (p.direction === 'higher_is_better' ? a >= b : a <= b);
  if (better(p.latest.value, p.targetValue)) return 'on_track';
  return better(p.latest.value, expectedValue(p, p.latest.year)) ? 'on_track' : 'off_track';
}

/** Order of concern, worst first: a summary is the worst status among its parts. */
const SEVERITY: readonly IndicatorStatus[] = ['off_track', 'no_data', 'on_track', 'no_status'];

export type StatusCounts = Record<IndicatorStatus, number>;

export interface RollUp {
  counts: StatusCounts;
  /** The worst status among the parts; 'no_status' when nothing has a status (or there is nothing). */
  worst: IndicatorStatus;
}

/** Counts the statuses and takes the worst one (off_track > no_data > on_track; no_status counts but never wins). */
export function rollUp(statuses: readonly IndicatorStatus[]): RollUp {
  const counts: StatusCounts = { on_track: 0, off_track: 0, no_data: 0, no_status: 0 };
  for (const s of statuses) counts[s]++;
  const worst = SEVERITY.find((s) => counts[s] > 0) ?? 'no_status';
  return { counts, worst };
}

/**
 * The newest point after the baseline year, from the catalogue's yearly values and the owners' dated values. In the
 * same year an owner's value (the newest date of that year) wins over the catalogue's.
 */
export function latestPoint(catalogue: readonly Point[], pushed: readonly { observedOn: string; value: number }[]): Point | null {
  const byYear = new Map<number, number>();
  for (const c of catalogue) byYear.set(c.year, c.value);
  const sorted = [...pushed].sort((a, b) => a.observedOn.localeCompare(b.observedOn));
  for (const v of sorted) byYear.set(Number(v.observedOn.slice(0, 4)), v.value);
  let best: Point | null = null;
  for (const [year, value] of byYear) if (!best || year > best.year) best = { year, value };
  return best;
}
