import {
  getCooperationRegion,
  type CooperationRegion,
} from "#modules/parties/index.ts";
import type { Indicator } from "#modules/indicators/index.ts";
import type { Ctx } from "#platform/context.ts";
import { parseInput } from "#platform/validation.ts";
import {
  catalogueChoices,
  chosenIndicators,
  situationOf,
  type MemberArea,
} from "./build-situation.ts";
import { regionMap, type ProjectedMap } from "./region-map.ts";
import { ZSituationQuery } from "./situation-schemas.ts";
import { COUNTRY_NAME, type IndicatorSituation } from "./situation.ts";

export interface RegionSituation {
  region: CooperationRegion;
  municipalities: MemberArea[];
  /** Every indicator the dashboard can show (for the choice form). */
  catalogue: Pick<Indicator, "id" | "title" | "source">[];
  chosen: string[];
  situations: IndicatorSituation[];
  map: ProjectedMap;
}

/**
 * A cooperation region's shared situational picture: for each chosen indicator, the values of every member
 * municipality, the county and the whole country over the years. Public (indicator data is open).
 */
export async function getRegionSituation(
  ctx: Ctx,
  code: string,
  query: unknown,
): Promise<RegionSituation> {
  const q = parseInput(ZSituationQuery, query);
  const { region, parties } = await getCooperationRegion(ctx, code);
  const municipalities: MemberArea[] = parties
    .filter((p) => p.type === "municipality" && p.countyCode === region.code)
    .map((p) => ({ code: p.code, name: p.name, partyId: p.id }))
    .sort((a, b) => a.name.fi.localeCompare(b.name.fi, "fi"));
  const catalogue = await catalogueChoices(ctx);
  const chosen = chosenIndicators(catalogue, q.indicators);
  const county = { code: region.code, name: region.name };
  const situations = await Promise.all(
    chosen.map((i) =>
      situationOf(ctx, i, municipalities, county, COUNTRY_NAME),
    ),
  );
  return {
    region,
    municipalities,
    catalogue: catalogue.map((i) => ({
      id: i.id,
      title: i.title,
      source: i.source,
    })),
    chosen: chosen.map((i) => i.id),
    situations,
    map: regionMap(region.code),
  };
}
