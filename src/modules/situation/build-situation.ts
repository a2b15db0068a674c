import {
  COUNTRY_CODE,
  getIndicatorValues,
  listIndicators,
  type Indicator,
  type LocalisedText,
} from "#modules/indicators/index.ts";
import type { Ctx } from "#platform/context.ts";
import {
  DEFAULT_INDICATOR,
  sumWhereComplete,
  yearsOf,
  type AreaSeries,
  type IndicatorSituation,
} from "./situation.ts";

export interface MemberArea {
  code: string;
  name: LocalisedText;
  partyId: string | null;
}

/** The catalogue entries a dashboard offers (id and title), in catalogue order. */
export async function catalogueChoices(ctx: Ctx): Promise<Indicator[]> {
  return (await listIndicators(ctx, { limit: 500 })).items;
}

/** Chosen ids that exist in the catalogue; the default (population) when none are chosen. */
export function chosenIndicators(
  catalogue: readonly Indicator[],
  requested: readonly string[],
): Indicator[] {
  const byId = new Map(catalogue.map((i) => [i.id, i]));
  if (!requested.length) {
    const d = byId.get(DEFAULT_INDICATOR);
    return d ? [d] : [];
  }
  return [...new Set(requested)]
    .map((id) => byId.get(id))
    .filter((i): i is Indicator => i !== undefined);
}

/**
 * One indicator over the members, their county and the country: one read by area codes (index on
 * area_code, indicator_num, year), so its cost follows the areas shown, not the size of the table.
 */
export async function situationOf(
  ctx: Ctx,
  indicator: Indicator,
  members: readonly MemberArea[],
  county: { code: string; name: LocalisedText },
  countryName: LocalisedText,
  opts: { sumCounty: boolean } = { sumCounty: true },
): Promise<IndicatorSituation> {
  const areas = [...members.map((m) => m.code), county.code, COUNTRY_CODE];
  const { values } = await getIndicatorValues(ctx, {
    indicator: indicator.id,
    areas: areas.join(","),
    gender: "total",
  });
  const byArea = new Map<string, Record<number, number>>();
  for (const v of values) {
    const rec = byArea.get(v.areaCode) ?? {};
    rec[v.year] = v.value;
    byArea.set(v.areaCode, rec);
  }
  const municipalities: AreaSeries[] = members.map((m) => ({
    areaType: "municipality",
    code: m.code,
    name: m.name,
    partyId: m.partyId,
    values: byArea.get(m.code) ?? {},
    computed: false,
  }));
  const stored = byArea.get(county.code);
  const countySeries: AreaSeries =
    !stored && indicator.additive && opts.sumCounty
      ? {
          areaType: "county",
          code: county.code,
          name: county.name,
          partyId: null,
          values: sumWhereComplete(municipalities),
          computed: true,
        }
      : {
          areaType: "county",
          code: county.code,
          name: county.name,
          partyId: null,
          values: stored ?? {},
          computed: false,
        };
  const country: AreaSeries = {
    areaType: "country",
    code: COUNTRY_CODE,
    name: countryName,
    partyId: null,
    values: byArea.get(COUNTRY_CODE) ?? {},
    computed: false,
  };
  const years = yearsOf([...municipalities, countySeries, country]);
  return {
    indicator,
    years,
    latestYear: years.length ? years[years.length - 1]! : null,
    municipalities,
    county: countySeries,
    country,
  };
}
