import { catalogs, formatDate } from '#i18n/index.ts';
import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { enqueueMail } from '#platform/mail/index.ts';
import { assertCan } from '#platform/policy.ts';
import { todayOf } from './obligation-access.ts';
import { obligationPolicy } from './obligation-policy.ts';
import { claimReminder, listPartyEditors, listRegions, loadCatalogue } from './obligation-queries.ts';
import { reminderDue } from './obligation-status.ts';
import { obligedParties, periodView, regionEvidence } from './obligation-views.ts';
import { addDays, periodOn } from './terms.ts';

/**
 * E-mails the responsible editors (admins and editors of each obliged party without evidence) 90 and 30 days
 * before a period's deadline and once it has passed, each exactly once per obligation, period, party and kind
 * (claimed in obligation_reminder in the transaction that queues the mail). Run hourly by the server.
 */
export async function sendObligationReminders(ctx: Ctx): Promise<number> {
  assertCan(obligationPolicy, 'obligation.send_reminders', ctx.actor, { partyId: null });
  const today = todayOf(ctx);
  const now = ctx.clock.now();
  let sent = 0;
  const { obligations } = await loadCatalogue(ctx.db);
  for (const region of await listRegions(ctx.db)) {
    const ev = await regionEvidence(ctx.db, region);
    for (const o of obligations) {
      // The current period, and the one that just ended (its "passed" reminder).
      const current = periodOn(o.frequency, today);
      const previous = current && periodOn(o.frequency, addDays(current.startsOn, -1));
      for (const period of [previous, current]) {
        if (!period) continue;
        const kind = reminderDue(period.endsOn, today);
        if (!kind) continue;
        // A "passed" reminder only for the period that just ended, not for long-past ones from before this ran.
        if (kind === 'passed' && today > addDays(period.endsOn, 31)) continue;
        const view = periodView(o, period, obligedParties(o, region), ev.evidence, today);
        for (const partyId of view.missingPartyIds) {
          const party = region.parties.find((p) => p.id === partyId)!;
          const done = await ctx.db.transaction(async (tx) => {
            if (!(await claimReminder(tx, { obligationCode: o.code, periodKey: period.key, partyId, kind }, now))) return false;
            const recipients = await listPartyEditors(tx, partyId);
            for (const r of recipients) {
              const t = catalogs[r.lang].obligations;
              const title = t.obligation[o.code].title;
              const subject = t.mail.subject[kind]({ title, date: formatDate(r.lang, period.endsOn) });
              const text = [t.mail.body({ party: party.name[r.lang], title, law: o.law, date: formatDate(r.lang, period.endsOn) }), '', '-- ', catalogs[r.lang].mail.footer].join('\n');
              await enqueueMail(tx, { topic: 'obligation.reminder', to: [r.email], subject, lang: r.lang, text });
            }
            await recordAudit(tx, ctx, {
              partyId,
              action: 'obligation.reminder',
              targetType: 'obligation',
              targetId: null,
              after: { obligation_code: o.code, period_key: period.key, kind, deadline: period.endsOn, recipients: recipients.map((r) => r.email) },
            });
            return true;
          });
          if (done) sent++;
        }
      }
    }
  }
  if (sent) ctx.log.info('obligation reminders queued', { count: sent });
  return sent;
}
