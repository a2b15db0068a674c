import {
  getCooperationRegion,
  getParty,
  type Party,
} from "#modules/parties/index.ts";
import type { Indicator } from "#modules/indicators/index.ts";
import type { Ctx } from "#platform/context.ts";
import { notFound } from "#platform/errors.ts";
import { parseInput } from "#platform/validation.ts";
import {
  catalogueChoices,
  chosenIndicators,
  situationOf,
} from "./build-situation.ts";
import { ZSituationQuery } from "./situation-schemas.ts";
import { COUNTRY_NAME, type IndicatorSituation } from "./situation.ts";

export interface MunicipalitySituation {
  party: Party;
  county: { code: string; name: Party["name"] };
  catalogue: Pick<Indicator, "id" | "title" | "source">[];
  chosen: string[];
  /** Each with one municipality (this one), its county and the country. */
  situations: IndicatorSituation[];
}

/** A municipality's indicators over time against its county and the whole country. Public. */
export async function getMunicipalitySituation(
  ctx: Ctx,
  partyId: string,
  query: unknown,
): Promise<MunicipalitySituation> {
  const q = parseInput(ZSituationQuery, query);
  const { party } = await getParty(ctx, partyId);
  if (party.type !== "municipality" || !party.countyCode)
    throw notFound("situation.not_a_municipality");
  const { region } = await getCooperationRegion(ctx, party.countyCode);
  const catalogue = await catalogueChoices(ctx);
  const chosen = chosenIndicators(catalogue, q.indicators);
  const county = { code: region.code, name: region.name };
  const member = { code: party.code, name: party.name, partyId: party.id };
  const situations = await Promise.all(
    chosen.map((i) =>
      situationOf(ctx, i, [member], county, COUNTRY_NAME, { sumCounty: false }),
    ),
  );
  return {
    party,
    county,
    catalogue: catalogue.map((i) => ({
      id: i.id,
      title: i.title,
      source: i.source,
    })),
    chosen: chosen.map((i) => i.id),
    situations,
  };
}
