import { randomUUID } from 'node:crypto';
import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { forumWithSubject } from './forum-access.ts';
import { forumPolicy } from './forum-policy.ts';
import { resolveMeetingTimes, type Meeting } from './meeting.ts';
import { meetingAuditView } from './meeting-access.ts';
import { findMeeting, insertMeeting } from './meeting-queries.ts';
import { ZCreateMeeting } from './forum-schemas.ts';

/** Plans a meeting of a forum: start and end in Helsinki time, place and/or online link, kind tags. */
export async function createMeeting(ctx: Ctx, forumId: string, input: unknown): Promise<Meeting> {
  const { forum, subject } = await forumWithSubject(ctx.db, forumId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZCreateMeeting, input);
  const times = resolveMeetingTimes(f);
  if ('issues' in times) throw invalid(times.issues);
  return ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    // The iCalendar UID stays with the meeting for its whole life (reschedules and cancellation reuse it).
    await insertMeeting(tx, id, forumId, { ...f, ...times, kinds: [...new Set(f.kinds)] }, `${id}@kumppanuus`, ctx.clock.now());
    const meeting = (await findMeeting(tx, id))!;
    await recordAudit(tx, ctx, { partyId: forum.ownerPartyId, action: 'meeting.create', targetType: 'meeting', targetId: id, after: meetingAuditView(meeting) });
    return meeting;
  });
}
