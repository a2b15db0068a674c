import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { forumPolicy } from './forum-policy.ts';
import { isUpcomingState, resolveMeetingTimes, type Meeting } from './meeting.ts';
import { meetingAuditView, meetingWithForum } from './meeting-access.ts';
import { findMeeting, updateMeetingRow } from './meeting-queries.ts';
import { ZUpdateMeeting } from './forum-schemas.ts';
import { notifyInvitees } from './invitation-mail.ts';

/**
 * Edits or reschedules a meeting that has not been held. Once invitations have gone out, a reason is required,
 * the iCalendar SEQUENCE is raised and every invitee gets the new version of the same UID.
 */
export async function updateMeeting(ctx: Ctx, meetingId: string, input: unknown): Promise<Meeting> {
  const { meeting, forum, subject } = await meetingWithForum(ctx.db, meetingId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZUpdateMeeting, input);
  if (!isUpcomingState(meeting.state)) throw invalid([{ field: 'state', code: 'meeting_not_upcoming' }], 'forums.meeting_not_upcoming');
  const times = resolveMeetingTimes(f);
  if ('issues' in times) throw invalid(times.issues);
  const invited = meeting.state === 'invited';
  if (invited && !f.reason) throw invalid([{ field: 'reason', code: 'reason_required_after_invitation' }]);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (!(await updateMeetingRow(tx, meetingId, f.rowVersion, { ...f, ...times, kinds: [...new Set(f.kinds)] }, f.reason, invited, now))) {
      throw conflict('forums.meeting_edited_by_someone_else', { current: (await findMeeting(tx, meetingId)) ?? null });
    }
    const updated = (await findMeeting(tx, meetingId))!;
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'meeting.update',
      targetType: 'meeting',
      targetId: meetingId,
      ...changedFields({ ...meetingAuditView(meeting), reason: '' }, { ...meetingAuditView(updated), reason: f.reason }),
    });
    if (invited) await notifyInvitees(tx, ctx, forum, updated, 'update');
    return updated;
  });
}
