import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import type { CalendarFeed } from './calendar.ts';
import { calendarFeedPolicy } from './calendar-policy.ts';
import { findFeed, markFeedRevoked } from './calendar-queries.ts';

/** Revokes one of the person's own feeds at once: its URL answers 404 from now on. Revoking it again changes nothing. */
export async function revokeCalendarFeed(ctx: Ctx, feedId: string): Promise<CalendarFeed> {
  const existing = await findFeed(ctx.db, feedId);
  if (!existing) throw notFound('calendar.feed_not_found');
  assertCan(calendarFeedPolicy, 'calendar_feed.manage', ctx.actor, { userId: existing.userId });
  return ctx.db.transaction(async (tx) => {
    if (await markFeedRevoked(tx, feedId, ctx.clock.now())) {
      await recordAudit(tx, ctx, { partyId: null, action: 'calendar_feed.revoke', targetType: 'calendar_feed', targetId: feedId, before: { prefix: existing.prefix } });
    }
    return (await findFeed(tx, feedId))!;
  });
}
