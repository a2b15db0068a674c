import type { Sql } from '#platform/db/db.ts';
import type { MeetingKind } from './meeting.ts';
import { listHeldMeetingsOfKinds, type ObligationMeetingRow } from './meeting-queries.ts';

export type { ObligationMeetingRow };

/**
 * The held meetings of a region's forums of the given kinds (e.g. negotiation_14) with the parties that attended:
 * evidence for the legal obligations monitor. Meetings, their kinds and attendance are public facts (the
 * publicity of the negotiations), so this takes no actor; it reads within the caller's query or transaction.
 */
export function listObligationMeetings(sql: Sql, countyCode: string, kinds: readonly MeetingKind[]): Promise<ObligationMeetingRow[]> {
  return listHeldMeetingsOfKinds(sql, countyCode, kinds);
}
