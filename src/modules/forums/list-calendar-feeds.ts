import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import type { CalendarFeed } from './calendar.ts';
import { calendarFeedPolicy } from './calendar-policy.ts';
import { listFeedsOfUser } from './calendar-queries.ts';

/** The signed-in person's own feeds, newest first, revoked ones too (created, last fetched, revoked). */
export async function listCalendarFeeds(ctx: Ctx): Promise<CalendarFeed[]> {
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : '';
  assertCan(calendarFeedPolicy, 'calendar_feed.manage', ctx.actor, { userId });
  return listFeedsOfUser(ctx.db, userId);
}
