import type { Actor } from '#platform/actor.ts';
import { sha256 } from '#platform/auth/secrets.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { FEED_SECRET_PATTERN, feedWindow } from './calendar.ts';
import { entriesOf, entryForum, visibleForumsById, visibleForumsOfRegion } from './calendar-access.ts';
import type { CalendarFeedData } from './calendar-ics.ts';
import { countiesOfParties, feedOwner, findLiveFeedByHash, forumIdsOfMemberUser, listInvitedMeetingsOfUser, listMeetingsOfForumsBetween, touchFeed } from './calendar-queries.ts';
import { findForum } from './forum-queries.ts';
import type { Forum } from './forum.ts';

const TOUCH_EVERY_MS = 60_000;

/**
 * The personal feed behind a secret URL, read as its owner, whoever fetches it (the secret is the credential, as
 * an invitation's answer link is): the forums of the regions where the owner acts for a party and the forums they
 * are a named member of — each only if the owner may see it now (forumPolicy forum.view, with their current
 * memberships) — and the meetings they are invited to by name (the invitation already told them the meeting).
 * An unknown or revoked secret, or a disabled account, is not found. A fetch is recorded at most once a minute.
 */
export async function getPersonalFeed(ctx: Ctx, secret: string): Promise<CalendarFeedData> {
  const feed = FEED_SECRET_PATTERN.test(secret) ? await findLiveFeedByHash(ctx.db, sha256(secret)) : undefined;
  const owner = feed && (await feedOwner(ctx.db, feed.userId));
  if (!feed || !owner) throw notFound('calendar.feed_not_found');
  const actor: Actor = { kind: 'user', userId: feed.userId, ...owner };
  const now = ctx.clock.now();
  if (!feed.lastUsedAt || now.getTime() - feed.lastUsedAt.getTime() >= TOUCH_EVERY_MS) await touchFeed(ctx.db, feed.id, now);
  const w = feedWindow(now);
  const forums = new Map<string, Forum>();
  for (const county of await countiesOfParties(
    ctx.db,
    owner.memberships.map((m) => m.partyId),
  ))
    for (const f of await visibleForumsOfRegion(ctx.db, actor, county)) forums.set(f.id, f);
  const memberOf = (await forumIdsOfMemberUser(ctx.db, feed.userId)).filter((id) => !forums.has(id));
  for (const f of await visibleForumsById(ctx.db, actor, memberOf)) forums.set(f.id, f);
  const meetings = await listMeetingsOfForumsBetween(ctx.db, [...forums.keys()], w.from, w.until);
  const invited = await listInvitedMeetingsOfUser(ctx.db, feed.userId, w.from, w.until);
  const byId = new Map([...forums.values()].map((f) => [f.id, entryForum(f)]));
  for (const id of new Set(invited.map((m) => m.forumId))) {
    if (byId.has(id)) continue;
    const f = await findForum(ctx.db, id);
    if (f) byId.set(f.id, entryForum(f));
  }
  return { subject: { kind: 'personal', name: owner.displayName }, entries: entriesOf([...meetings, ...invited], byId), now };
}
