import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import type { Obligation } from './catalogue.ts';
import { regionOr404, todayOf } from './obligation-access.ts';
import { findPartyCounty, loadCatalogue } from './obligation-queries.ts';
import type { Evidence, PartyStatus } from './obligation-status.ts';
import { buildRegionObligations, regionEvidence, type RegionObligations } from './obligation-views.ts';
import type { Period } from './terms.ts';

export interface PartyObligations {
  partyId: string;
  region: RegionObligations['region'];
  today: string;
  rows: { obligation: Obligation; period: Period; status: PartyStatus; evidence: Pick<Evidence, 'id' | 'kind' | 'date' | 'title'>[] }[];
}

/** One party's own list: the obligations it answers for, every period, its status and evidence. Public. */
export async function getPartyObligations(ctx: Ctx, partyId: string): Promise<PartyObligations> {
  const party = await findPartyCounty(ctx.db, partyId);
  if (!party?.countyCode) throw notFound('parties.not_found');
  const region = await regionOr404(ctx.db, party.countyCode);
  const view = buildRegionObligations(region, await regionEvidence(ctx.db, region), todayOf(ctx), await loadCatalogue(ctx.db));
  const rows = view.obligations.flatMap((o) =>
    o.periods.flatMap((p) => {
      const s = p.parties.find((x) => x.partyId === partyId);
      if (!s) return [];
      const evidence = view.evidence.filter((e) => s.evidenceIds.includes(e.id) && e.obligationCode === o.obligation.code).map(({ id, kind, date, title }) => ({ id, kind, date, title }));
      return [{ obligation: o.obligation, period: p.period, status: s, evidence }];
    }),
  );
  return { partyId, region, today: view.today, rows };
}
