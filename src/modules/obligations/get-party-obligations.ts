import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import type { Obligation } from './catalogue.ts';
import { regionOr404, todayOf } from './obligation-access.ts';
import { findPartyCounty } from './obligation-queries.ts';
import type { PartyStatus } from './obligation-status.ts';
import { buildRegionObligations, regionEvidence, type RegionObligations } from './obligation-views.ts';
import type { Period } from './terms.ts';

export interface PartyObligations {
  partyId: string;
  region: RegionObligations['region'];
  today: string;
  rows: { obligation: Obligation; period: Period; status: PartyStatus }[];
}

/** One party's own list: the obligations it answers for, every period, its status and evidence. Public. */
export async function getPartyObligations(ctx: Ctx, partyId: string): Promise<PartyObligations> {
  const party = await findPartyCounty(ctx.db, partyId);
  if (!party?.countyCode) throw notFound('parties.not_found');
  const region = await regionOr404(ctx.db, party.countyCode);
  const view = buildRegionObligations(region, await regionEvidence(ctx.db, region), todayOf(ctx));
  const rows = view.obligations.flatMap((o) =>
    o.periods.flatMap((p) => {
      const s = p.parties.find((x) => x.partyId === partyId);
      return s ? [{ obligation: o.obligation, period: p.period, status: s }] : [];
    }),
  );
  return { partyId, region, today: view.today, rows };
}
