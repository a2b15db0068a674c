import type { Ctx } from '#platform/context.ts';
import { listCooperationRegionRows } from './party-queries.ts';
import type { CooperationRegion } from './party.ts';

/** The 22 cooperation regions (21 wellbeing services counties and the City of Helsinki). Public. */
export async function listCooperationRegions(ctx: Ctx): Promise<CooperationRegion[]> {
  return listCooperationRegionRows(ctx.db);
}
