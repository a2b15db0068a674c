import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { feedbackPolicy } from './feedback-policy.ts';
import { searchFeedback } from './feedback-queries.ts';
import { ZFeedbackListQuery } from './feedback-schemas.ts';
import { ANSWER_DAYS, withAge, type FeedbackWithAge } from './feedback.ts';

export interface FeedbackList {
  items: FeedbackWithAge[];
  total: number;
  /** Not yet handled, of all feedback. */
  open: number;
  /** Not handled although the 14-day answer period is over, of all feedback. */
  overdue: number;
  status: 'open' | 'handled' | 'all';
  limit: number;
  offset: number;
}

/** Accessibility feedback for platform administrators, newest first, with each one's age and answer deadline. */
export async function listAccessibilityFeedback(ctx: Ctx, query: unknown): Promise<FeedbackList> {
  assertCan(feedbackPolicy, 'feedback.read', ctx.actor, null);
  const q = parseInput(ZFeedbackListQuery, query);
  const now = ctx.clock.now();
  const res = await searchFeedback(ctx.db, q, now, ANSWER_DAYS);
  return { ...res, items: res.items.map((f) => withAge(f, now)), status: q.status, limit: q.limit, offset: q.offset };
}
