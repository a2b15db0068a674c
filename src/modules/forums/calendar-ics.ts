/**
 * A calendar feed as iCalendar (RFC 5545, METHOD:PUBLISH) through buildCalendar, the same writer as the
 * invitations: one VEVENT per meeting with the meeting's own UID and SEQUENCE, so an event a person already has
 * from an invitation is the same event in the feed; a cancelled meeting stays in the feed as STATUS:CANCELLED.
 */
import { catalogs, href, type Lang } from '#i18n/index.ts';
import type { CalendarEntry } from './calendar.ts';
import { nameIn, type Localised } from './forum.ts';
import { buildCalendar } from './meeting-ical.ts';

export type FeedSubject =
  | { kind: 'forum'; name: Localised }
  | { kind: 'region'; name: { fi: string; sv: string; en: string } }
  | { kind: 'party'; name: { fi: string; sv: string; en: string } }
  | { kind: 'personal'; name: string };

/** What a feed holds: whose it is, the meetings in time order, and the moment it was read. */
export interface CalendarFeedData {
  subject: FeedSubject;
  entries: CalendarEntry[];
  now: Date;
}


/** Calendar programs are asked to fetch a feed again after this long (RFC 7986 REFRESH-INTERVAL). */
export const FEED_REFRESH = 'PT1H';

/** The feed's text; `siteUrl` (the service's public address) makes the meeting links absolute. */
export function calendarFeedIcs(feed: CalendarFeedData, opts: { lang: Lang; siteUrl: string }): string {
  const { lang } = opts;
  const t = catalogs[lang];
  const s = feed.subject;
  const name =
    s.kind === 'forum'
      ? t.calendar.feedName.forum(nameIn(s.name, lang))
      : s.kind === 'region'
        ? t.calendar.feedName.region(s.name[lang])
        : s.kind === 'party'
          ? t.calendar.feedName.party(s.name[lang])
          : t.calendar.feedName.personal(s.name);
  const site = opts.siteUrl.replace(/\/+$/, '');
  return buildCalendar({
    method: 'PUBLISH',
    now: feed.now,
    name,
    refreshInterval: FEED_REFRESH,
    events: feed.entries.map(({ meeting: m, forum }) => {
      const title = nameIn(m.title, lang);
      const url = `${site}${href(lang, `/meetings/${m.id}`)}`;
      const cancelled = m.state === 'cancelled';
      const description = [
        t.calendar.eventForum(nameIn(forum.name, lang)),
        ...(m.kinds.length ? [t.calendar.eventKinds(m.kinds.map((k) => t.forums.kindNames[k]).join(', '))] : []),
        t.calendar.eventState(t.forums.states[m.state]),
        ...(cancelled && m.changeReason ? [t.calendar.eventReason(m.changeReason)] : []),
        t.calendar.eventLink(url),
      ].join('\n');
      return { meeting: m, summary: cancelled ? t.calendar.cancelledSummary(title) : title, description, url };
    }),
  });
}
