import { recordAudit } from '#platform/audit.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan, type Policy } from '#platform/policy.ts';
import { findAgreement } from './agreement-queries.ts';
import { notifyDeadlineNear } from './agreement-notifications.ts';
import { claimDeadlineReminder, listRoundsDueForReminder } from './notification-queries.ts';

/** Days before the deadline (a Helsinki date, inclusive) when the parties' editors are reminded. */
export const REMINDER_DAYS = 3;

/** Only the server's own scheduled work sends reminders. */
export const reminderPolicy: Policy<'agreement.send_reminders', null> = {
  'agreement.send_reminders': (a) => a.kind === 'system',
};

const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Reminds the parties' editors of open comment rounds whose deadline is at most three days away, once per
 * round (remembered in agreement_deadline_reminder, claimed in the transaction that queues the mail, so
 * overlapping runs or processes send it once). A round opened with less than three days to go gets no
 * reminder: its opening notice already told the deadline. A check that did not run on the day still
 * reminds later, until the deadline day. Returns how many rounds were reminded.
 */
export async function sendDeadlineReminders(ctx: Ctx): Promise<number> {
  assertCan(reminderPolicy, 'agreement.send_reminders', ctx.actor, null);
  const now = ctx.clock.now();
  const today = helsinkiDate(now);
  const due = await listRoundsDueForReminder(ctx.db, today, addDays(today, REMINDER_DAYS));
  let sent = 0;
  for (const r of due) {
    const reminderDay = addDays(r.deadline, -REMINDER_DAYS);
    if (helsinkiDate(r.openedAt) >= reminderDay) continue;
    const done = await ctx.db.transaction(async (tx) => {
      const a = await findAgreement(tx, r.agreementId);
      if (!a || !(await claimDeadlineReminder(tx, r.roundId, now))) return false;
      const recipients = await notifyDeadlineNear(tx, a, r);
      await recordAudit(tx, ctx, {
        partyId: a.coordinatingPartyId,
        action: 'agreement.comment_deadline_reminder',
        targetType: 'agreement_comment_round',
        targetId: r.roundId,
        after: { agreement_id: a.id, version: r.versionNumber, deadline: r.deadline, reminder_day: reminderDay, recipients },
      });
      return true;
    });
    if (done) sent++;
  }
  if (sent) ctx.log.info('comment deadline reminders queued', { rounds: sent });
  return sent;
}
