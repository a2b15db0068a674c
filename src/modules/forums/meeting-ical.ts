/**
 * iCalendar (RFC 5545 / iTIP RFC 5546) for meetings, written with ical.js (which escapes and folds lines).
 * Times are given in Europe/Helsinki with a VTIMEZONE, so a calendar shows 10:00 as 10:00 on both sides of
 * a DST change. One meeting keeps one UID for its life; SEQUENCE grows with every change sent out.
 */
import ICAL from 'ical.js';
import { TIME_ZONE } from '#platform/clock.ts';
import { helsinkiWallTime } from './helsinki-time.ts';
import type { Meeting } from './meeting.ts';

/** Europe/Helsinki since 1983: EET (UTC+2), EEST (UTC+3) from the last Sunday of March to the last Sunday of October. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19830327T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19831030T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

function helsinkiTime(d: Date): ICAL.Time {
  const w = helsinkiWallTime(d);
  return ICAL.Time.fromData({
    year: +w.date.slice(0, 4),
    month: +w.date.slice(5, 7),
    day: +w.date.slice(8, 10),
    hour: +w.time.slice(0, 2),
    minute: +w.time.slice(3, 5),
    second: 0,
    isDate: false,
  });
}

export interface IcalEvent {
  meeting: Meeting;
  summary: string;
  description: string;
  /** A site URL of the meeting page (absolute when the server knows its public address). */
  url?: string;
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
}

/** `refreshInterval` (a feed: how often a calendar program should fetch it again, e.g. 'PT1H'). */
export function buildCalendar(opts: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; now: Date; events: IcalEvent[]; name?: string; refreshInterval?: string }): string {
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('prodid', '-//Kumppanuus//Forums//FI');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', opts.method);
  if (opts.name) cal.addPropertyWithValue('x-wr-calname', opts.name);
  if (opts.refreshInterval) {
    const refresh = new ICAL.Property('refresh-interval');
    refresh.resetType('duration');
    refresh.setValue(ICAL.Duration.fromString(opts.refreshInterval));
    cal.addProperty(refresh);
    cal.addPropertyWithValue('x-published-ttl', opts.refreshInterval);
  }
  cal.addSubcomponent(new ICAL.Component(ICAL.parse(VTIMEZONE)));
  const stamp = ICAL.Time.fromJSDate(opts.now, true);
  for (const e of opts.events) {
    const m = e.meeting;
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', m.icalUid);
    ev.addPropertyWithValue('sequence', m.icalSequence);
    ev.addPropertyWithValue('dtstamp', stamp);
    ev.addPropertyWithValue('dtstart', helsinkiTime(m.startsAt)).setParameter('tzid', TIME_ZONE);
    ev.addPropertyWithValue('dtend', helsinkiTime(m.endsAt)).setParameter('tzid', TIME_ZONE);
    ev.addPropertyWithValue('summary', e.summary);
    if (e.description) ev.addPropertyWithValue('description', e.description);
    const location = [m.place, m.onlineUrl].filter(Boolean).join(' – ');
    if (location) ev.addPropertyWithValue('location', location);
    if (e.url) ev.addPropertyWithValue('url', e.url);
    ev.addPropertyWithValue('status', m.state === 'cancelled' || opts.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED');
    if (e.organizer) {
      const p = ev.addPropertyWithValue('organizer', `mailto:${e.organizer.email}`);
      p.setParameter('cn', e.organizer.name);
    }
    if (e.attendee) {
      const p = ev.addPropertyWithValue('attendee', `mailto:${e.attendee.email}`);
      p.setParameter('cn', e.attendee.name);
      p.setParameter('role', 'REQ-PARTICIPANT');
      p.setParameter('partstat', 'NEEDS-ACTION');
    }
    cal.addSubcomponent(ev);
  }
  return cal.toString() + '\r\n';
}
