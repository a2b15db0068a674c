/** The region's obligations, periods and statuses, built from its evidence (shared by the read use cases). */
import { listObligationMeetings, type ObligationMeetingRow } from '#modules/forums/index.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Sql } from '#platform/db/db.ts';
import type { Catalogue, Obligation } from './catalogue.ts';
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
  meetings: ObligationMeetingRow[];
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

/** Which obligation a forum meeting of a kind is the negotiation of. */
const MEETING_KIND_OBLIGATION = { negotiation_14: 'hva_14_negotiation', health_promotion_7: 'sote_7_negotiation' } as const;

/** A held forum meeting (with its attendance) as evidence for each obligation its kinds name. */
function meetingEvidence(m: ObligationMeetingRow): Evidence[] {
  return m.kinds.flatMap((k) =>
    k in MEETING_KIND_OBLIGATION
      ? [{ id: m.id, kind: 'meeting' as const, source: 'meeting', obligationCode: MEETING_KIND_OBLIGATION[k as keyof typeof MEETING_KIND_OBLIGATION], date: helsinkiDate(m.startsAt), partyIds: m.attendedPartyIds, title: m.title.fi, annulled: false }]
      : [],
  );
}

export interface RegionEvidence {
  evidence: Evidence[];
  negotiations: NegotiationRow[];
  documents: DocumentRow[];
  meetings: ObligationMeetingRow[];
}

/** Every piece of the region's evidence: recorded negotiations, documents and held forum meetings of kind 14 § / 7 §. */
export async function regionEvidence(sql: Sql, region: RegionInfo): Promise<RegionEvidence> {
  const [negotiations, documents, meetings] = await Promise.all([
    listNegotiations(sql, region.countyCode),
    listDocuments(sql, region.countyCode),
    listObligationMeetings(sql, region.countyCode, Object.keys(MEETING_KIND_OBLIGATION) as (keyof typeof MEETING_KIND_OBLIGATION)[]),
  ]);
  const evidence = [...negotiations.map(negotiationEvidence), ...documents.map(documentEvidence), ...meetings.flatMap(meetingEvidence)];
  return { evidence, negotiations, documents, meetings };
}

export function buildRegionObligations(region: RegionInfo, ev: RegionEvidence, today: string, catalogue: Catalogue): RegionObligations {
  const obligations = catalogue.obligations.map((o) => {
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
  return { catalogueVersion: catalogue.version, today, region, obligations, ...ev, nextDeadlines };
}
