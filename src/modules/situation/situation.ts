/** The shared situational picture: read-only projections of indicator values onto a cooperation region. */
import type {
  AreaType,
  Indicator,
  LocalisedText,
} from "#modules/indicators/index.ts";

/** Population (THL Sotkanet 127): shown when nothing is chosen and the catalogue has it. */
export const DEFAULT_INDICATOR = "sotkanet:127";
/** At most this many indicators on one dashboard. */
export const MAX_INDICATORS = 6;

export interface AreaSeries {
  areaType: AreaType;
  code: string;
  name: LocalisedText;
  /** The municipality's party, for links. */
  partyId: string | null;
  /** Year → value (gender total). */
  values: Record<number, number>;
  /** True when the values were summed from the member municipalities (additive indicators without stored values). */
  computed: boolean;
}

export interface IndicatorSituation {
  indicator: Indicator;
  /** Every year with a value for any of the areas, ascending. */
  years: number[];
  latestYear: number | null;
  municipalities: AreaSeries[];
  county: AreaSeries;
  country: AreaSeries;
}

/** Ascending years that have a value in any of the series. */
export function yearsOf(series: readonly AreaSeries[]): number[] {
  const s = new Set<number>();
  for (const a of series)
    for (const y of Object.keys(a.values)) s.add(Number(y));
  return [...s].sort((a, b) => a - b);
}

/**
 * Values of an additive indicator summed over the areas, for the years in which every area has a value (a sum
 * with a municipality missing would be wrong, not just incomplete).
 */
export function sumWhereComplete(
  series: readonly AreaSeries[],
): Record<number, number> {
  const out: Record<number, number> = {};
  if (!series.length) return out;
  for (const y of yearsOf(series)) {
    if (series.every((s) => s.values[y] !== undefined))
      out[y] = series.reduce((acc, s) => acc + s.values[y]!, 0);
  }
  return out;
}

/** Median of the numbers (undefined for none). */
export function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Class breaks for a choropleth: up to `classes` classes of about equal size (quantiles) over the values.
 * Returns the upper bounds of the classes, ascending, without duplicates (fewer classes when values repeat).
 */
export function quantileBreaks(
  values: readonly number[],
  classes = 5,
): number[] {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return [];
  const out: number[] = [];
  for (let i = 1; i <= classes; i++) {
    const v =
      s[Math.min(s.length - 1, Math.ceil((i * s.length) / classes) - 1)]!;
    if (!out.length || v > out[out.length - 1]!) out.push(v);
  }
  return out;
}

/** The class (1-based) of a value for the breaks from quantileBreaks. */
export function classOf(value: number, breaks: readonly number[]): number {
  const i = breaks.findIndex((b) => value <= b);
  return i === -1 ? breaks.length : i + 1;
}

/** Rank (1 = largest) of the value among the values. */
export function rankOf(value: number, values: readonly number[]): number {
  return values.filter((v) => v > value).length + 1;
}

export const COUNTRY_NAME = {
  fi: "Koko maa",
  sv: "Hela landet",
  en: "Whole country",
} as const;
