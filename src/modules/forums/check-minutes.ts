import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { ZRowVersion } from './forum-schemas.ts';
import { findMeeting } from './meeting-queries.ts';
import { meetingRecord } from './minutes-access.ts';
import type { MinutesChecker } from './minutes.ts';
import { meetingRecordPolicy } from './minutes-policy.ts';
import { listCheckers, markChecked, touchMeeting } from './minutes-queries.ts';

/**
 * A minutes checker confirms the minutes as they are now (`rowVersion` of the meeting they read, so a change made
 * meanwhile is not confirmed unseen). Both checkers' confirmations let the secretary approve the minutes.
 */
export async function checkMinutes(ctx: Ctx, meetingId: string, input: unknown): Promise<MinutesChecker[]> {
  const { forum, record } = await meetingRecord(ctx.db, meetingId);
  assertCan(meetingRecordPolicy, 'minutes.check', ctx.actor, record);
  const f = parseInput(ZRowVersion, input);
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : '';
  return ctx.db.transaction(async (tx) => {
    if (!(await touchMeeting(tx, meetingId, f.rowVersion, ctx.clock.now()))) {
      throw conflict('forums.minutes_changed_since', { current: (await findMeeting(tx, meetingId)) ?? null });
    }
    await markChecked(tx, meetingId, userId, ctx.clock.now());
    await recordAudit(tx, ctx, { partyId: forum.ownerPartyId, action: 'meeting.check_minutes', targetType: 'meeting', targetId: meetingId, after: { checked_by: userId } });
    return listCheckers(tx, meetingId);
  });
}
