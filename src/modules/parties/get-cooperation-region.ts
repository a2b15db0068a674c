import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { findCooperationRegion, partiesOfCooperationRegion } from './party-queries.ts';
import type { CooperationRegion, Party } from './party.ts';

/** One cooperation region with its parties. Public. */
export async function getCooperationRegion(ctx: Ctx, code: string): Promise<{ region: CooperationRegion; parties: Party[] }> {
  const region = await findCooperationRegion(ctx.db, code.toUpperCase());
  if (!region) throw notFound('parties.region_not_found');
  return { region, parties: await partiesOfCooperationRegion(ctx.db, region.code) };
}
