import type { Actor } from '#platform/actor.ts';
import type { Sql } from '#platform/db/db.ts';
import { can } from '#platform/policy.ts';
import type { CalendarEntry } from './calendar.ts';
import type { Forum } from './forum.ts';
import { forumPolicy } from './forum-policy.ts';
import { findForum, forumSubject, listForumsOfCounty, regionPartyIds } from './forum-queries.ts';
import type { Meeting } from './meeting.ts';

/** Shared steps of the calendar use cases (not exported from the module). */

/** The forums of a region the actor may see (forum.view), in the region's order. */
export async function visibleForumsOfRegion(sql: Sql, actor: Actor, countyCode: string): Promise<Forum[]> {
  const parties = await regionPartyIds(sql, countyCode);
  return (await listForumsOfCounty(sql, countyCode)).filter((f) => can(forumPolicy, 'forum.view', actor, forumSubject(f, parties)));
}

/** The given forums (by id) that the actor may see; unknown ids are left out. */
export async function visibleForumsById(sql: Sql, actor: Actor, ids: readonly string[]): Promise<Forum[]> {
  const out: Forum[] = [];
  const parties = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const f = await findForum(sql, id);
    if (!f) continue;
    if (!parties.has(f.countyCode)) parties.set(f.countyCode, await regionPartyIds(sql, f.countyCode));
    if (can(forumPolicy, 'forum.view', actor, forumSubject(f, parties.get(f.countyCode)!))) out.push(f);
  }
  return out;
}

export const entryForum = (f: Forum): CalendarEntry['forum'] => ({ id: f.id, name: f.name, isPublic: f.isPublic });

/** Meetings with their forums, each meeting once, in time order (ties by id, so the order is stable). */
export function entriesOf(meetings: readonly Meeting[], forums: ReadonlyMap<string, CalendarEntry['forum']>): CalendarEntry[] {
  const seen = new Set<string>();
  const out: CalendarEntry[] = [];
  for (const m of meetings) {
    const forum = forums.get(m.forumId);
    if (!forum || seen.has(m.id)) continue;
    seen.add(m.id);
    out.push({ meeting: m, forum });
  }
  return out.sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime() || (a.meeting.id < b.meeting.id ? -1 : a.meeting.id > b.meeting.id ? 1 : 0));
}
