import { recordAudit } from '#platform/audit.ts';
import { sha256 } from '#platform/auth/secrets.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { newFeedSecret, type CalendarFeed } from './calendar.ts';
import { calendarFeedPolicy } from './calendar-policy.ts';
import { insertFeed, revokeLiveFeedsOfUser } from './calendar-queries.ts';

/**
 * Creates the signed-in person's personal calendar feed. The secret (the feed URL's last part) is returned this
 * once; the database keeps only its SHA-256 and the short prefix shown on the page. A person has one live feed:
 * a new one replaces (revokes) the old, so a leaked address is fixed by creating a new one.
 */
export async function createCalendarFeed(ctx: Ctx): Promise<{ feed: CalendarFeed; secret: string; replaced: CalendarFeed[] }> {
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : '';
  assertCan(calendarFeedPolicy, 'calendar_feed.create', ctx.actor, { userId });
  const { secret, prefix } = newFeedSecret();
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const replaced = await revokeLiveFeedsOfUser(tx, userId, now);
    for (const old of replaced) {
      await recordAudit(tx, ctx, { partyId: null, action: 'calendar_feed.revoke', targetType: 'calendar_feed', targetId: old.id, before: { prefix: old.prefix }, after: { replaced: true } });
    }
    const feed = await insertFeed(tx, userId, sha256(secret), prefix, now);
    await recordAudit(tx, ctx, { partyId: null, action: 'calendar_feed.create', targetType: 'calendar_feed', targetId: feed.id, after: { prefix } });
    return { feed, secret, replaced };
  });
}
