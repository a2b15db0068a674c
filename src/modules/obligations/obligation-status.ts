/**
 * Status is derived, never typed in: for one obligation, one period and one obliged party, from the evidence
 * that is not annulled and on `today` (Helsinki date).
 */
import type { EvidenceKind, Obligation } from './catalogue.ts';
import { addDays, type Period } from './terms.ts';

export type ObligationStatus = 'met' | 'due' | 'overdue' | 'not_yet_due';

/** One piece of evidence, whatever its source (a recorded negotiation, a document, a follow-up report, a meeting). */
export interface Evidence {
  id: string;
  kind: EvidenceKind;
  /** Where it comes from: 'negotiation', 'document', 'follow_up_report', or a registered provider's name. */
  source: string;
  obligationCode: string;
  /** The date that places it in a period (held on; for a document, its decision date). */
  date: string;
  /** A document names the period it reports for; then that decides, not the date. */
  periodKey?: string;
  /** For a negotiation: the parties that took part. Otherwise the party it is for. */
  partyIds: readonly string[];
  title: string;
  annulled: boolean;
}

export interface PartyStatus {
  partyId: string;
  status: ObligationStatus;
  /** Evidence that counts for this party in this period. */
  evidenceIds: string[];
  deadline: string;
}

export function statusOf(period: Period, today: string, met: boolean): ObligationStatus {
  if (met) return 'met';
  if (today < period.startsOn) return 'not_yet_due';
  return today > period.endsOn ? 'overdue' : 'due';
}

/** The evidence that counts for `partyId` in `period`: of the obligation's kinds, in the period, with the party. */
export function countingEvidence(o: Obligation, period: Period, partyId: string, evidence: readonly Evidence[]): Evidence[] {
  return evidence.filter(
    (e) => !e.annulled && e.obligationCode === o.code && o.evidence.includes(e.kind) && (e.periodKey ? e.periodKey === period.key : e.date >= period.startsOn && e.date <= period.endsOn) && e.partyIds.includes(partyId),
  );
}

export function partyStatus(o: Obligation, period: Period, partyId: string, evidence: readonly Evidence[], today: string): PartyStatus {
  const ids = countingEvidence(o, period, partyId, evidence).map((e) => e.id);
  return { partyId, status: statusOf(period, today, ids.length > 0), evidenceIds: ids, deadline: period.endsOn };
}

/** Reminder kinds: 90 and 30 days before the deadline, and the day after it passed. */
export const REMINDER_KINDS = ['before_90', 'before_30', 'passed'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Which reminder is due today for an unmet obligation (the latest one whose day has come), or null. */
export function reminderDue(deadline: string, today: string): ReminderKind | null {
  if (today > deadline) return 'passed';
  if (today >= addDays(deadline, -30)) return 'before_30';
  if (today >= addDays(deadline, -90)) return 'before_90';
  return null;
}
