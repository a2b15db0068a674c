import type { FieldIssue } from '#platform/errors.ts';
import { fromHelsinkiWallTime, isWallDate, isWallTime } from './helsinki-time.ts';

export const MEETING_KINDS = ['negotiation_14', 'health_promotion_7', 'seminar', 'regular'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATES = ['planned', 'invited', 'held', 'minutes_approved', 'published', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

/** Allowed moves by hand (sending invitations moves planned → invited; cancelling has its own use case). */
export const STATE_TRANSITIONS: Record<MeetingState, readonly MeetingState[]> = {
  planned: ['held'],
  invited: ['held'],
  held: ['minutes_approved'],
  minutes_approved: ['published'],
  published: [],
  cancelled: [],
};
export const canMoveTo = (from: MeetingState, to: MeetingState) => STATE_TRANSITIONS[from].includes(to);
/** A meeting that has not been held yet can be rescheduled or cancelled. */
export const isUpcomingState = (s: MeetingState) => s === 'planned' || s === 'invited';

export interface Meeting {
  id: string;
  forumId: string;
  title: { fi: string; sv: string };
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string;
  kinds: MeetingKind[];
  state: MeetingState;
  icalUid: string;
  icalSequence: number;
  changeReason: string;
  cancelledAt: Date | null;
  /** The parties represented at the held meeting (from the minutes), sorted; null until the secretary records it. */
  attendedPartyIds: string[] | null;
  /** When the agenda went to the invitees (and, for a public forum, to everyone); null: not yet. */
  agendaPublishedAt: Date | null;
  rowVersion: number;
}

/** A meeting whose attendance may be recorded or corrected: held, until its minutes are published. */
export const takesAttendance = (s: MeetingState) => s === 'held' || s === 'minutes_approved';

/** The wall-clock fields of a meeting form, in Europe/Helsinki. */
export interface MeetingTimeInput {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  /** For a time that happens twice (autumn DST change): which one, '+03:00' (summer time) or '+02:00'. */
  startOffset: '' | '+02:00' | '+03:00';
  endOffset: '' | '+02:00' | '+03:00';
}

/**
 * Turns the Helsinki wall times into instants. A time that does not exist (spring change) is refused; a time that
 * happens twice (autumn change) is refused unless the offset is chosen — never shifted. End must be after start.
 */
export function resolveMeetingTimes(i: MeetingTimeInput): { startsAt: Date; endsAt: Date } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const one = (date: string, time: string, offset: string, dateField: string, timeField: string): Date | undefined => {
    if (!isWallDate(date)) {
      issues.push({ field: dateField, code: 'invalid_date' });
      return undefined;
    }
    if (!isWallTime(time)) {
      issues.push({ field: timeField, code: 'invalid_time' });
      return undefined;
    }
    const r = fromHelsinkiWallTime(date, time);
    if (r.kind === 'ok') {
      if (offset && offset !== (r.offsetMinutes === 180 ? '+03:00' : '+02:00')) issues.push({ field: timeField, code: 'offset_not_in_effect' });
      return r.instant;
    }
    if (r.kind === 'nonexistent') {
      issues.push({ field: timeField, code: 'time_nonexistent', params: { date, time } });
      return undefined;
    }
    if (offset === '+03:00') return r.earlier;
    if (offset === '+02:00') return r.later;
    issues.push({ field: timeField, code: 'time_ambiguous', params: { date, time } });
    return undefined;
  };
  const startsAt = one(i.startDate, i.startTime, i.startOffset, 'startDate', 'startTime');
  // An empty end date means the start date (whose own error is already reported).
  const endsAt = i.endDate || isWallDate(i.startDate) ? one(i.endDate || i.startDate, i.endTime, i.endOffset, 'endDate', 'endTime') : undefined;
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) issues.push({ field: 'endTime', code: 'end_before_start' });
  if (issues.length || !startsAt || !endsAt) return { issues };
  return { startsAt, endsAt };
}
