import { getCooperationRegion } from '#modules/parties/index.ts';
import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { ZRecordAttendance } from './forum-schemas.ts';
import { forumPolicy } from './forum-policy.ts';
import { meetingWithForum } from './meeting-access.ts';
import { findMeeting, setAttendance } from './meeting-queries.ts';
import { takesAttendance, type Meeting } from './meeting.ts';

/**
 * Records (or corrects) which of the region's parties were represented at a held meeting, from its minutes.
 * The forum's managers record it while the meeting is held or its minutes approved; once the minutes are
 * published it stands. A meeting of kind 14 § or 7 § then counts as the negotiation for the parties present.
 */
export async function recordAttendance(ctx: Ctx, meetingId: string, input: unknown): Promise<Meeting> {
  const { meeting, forum, subject } = await meetingWithForum(ctx.db, meetingId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZRecordAttendance, input);
  if (!takesAttendance(meeting.state)) throw invalid([{ field: 'partyIds', code: 'attendance_not_held' }]);
  const regionParties = new Set((await getCooperationRegion(ctx, forum.countyCode)).parties.map((p) => p.id));
  if (f.partyIds.some((p) => !regionParties.has(p))) throw invalid([{ field: 'partyIds', code: 'participant_not_in_region' }]);
  const partyIds = [...new Set(f.partyIds)].sort();
  return ctx.db.transaction(async (tx) => {
    if (!(await setAttendance(tx, meetingId, f.rowVersion, partyIds, ctx.clock.now()))) {
      throw conflict('forums.meeting_edited_by_someone_else', { current: (await findMeeting(tx, meetingId)) ?? null });
    }
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'meeting.record_attendance',
      targetType: 'meeting',
      targetId: meetingId,
      before: { attended_party_ids: meeting.attendedPartyIds },
      after: { attended_party_ids: partyIds },
    });
    return (await findMeeting(tx, meetingId))!;
  });
}
