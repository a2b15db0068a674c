import type { Ctx } from '#platform/context.ts';
import { can } from '#platform/policy.ts';
import { regionOr404, todayOf } from './obligation-access.ts';
import { obligationPolicy } from './obligation-policy.ts';
import { loadCatalogue } from './obligation-queries.ts';
import { buildRegionObligations, regionEvidence, type RegionObligations } from './obligation-views.ts';

export interface RegionObligationsForActor extends RegionObligations {
  /** What the actor may record here: the region's negotiations (the county's editors), documents for which parties. */
  permitted: { recordNegotiation: boolean; documentPartyIds: string[] };
}

/** A region's obligations: every period × obligation with its status, evidence, the missing parties. Public. */
export async function getRegionObligations(ctx: Ctx, countyCode: string): Promise<RegionObligationsForActor> {
  const region = await regionOr404(ctx.db, countyCode);
  const view = buildRegionObligations(region, await regionEvidence(ctx.db, region), todayOf(ctx), await loadCatalogue(ctx.db));
  return {
    ...view,
    permitted: {
      recordNegotiation: can(obligationPolicy, 'obligation.record_negotiation', ctx.actor, { partyId: region.countyPartyId }),
      documentPartyIds: region.parties.filter((p) => can(obligationPolicy, 'obligation.record_document', ctx.actor, { partyId: p.id })).map((p) => p.id),
    },
  };
}
