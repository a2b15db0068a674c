import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { enqueueMail } from '#platform/mail/index.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { feedbackNotification } from './feedback-mail.ts';
import { feedbackPolicy } from './feedback-policy.ts';
import { insertFeedback, platformAdminRecipients } from './feedback-queries.ts';
import { ZFeedbackInput } from './feedback-schemas.ts';

/**
 * Stores accessibility feedback from anyone (no account needed) and, in the same transaction, queues an e-mail
 * to every platform administrator in their language. The audit row records that feedback arrived, never its
 * text or the sender's name or e-mail: the audit trail is append-only, and personal data must stay erasable
 * in the feedback table (the queued mail carries the page and the text; sent mail is purged from the outbox).
 */
export async function submitAccessibilityFeedback(ctx: Ctx, input: unknown): Promise<{ id: string }> {
  assertCan(feedbackPolicy, 'feedback.submit', ctx.actor, null);
  const f = parseInput(ZFeedbackInput, input);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const id = await insertFeedback(tx, f, now);
    await recordAudit(tx, ctx, {
      partyId: null,
      action: 'accessibility_feedback.create',
      targetType: 'accessibility_feedback',
      targetId: id,
      after: { lang: f.lang, contact_given: f.email !== null },
    });
    const admins = await platformAdminRecipients(tx);
    for (const admin of admins) {
      const mail = feedbackNotification(admin.lang, { pageUrl: f.pageUrl, message: f.message, createdAt: now });
      await enqueueMail(tx, { topic: 'accessibility_feedback.created', to: [admin.email], lang: admin.lang, ...mail });
    }
    if (admins.length === 0) ctx.log.warn('accessibility feedback received, but there is no platform administrator to notify', { feedbackId: id });
    return { id };
  });
}
