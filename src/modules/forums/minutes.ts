import type { MeetingState } from './meeting.ts';

/** What an agenda item handles. */
export const ITEM_LINKS = ['none', 'agreement_version', 'goal', 'measure', 'annual_report'] as const;
export type ItemLink = (typeof ITEM_LINKS)[number];
export const CONCLUSIONS = ['decided', 'noted', 'referred_back', 'postponed'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];
export const PRESENCES = ['present', 'absent', 'deputy'] as const;
export type Presence = (typeof PRESENCES)[number];
export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ItemAttachment {
  id: string;
  itemId: string;
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
}

/** The thing an item handles, with the name to show (resolved in the item's query). */
export type ItemTarget =
  | { link: 'none' }
  | { link: 'agreement_version'; agreementId: string; versionId: string; versionNumber: number; label: string; agreementTitle: string }
  | { link: 'goal'; agreementId: string; goalId: string; title: { fi: string; sv: string } }
  | { link: 'measure'; agreementId: string; goalId: string; measureId: string; title: { fi: string; sv: string } }
  | { link: 'annual_report'; agreementId: string; year: number; agreementTitle: string };

export interface AgendaItem {
  id: string;
  meetingId: string;
  /** The item's number (§) on the agenda. */
  position: number;
  /** The section number (§) when the forum numbers its items over the year; null: the item is known by its position. */
  section: number | null;
  title: { fi: string; sv: string };
  presenter: string;
  body: { fi: string; sv: string };
  target: ItemTarget;
  summary: { fi: string; sv: string };
  conclusion: Conclusion | null;
  conclusionText: { fi: string; sv: string };
  /** Empty for those who do not see the forum's internal material. */
  internalNote: string;
  attachments: ItemAttachment[];
  rowVersion: number;
}

export interface PersonAttendance {
  id: string;
  position: number;
  personName: string;
  partyId: string | null;
  forumMemberId: string | null;
  inviteeId: string | null;
  presence: Presence;
  deputyFor: string;
  leftAtItem: number | null;
}

export interface MinutesChecker {
  position: 1 | 2;
  userId: string;
  personName: string;
  checkedAt: Date | null;
}

export interface ActionItem {
  id: string;
  meetingId: string;
  itemId: string | null;
  /** The number of the item it came from, when it came from one. */
  itemPosition: number | null;
  title: string;
  ownerPartyId: string;
  ownerPerson: string;
  dueOn: string;
  status: ActionStatus;
  closedNote: string;
  closedAt: Date | null;
  rowVersion: number;
}

/** An action item with its meeting and forum, for the region overview and a party's page. */
export interface ActionItemRow extends ActionItem {
  meetingTitle: { fi: string; sv: string };
  meetingStartsAt: Date;
  forumId: string;
  forumName: { fi: string; sv: string };
  countyCode: string;
}

/** The agenda can be written until the meeting has been held; after that, items change only as minutes. */
export const agendaOpen = (s: MeetingState) => s === 'planned' || s === 'invited';
/** Minutes (items' summaries and conclusions, attendance, action items, checkers) are written while the meeting is held. */
export const minutesOpen = (s: MeetingState) => s === 'held';
/** The minutes stand (they have been approved). */
export const minutesFinal = (s: MeetingState) => s === 'minutes_approved' || s === 'published';

/** Overdue: open and the due date has passed (dates in Helsinki, `today` as yyyy-mm-dd). */
export const isOverdue = (a: Pick<ActionItem, 'status' | 'dueOn'>, today: string) => a.status === 'open' && a.dueOn < today;

/** Open actions first, overdue ones first among them; then by due date. */
export function byUrgency(today: string) {
  const rank = (a: ActionItem) => (isOverdue(a, today) ? 0 : a.status === 'open' ? 1 : 2);
  return (a: ActionItem, b: ActionItem) => rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id);
}
