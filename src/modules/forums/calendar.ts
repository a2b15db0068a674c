/**
 * The region calendar and the calendar feeds: types and pure rules. All dates are Helsinki dates; a window is
 * [from, until) of instants, from a Helsinki midnight to another.
 */
import { randomBytes } from 'node:crypto';
import { randomToken } from '#platform/auth/secrets.ts';
import type { Localised } from './forum.ts';
import { fromHelsinkiWallTime, helsinkiWallTime, isWallDate } from './helsinki-time.ts';
import { MEETING_KINDS, type Meeting, type MeetingKind } from './meeting.ts';

/** The calendar page's "upcoming" and "past" views reach this many months from today. */
export const VIEW_MONTHS = 12;
/** A feed holds the meetings from this many months back … */
export const FEED_MONTHS_BACK = 12;
/** … to this many months ahead (a calendar program fetches the whole feed every time). */
export const FEED_MONTHS_AHEAD = 36;
/** Years a calendar page can be asked for (a year outside is refused with a message). */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

export type CalendarRange = { kind: 'upcoming' } | { kind: 'past' } | { kind: 'year'; year: number };

export interface CalendarFilter {
  range: CalendarRange;
  forumId: string | null;
  kind: MeetingKind | null;
}

/** Why a part of the query was ignored (the page says so and shows the rest). */
export type CalendarNotice = 'bad_when' | 'unknown_forum' | 'unknown_kind';

/** One meeting in a calendar, with what a list or a feed shows of its forum. */
export interface CalendarEntry {
  meeting: Meeting;
  forum: { id: string; name: Localised; isPublic: boolean };
}

export interface CalendarMonth {
  /** 'YYYY-MM' in Helsinki. */
  month: string;
  entries: CalendarEntry[];
}

/**
 * Reads the calendar page's query: `when` = upcoming | past | a year, `forum` = a forum id, `kind` = a meeting kind.
 * What cannot be used is dropped with a notice (the forum is checked against the region's forums by the use case).
 */
export function parseCalendarQuery(q: { when?: string | null; forum?: string | null; kind?: string | null }): { filter: CalendarFilter; notices: CalendarNotice[] } {
  const notices: CalendarNotice[] = [];
  let range: CalendarRange = { kind: 'upcoming' };
  const when = (q.when ?? '').trim();
  if (when === 'past') range = { kind: 'past' };
  else if (/^\d{4}$/.test(when) && +when >= FIRST_YEAR && +when <= LAST_YEAR) range = { kind: 'year', year: +when };
  else if (when !== '' && when !== 'upcoming') notices.push('bad_when');
  const kindText = (q.kind ?? '').trim();
  const kind = (MEETING_KINDS as readonly string[]).includes(kindText) ? (kindText as MeetingKind) : null;
  if (kindText && !kind) notices.push('unknown_kind');
  const forumId = (q.forum ?? '').trim() || null;
  return { filter: { range, forumId, kind }, notices };
}

/** 'YYYY-MM-DD' plus n months (the day clamped to the month's last). */
export function plusMonths(date: string, n: number): string {
  const y = +date.slice(0, 4);
  const m0 = +date.slice(5, 7) - 1 + n;
  const year = y + Math.floor(m0 / 12);
  const month = ((m0 % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(+date.slice(8, 10), last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant a Helsinki date begins (midnight always exists in Helsinki: the clocks change at 03:00 and 04:00). */
export function startOfHelsinkiDay(date: string): Date {
  if (!isWallDate(date)) throw new Error(`not a date: ${date}`);
  const r = fromHelsinkiWallTime(date, '00:00');
  if (r.kind !== 'ok') throw new Error(`midnight of ${date} in Helsinki is not a single instant`);
  return r.instant;
}

export const helsinkiToday = (now: Date) => helsinkiWallTime(now).date;

/** The window of instants a calendar page shows, and whether it lists newest first. */
export function viewWindow(range: CalendarRange, now: Date): { from: Date; until: Date; newestFirst: boolean } {
  const today = helsinkiToday(now);
  switch (range.kind) {
    case 'upcoming':
      return { from: startOfHelsinkiDay(today), until: startOfHelsinkiDay(plusMonths(today, VIEW_MONTHS)), newestFirst: false };
    case 'past':
      return { from: startOfHelsinkiDay(plusMonths(today, -VIEW_MONTHS)), until: startOfHelsinkiDay(today), newestFirst: true };
    case 'year':
      return { from: startOfHelsinkiDay(`${range.year}-01-01`), until: startOfHelsinkiDay(`${range.year + 1}-01-01`), newestFirst: false };
  }
}

/** The window every feed holds: FEED_MONTHS_BACK before today to FEED_MONTHS_AHEAD after it. */
export function feedWindow(now: Date): { from: Date; until: Date } {
  const today = helsinkiToday(now);
  return { from: startOfHelsinkiDay(plusMonths(today, -FEED_MONTHS_BACK)), until: startOfHelsinkiDay(plusMonths(today, FEED_MONTHS_AHEAD)) };
}

/** Entries (already in the order shown) under their Helsinki months, in the same order. */
export function groupByMonth(entries: readonly CalendarEntry[]): CalendarMonth[] {
  const months: CalendarMonth[] = [];
  for (const e of entries) {
    const month = helsinkiWallTime(e.meeting.startsAt).date.slice(0, 7);
    const last = months.at(-1);
    if (last?.month === month) last.entries.push(e);
    else months.push({ month, entries: [e] });
  }
  return months;
}

/** Does a forum member row of a party group ('municipalities', …) stand for a party of this type? */
export function groupIncludes(group: string, partyType: string): boolean {
  switch (group) {
    case 'all':
      return true;
    case 'county':
      return partyType === 'wellbeing_services_county' || partyType === 'city_of_helsinki';
    case 'municipalities':
      return partyType === 'municipality';
    case 'regional_council':
      return partyType === 'regional_council';
    default:
      return false;
  }
}

/** A personal calendar feed as its owner sees it. The secret is never stored, only its SHA-256 and a prefix. */
export interface CalendarFeed {
  id: string;
  userId: string;
  /** Shown so the owner can tell feeds apart: 'kpc_1a2b3c4d'. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Secrets of personal feeds: the shown prefix 'kpc_' + 8 hex, then 256 random bits (43 URL-safe characters). */
export const FEED_SECRET_PATTERN = /^kpc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export function newFeedSecret(): { secret: string; prefix: string } {
  const prefix = `kpc_${randomBytes(4).toString('hex')}`;
  return { secret: `${prefix}_${randomToken(32)}`, prefix };
}
