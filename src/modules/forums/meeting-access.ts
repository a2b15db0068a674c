import type { Sql } from '#platform/db/db.ts';
import { notFound } from '#platform/errors.ts';
import type { Forum } from './forum.ts';
import type { ForumSubject } from './forum-policy.ts';
import { forumWithSubject } from './forum-access.ts';
import type { Meeting } from './meeting.ts';
import { findMeeting } from './meeting-queries.ts';

/** A meeting with its forum and the forum's policy subject (not exported from the module). */
export async function meetingWithForum(sql: Sql, id: string): Promise<{ meeting: Meeting; forum: Forum; subject: ForumSubject }> {
  const meeting = await findMeeting(sql, id);
  if (!meeting) throw notFound('forums.meeting_not_found');
  return { meeting, ...(await forumWithSubject(sql, meeting.forumId)) };
}

export const meetingAuditView = (m: Meeting) => ({
  title_fi: m.title.fi,
  title_sv: m.title.sv,
  starts_at: m.startsAt.toISOString(),
  ends_at: m.endsAt.toISOString(),
  place: m.place,
  online_url: m.onlineUrl,
  kinds: m.kinds,
  state: m.state,
});
