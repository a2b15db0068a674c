import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan, type Policy } from '#platform/policy.ts';
import { REMINDER_DAYS } from './invitation.ts';
import { listInvitees, meetingsDueForReminder } from './invitation-queries.ts';
import { langsOf, sendInvitationMail } from './invitation-mail.ts';
import { findForum } from './forum-queries.ts';
import { findMeeting } from './meeting-queries.ts';

/** Only the server's own scheduled work sends reminders. */
export const meetingReminderPolicy: Policy<'meeting.send_reminders', null> = {
  'meeting.send_reminders': (a) => a.kind === 'system',
};

/**
 * Two days before an invited meeting, each invitee who has not said no gets one reminder (with the meeting's
 * iCalendar again). Runs hourly; a missed run reminds later, until the meeting starts. Returns how many were reminded.
 */
export async function sendMeetingReminders(ctx: Ctx): Promise<number> {
  assertCan(meetingReminderPolicy, 'meeting.send_reminders', ctx.actor, null);
  const now = ctx.clock.now();
  const due = await meetingsDueForReminder(ctx.db, now, new Date(now.getTime() + REMINDER_DAYS * 86_400_000));
  let sent = 0;
  for (const m of due) {
    sent += await ctx.db.transaction(async (tx) => {
      const meeting = await findMeeting(tx, m.id);
      const forum = meeting && (await findForum(tx, meeting.forumId));
      if (!meeting || !forum || meeting.state !== 'invited') return 0;
      const people = (await listInvitees(tx, meeting.id)).filter((i) => i.email && !i.remindedAt && i.answer !== 'no');
      if (people.length === 0) return 0;
      const lang = await langsOf(tx, people);
      for (const i of people) await sendInvitationMail(tx, ctx, forum, meeting, i, 'reminder', lang(i));
      await recordAudit(tx, ctx, { partyId: forum.ownerPartyId, action: 'meeting.remind', targetType: 'meeting', targetId: meeting.id, after: { reminded: people.length } });
      return people.length;
    });
  }
  return sent;
}
