import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { forumPolicy } from './forum-policy.ts';
import { isUpcomingState, type Meeting } from './meeting.ts';
import { meetingWithForum } from './meeting-access.ts';
import { findMeeting, setMeetingState } from './meeting-queries.ts';
import { ZCancelMeeting } from './forum-schemas.ts';
import { notifyInvitees } from './invitation-mail.ts';

/** Cancels a meeting that has not been held, with a reason; invitees get an iCalendar CANCEL of the same UID. */
export async function cancelMeeting(ctx: Ctx, meetingId: string, input: unknown): Promise<Meeting> {
  const { meeting, forum, subject } = await meetingWithForum(ctx.db, meetingId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZCancelMeeting, input);
  if (!isUpcomingState(meeting.state)) throw invalid([{ field: 'state', code: 'meeting_not_upcoming' }], 'forums.meeting_not_upcoming');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const wasInvited = meeting.state === 'invited';
    if (!(await setMeetingState(tx, meetingId, f.rowVersion, 'cancelled', now, { reason: f.reason, raiseSequence: wasInvited }))) {
      throw conflict('forums.meeting_edited_by_someone_else', { current: (await findMeeting(tx, meetingId)) ?? null });
    }
    const updated = (await findMeeting(tx, meetingId))!;
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'meeting.cancel',
      targetType: 'meeting',
      targetId: meetingId,
      before: { state: meeting.state },
      after: { state: 'cancelled', reason: f.reason },
    });
    if (wasInvited) await notifyInvitees(tx, ctx, forum, updated, 'cancel');
    return updated;
  });
}
