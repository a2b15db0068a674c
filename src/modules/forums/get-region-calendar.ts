import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { getCooperationRegion, type CooperationRegion } from '#modules/parties/index.ts';
import { groupByMonth, helsinkiToday, parseCalendarQuery, viewWindow, type CalendarEntry, type CalendarFilter, type CalendarMonth, type CalendarNotice } from './calendar.ts';
import { entriesOf, entryForum, visibleForumsOfRegion } from './calendar-access.ts';
import { calendarPolicy } from './calendar-policy.ts';
import { listMeetingsOfForumsBetween, meetingYearSpan } from './calendar-queries.ts';
import { countyExists } from './forum-queries.ts';

export interface RegionCalendar {
  region: CooperationRegion;
  /** The region's forums the actor may see (the forum filter's choices). */
  forums: CalendarEntry['forum'][];
  filter: CalendarFilter;
  notices: CalendarNotice[];
  /** Months as headings, oldest first (newest first for the past). */
  months: CalendarMonth[];
  count: number;
  /** Years that can be chosen: from the first to the last meeting of those forums, and this year. */
  years: number[];
  today: string;
}

/**
 * The meetings of a region's forums by month: upcoming (today and the next 12 months, the default), past (the 12
 * months before today, newest first) or one year, optionally of one forum and one kind. Internal forums' meetings
 * are shown only to those who may see the forum. A query part that cannot be used is ignored with a notice.
 */
export async function getRegionCalendar(ctx: Ctx, countyCode: string, query: { when?: string | null; forum?: string | null; kind?: string | null }): Promise<RegionCalendar> {
  const county = countyCode.toUpperCase();
  assertCan(calendarPolicy, 'calendar.view', ctx.actor, { countyCode: county });
  if (!(await countyExists(ctx.db, county))) throw notFound('parties.region_not_found');
  const { region } = await getCooperationRegion(ctx, county);
  const now = ctx.clock.now();
  const { filter, notices } = parseCalendarQuery(query);
  const forums = await visibleForumsOfRegion(ctx.db, ctx.actor, county);
  if (filter.forumId && !forums.some((f) => f.id === filter.forumId)) {
    notices.push('unknown_forum');
    filter.forumId = null;
  }
  const chosen = filter.forumId ? forums.filter((f) => f.id === filter.forumId) : forums;
  const w = viewWindow(filter.range, now);
  const meetings = await listMeetingsOfForumsBetween(
    ctx.db,
    chosen.map((f) => f.id),
    w.from,
    w.until,
    { kind: filter.kind, newestFirst: w.newestFirst },
  );
  const byId = new Map(forums.map((f) => [f.id, entryForum(f)]));
  const entries = entriesOf(meetings, byId);
  if (w.newestFirst) entries.reverse();
  const today = helsinkiToday(now);
  const span = await meetingYearSpan(
    ctx.db,
    forums.map((f) => f.id),
  );
  const thisYear = +today.slice(0, 4);
  const asked = filter.range.kind === 'year' ? filter.range.year : thisYear;
  const first = Math.min(span?.first ?? thisYear, thisYear, asked);
  const last = Math.max(span?.last ?? thisYear, thisYear, asked);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { region, forums: forums.map(entryForum), filter, notices, months: groupByMonth(entries), count: entries.length, years, today };
}
