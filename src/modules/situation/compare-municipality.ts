import type { Ctx } from "#platform/context.ts";
import { notFound } from "#platform/errors.ts";
import {
  getRegionSituation,
  type RegionSituation,
} from "./get-region-situation.ts";
import type { MemberArea } from "./build-situation.ts";
import { median, type IndicatorSituation } from "./situation.ts";

export interface MunicipalityComparison extends RegionSituation {
  municipality: MemberArea;
  /** Per chosen indicator: year → median of the region's municipalities with a value that year. */
  medians: Record<number, number>[];
}

/** One member municipality against its cooperation region (the other municipalities, the county, the country). Public. */
export async function compareMunicipality(
  ctx: Ctx,
  code: string,
  query: { indicators?: unknown; municipality?: unknown },
): Promise<MunicipalityComparison> {
  const r = await getRegionSituation(ctx, code, {
    indicators: query.indicators,
  });
  const municipality = r.municipalities.find(
    (m) => m.code === query.municipality,
  );
  if (!municipality) throw notFound("situation.municipality_not_in_region");
  return { ...r, municipality, medians: r.situations.map(mediansOf) };
}

function mediansOf(s: IndicatorSituation): Record<number, number> {
  const out: Record<number, number> = {};
  for (const y of s.years) {
    const m = median(
      s.municipalities
        .map((a) => a.values[y])
        .filter((v): v is number => v !== undefined),
    );
    if (m !== undefined) out[y] = m;
  }
  return out;
}
