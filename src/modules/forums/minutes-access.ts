import type { Ctx } from '#platform/context.ts';
import type { Sql } from '#platform/db/db.ts';
import { conflict, invalid, notFound } from '#platform/errors.ts';
import type { Forum } from './forum.ts';
import type { ForumSubject } from './forum-policy.ts';
import type { Meeting } from './meeting.ts';
import { meetingWithForum } from './meeting-access.ts';
import { findMeeting } from './meeting-queries.ts';
import { agendaOpen, minutesOpen, type AgendaItem } from './minutes.ts';
import type { MeetingRecordSubject } from './minutes-policy.ts';
import { findItem, listCheckers, resetChecks, touchMeeting } from './minutes-queries.ts';

/** Shared steps of the agenda and minutes use cases (not exported from the module). */
export interface MeetingRecord {
  meeting: Meeting;
  forum: Forum;
  subject: ForumSubject;
  record: MeetingRecordSubject;
}

export async function meetingRecord(sql: Sql, meetingId: string): Promise<MeetingRecord> {
  const { meeting, forum, subject } = await meetingWithForum(sql, meetingId);
  const checkers = await listCheckers(sql, meetingId);
  return { meeting, forum, subject, record: { ...subject, state: meeting.state, agendaPublished: meeting.agendaPublishedAt !== null, checkerUserIds: checkers.map((c) => c.userId) } };
}

export async function itemRecord(sql: Sql, itemId: string): Promise<MeetingRecord & { item: AgendaItem }> {
  const item = await findItem(sql, itemId);
  if (!item) throw notFound('forums.item_not_found');
  return { item, ...(await meetingRecord(sql, item.meetingId)) };
}

export function assertAgendaOpen(m: Meeting, field = 'titleFi'): void {
  if (!agendaOpen(m.state)) throw invalid([{ field, code: 'agenda_closed' }], 'forums.agenda_closed');
}

export function assertMinutesOpen(m: Meeting, field: string): void {
  if (!minutesOpen(m.state)) throw invalid([{ field, code: 'minutes_closed' }], 'forums.minutes_closed');
}

/**
 * Takes the meeting's lock for a change to its minutes as a whole (attendance, checkers) and, since the minutes
 * changed, asks the checkers to check again. A stale row version is a conflict with the meeting as it is now.
 */
export async function lockMinutes(tx: Sql, ctx: Ctx, meetingId: string, rowVersion: number): Promise<void> {
  if (!(await touchMeeting(tx, meetingId, rowVersion, ctx.clock.now()))) {
    throw conflict('forums.meeting_edited_by_someone_else', { current: (await findMeeting(tx, meetingId)) ?? null });
  }
  await resetChecks(tx, meetingId);
}

export const itemAuditView = (i: AgendaItem) => ({
  position: i.position,
  section: i.section,
  title_fi: i.title.fi,
  title_sv: i.title.sv,
  presenter: i.presenter,
  link: i.target.link,
  summary_fi: i.summary.fi,
  summary_sv: i.summary.sv,
  conclusion: i.conclusion,
  conclusion_text_fi: i.conclusionText.fi,
  conclusion_text_sv: i.conclusionText.sv,
});
