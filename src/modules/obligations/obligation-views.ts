/** The region's obligations, periods and statuses, built from its evidence (shared by the read use cases). */
import type { Sql } from '#platform/db/db.ts';
import { CATALOGUE_VERSION, OBLIGATIONS, type Obligation } from './catalogue.ts';
import { evidenceProviders } from './evidence-providers.ts';
import { documentEvidence, listDocuments, listNegotiations, negotiationEvidence, type DocumentRow, type NegotiationRow, type RegionInfo } from './obligation-queries.ts';
import { partyStatus, statusOf, type Evidence, type ObligationStatus, type PartyStatus } from './obligation-status.ts';
import { periodOn, periodsUntil, type Period } from './terms.ts';

export interface PeriodView {
  period: Period;
  /** met when every obliged party met it; otherwise the period's own status (due / overdue / not yet due). */
  status: ObligationStatus;
  parties: PartyStatus[];
  /** Obliged parties without evidence. */
  missingPartyIds: string[];
}

export interface ObligationView {
  obligation: Obligation;
  /** Who answers for it in this region. */
  obligedPartyIds: string[];
  /** Newest first. */
  periods: PeriodView[];
}

export interface RegionObligations {
  catalogueVersion: string;
  today: string;
  region: RegionInfo;
  obligations: ObligationView[];
  evidence: Evidence[];
  negotiations: NegotiationRow[];
  documents: DocumentRow[];
  /** Deadlines of current, unmet periods, soonest first. */
  nextDeadlines: { obligationCode: string; periodKey: string; deadline: string; missingPartyIds: string[] }[];
}

export function obligedParties(o: Obligation, region: RegionInfo): string[] {
  const municipalities = region.parties.filter((p) => p.type === 'municipality').map((p) => p.id);
  const county = region.countyPartyId ? [region.countyPartyId] : [];
  // Helsinki is its own county: the city answers for what a municipality would.
  if (o.obliged === 'county') return county;
  if (o.obliged === 'each_municipality') return municipalities.length ? municipalities : county;
  return [...county, ...municipalities];
}

export function periodView(o: Obligation, period: Period, obliged: readonly string[], evidence: readonly Evidence[], today: string): PeriodView {
  const parties = obliged.map((p) => partyStatus(o, period, p, evidence, today));
  const missing = parties.filter((p) => p.status !== 'met').map((p) => p.partyId);
  return { period, status: obliged.length && missing.length === 0 ? 'met' : statusOf(period, today, false), parties, missingPartyIds: missing };
}

export async function regionEvidence(sql: Sql, region: RegionInfo): Promise<{ evidence: Evidence[]; negotiations: NegotiationRow[]; documents: DocumentRow[] }> {
  const [negotiations, documents] = await Promise.all([listNegotiations(sql, region.countyCode), listDocuments(sql, region.countyCode)]);
  const evidence = [...negotiations.map(negotiationEvidence), ...documents.map(documentEvidence)];
  for (const p of evidenceProviders()) evidence.push(...(await p.evidence(sql, { countyCode: region.countyCode, partyIds: region.parties.map((x) => x.id) })));
  return { evidence, negotiations, documents };
}

export function buildRegionObligations(region: RegionInfo, ev: Awaited<ReturnType<typeof regionEvidence>>, today: string): RegionObligations {
  const obligations = OBLIGATIONS.map((o) => {
    const obliged = obligedParties(o, region);
    const periods = periodsUntil(o.frequency, today)
      .reverse()
      .map((p) => periodView(o, p, obliged, ev.evidence, today));
    return { obligation: o, obligedPartyIds: obliged, periods };
  });
  const nextDeadlines = obligations
    .flatMap((ov) => {
      const p = periodOn(ov.obligation.frequency, today);
      const view = p && ov.periods.find((x) => x.period.key === p.key);
      return view && view.missingPartyIds.length ? [{ obligationCode: ov.obligation.code, periodKey: view.period.key, deadline: view.period.endsOn, missingPartyIds: view.missingPartyIds }] : [];
    })
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
  return { catalogueVersion: CATALOGUE_VERSION, today, region, obligations, ...ev, nextDeadlines };
}
