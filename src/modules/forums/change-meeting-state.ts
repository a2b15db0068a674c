import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { forumPolicy } from './forum-policy.ts';
import { canMoveTo, type Meeting } from './meeting.ts';
import { meetingWithForum } from './meeting-access.ts';
import { findMeeting, setMeetingState } from './meeting-queries.ts';
import { ZChangeMeetingState } from './forum-schemas.ts';
import { listCheckers } from './minutes-queries.ts';

/** Moves a meeting on: held (not before it starts) → minutes approved (once both checkers have checked them) → published. */
export async function changeMeetingState(ctx: Ctx, meetingId: string, input: unknown): Promise<Meeting> {
  const { meeting, forum, subject } = await meetingWithForum(ctx.db, meetingId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZChangeMeetingState, input);
  if (!canMoveTo(meeting.state, f.state)) throw invalid([{ field: 'state', code: 'state_change_not_allowed' }]);
  const now = ctx.clock.now();
  if (f.state === 'held' && now.getTime() < meeting.startsAt.getTime()) throw invalid([{ field: 'state', code: 'meeting_not_started' }]);
  if (f.state === 'minutes_approved') {
    const checkers = await listCheckers(ctx.db, meetingId);
    if (checkers.length < 2 || checkers.some((c) => c.checkedAt === null)) throw invalid([{ field: 'state', code: 'minutes_not_checked' }]);
  }
  return ctx.db.transaction(async (tx) => {
    if (!(await setMeetingState(tx, meetingId, f.rowVersion, f.state, now))) {
      throw conflict('forums.meeting_edited_by_someone_else', { current: (await findMeeting(tx, meetingId)) ?? null });
    }
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'meeting.change_state',
      targetType: 'meeting',
      targetId: meetingId,
      before: { state: meeting.state },
      after: { state: f.state },
    });
    return (await findMeeting(tx, meetingId))!;
  });
}
