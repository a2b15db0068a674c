import type { Ctx } from '#platform/context.ts';
import { regionOr404, todayOf } from './obligation-access.ts';
import { buildRegionObligations, regionEvidence, type RegionObligations } from './obligation-views.ts';

/** A region's obligations: every period × obligation with its status, evidence, the missing parties. Public. */
export async function getRegionObligations(ctx: Ctx, countyCode: string): Promise<RegionObligations> {
  const region = await regionOr404(ctx.db, countyCode);
  return buildRegionObligations(region, await regionEvidence(ctx.db, region), todayOf(ctx));
}
