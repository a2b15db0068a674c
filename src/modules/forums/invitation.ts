export const ANSWERS = ['yes', 'no', 'deputy'] as const;
export type Answer = (typeof ANSWERS)[number] | 'pending';

export interface Invitee {
  id: string;
  meetingId: string;
  partyId: string | null;
  forumMemberId: string | null;
  personName: string | null;
  email: string | null;
  userId: string | null;
  nominatedByPartyId: string | null;
  answer: Answer;
  deputyName: string;
  answeredAt: Date | null;
  sentSequence: number | null;
  remindedAt: Date | null;
  rowVersion: number;
}

/** A row without a person is the party invited as such: its administrators nominate their own people. */
export const isPartyInvite = (i: Invitee) => i.email === null;

/** Days before the meeting when the reminder goes out (once, to those who have not said no). */
export const REMINDER_DAYS = 2;
