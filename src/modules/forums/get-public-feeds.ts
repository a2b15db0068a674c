import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { getCooperationRegion, getParty } from '#modules/parties/index.ts';
import { feedWindow, groupIncludes } from './calendar.ts';
import { entriesOf, entryForum } from './calendar-access.ts';
import type { CalendarFeedData } from './calendar-ics.ts';
import { calendarPolicy } from './calendar-policy.ts';
import { countiesOfParties, forumIdsOfMemberParty, listInvitedPublicMeetingsOfParty, listMeetingsOfForumsBetween } from './calendar-queries.ts';
import { forumWithSubject } from './forum-access.ts';
import { countyExists, findForum, listForumsOfCounty } from './forum-queries.ts';
import type { Forum } from './forum.ts';

/**
 * Public calendar feeds: the meetings of PUBLIC forums only, whoever asks (a calendar program fetches the URL
 * without signing in), from FEED_MONTHS_BACK months before today to FEED_MONTHS_AHEAD months after it.
 */

/** One public forum's meetings. An internal forum has no public feed (not found, as if it did not exist). */
export async function getForumFeed(ctx: Ctx, forumId: string): Promise<CalendarFeedData> {
  assertCan(calendarPolicy, 'calendar.public_feed', ctx.actor, { forumId });
  const { forum } = await forumWithSubject(ctx.db, forumId);
  if (!forum.isPublic) throw notFound('forums.not_found');
  const now = ctx.clock.now();
  const w = feedWindow(now);
  const meetings = await listMeetingsOfForumsBetween(ctx.db, [forum.id], w.from, w.until);
  return { subject: { kind: 'forum', name: forum.name }, entries: entriesOf(meetings, new Map([[forum.id, entryForum(forum)]])), now };
}

/** The meetings of a region's public forums. */
export async function getRegionFeed(ctx: Ctx, countyCode: string): Promise<CalendarFeedData> {
  const county = countyCode.toUpperCase();
  assertCan(calendarPolicy, 'calendar.public_feed', ctx.actor, { countyCode: county });
  if (!(await countyExists(ctx.db, county))) throw notFound('parties.region_not_found');
  const { region } = await getCooperationRegion(ctx, county);
  const forums = (await listForumsOfCounty(ctx.db, county)).filter((f) => f.isPublic);
  const now = ctx.clock.now();
  const w = feedWindow(now);
  const meetings = await listMeetingsOfForumsBetween(
    ctx.db,
    forums.map((f) => f.id),
    w.from,
    w.until,
  );
  return { subject: { kind: 'region', name: region.name }, entries: entriesOf(meetings, new Map(forums.map((f) => [f.id, entryForum(f)]))), now };
}

/**
 * A party's meetings in public forums: those of the forums the party coordinates or is a member of (by name, or
 * through a member group of its region such as "the municipalities"), and the meetings it is invited to, as a
 * party or through its people. Internal forums are never in it, even if the party takes part in them: their
 * meetings are in the personal feeds of the party's people.
 */
export async function getPartyFeed(ctx: Ctx, partyId: string): Promise<CalendarFeedData> {
  assertCan(calendarPolicy, 'calendar.public_feed', ctx.actor, { partyId });
  const { party } = await getParty(ctx, partyId);
  const now = ctx.clock.now();
  const w = feedWindow(now);
  const forums = new Map<string, Forum>();
  const takesPart = (f: Forum) => f.ownerPartyId === party.id || f.members.some((m) => m.partyId === party.id || (m.group !== null && groupIncludes(m.group, party.type)));
  for (const county of await countiesOfParties(ctx.db, [party.id])) for (const f of await listForumsOfCounty(ctx.db, county)) if (f.isPublic && takesPart(f)) forums.set(f.id, f);
  for (const id of await forumIdsOfMemberParty(ctx.db, party.id)) {
    if (forums.has(id)) continue;
    const f = await findForum(ctx.db, id);
    if (f?.isPublic) forums.set(f.id, f);
  }
  const meetings = await listMeetingsOfForumsBetween(ctx.db, [...forums.keys()], w.from, w.until);
  // Invited to a meeting of a public forum it is not a member of: that meeting only.
  const invited = await listInvitedPublicMeetingsOfParty(ctx.db, party.id, w.from, w.until);
  const byId = new Map([...forums.values()].map((f) => [f.id, entryForum(f)]));
  for (const id of new Set(invited.map((m) => m.forumId))) {
    if (byId.has(id)) continue;
    const f = await findForum(ctx.db, id);
    if (f?.isPublic) byId.set(f.id, entryForum(f));
  }
  return { subject: { kind: 'party', name: party.name }, entries: entriesOf([...meetings, ...invited], byId), now };
}
