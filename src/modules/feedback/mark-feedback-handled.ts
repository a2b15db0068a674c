import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { feedbackPolicy } from './feedback-policy.ts';
import { findFeedback, markHandledRow } from './feedback-queries.ts';
import { withAge, type FeedbackWithAge } from './feedback.ts';

/**
 * A platform administrator marks feedback handled (answered or acted on); who and when are kept.
 * If someone else marked it first, the result is a conflict that tells who and when.
 */
export async function markFeedbackHandled(ctx: Ctx, id: string): Promise<FeedbackWithAge> {
  assertCan(feedbackPolicy, 'feedback.handle', ctx.actor, null);
  const existing = await findFeedback(ctx.db, id);
  if (!existing) throw notFound('feedback.not_found');
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (!(await markHandledRow(tx, id, userId, now))) {
      const current = await findFeedback(tx, id);
      throw conflict('feedback.already_handled', { current });
    }
    await recordAudit(tx, ctx, {
      partyId: null,
      action: 'accessibility_feedback.handle',
      targetType: 'accessibility_feedback',
      targetId: id,
      before: { handled: false },
      after: { handled: true },
    });
    const updated = await findFeedback(tx, id);
    return withAge(updated!, now);
  });
}
