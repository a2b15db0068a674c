import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#platform/actor.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx, testClock, TEST_NOW } from '../../../tests/support/db.ts';
import {
  addForumMember,
  calendarFeedIcs,
  cancelMeeting,
  createCalendarFeed,
  createForum,
  createMeeting,
  getForumFeed,
  getPartyFeed,
  getPersonalFeed,
  getRegionCalendar,
  getRegionFeed,
  listCalendarFeeds,
  nominateInvitee,
  revokeCalendarFeed,
  sendInvitations,
  updateMeeting,
  type CalendarFeedData,
  type Meeting,
} from './index.ts';

/** The region calendar page's use case and the feeds, on fixtures dated relative to TEST_NOW (Mon 23.11.2026). */
let db: Db;
const clock = testClock();
const ctx = (a?: Actor) => testCtx(db, a, clock);
const PUBLIC: Actor = { kind: 'public' };
/** The Helsinki date `n` days from TEST_NOW. */
const day = (n: number) => helsinkiDate(new Date(Date.parse(TEST_NOW) + n * 86_400_000));

let oulu: string;
let kempele: string;
let otherParty: string;
let otherCounty: string;
let ouluEditor: Actor & { kind: 'user' };
let member: Actor & { kind: 'user' };
let nominee: Actor & { kind: 'user' };
const f = { pub: '', internal: '', other: '' };
const m: Record<'soon' | 'seminar' | 'past' | 'longAgo' | 'nextYear' | 'internalSoon' | 'internalLater' | 'otherRegion', Meeting> = {} as never;

const meeting = (forumId: string, date: string, over: Record<string, unknown> = {}) =>
  createMeeting(ctx(), forumId, { titleFi: `Kokous ${date}`, titleSv: `Möte ${date}`, startDate: date, startTime: '10:00', endTime: '12:00', place: 'Oulu', kinds: ['regular'], ...over });

beforeAll(async () => {
  db = await createTestDb();
  oulu = await partyIdByCode(db, '564');
  kempele = await partyIdByCode(db, '244');
  const [o] = await db.query<{ id: string; county_code: string }>(
    `SELECT id, county_code FROM party WHERE type = 'municipality' AND ended_on IS NULL AND county_code <> 'HVA19' ORDER BY code LIMIT 1`,
  );
  otherParty = o!.id;
  otherCounty = o!.county_code;
  ouluEditor = await createTestActor(db, [{ partyId: oulu, role: 'editor' }]);
  member = await createTestActor(db, [], { displayName: 'Jäsen Ilman Roolia' });
  nominee = await createTestActor(db, [], { displayName: 'Välitetty Asiantuntija' });
  const email = async (a: Actor & { kind: 'user' }) => (await db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [a.userId]))[0]!.email;

  const forum = (county: string, owner: string, nameFi: string, isPublic: boolean) =>
    createForum(ctx(), county, { ownerPartyId: owner, nameFi, nameSv: `${nameFi} (sv)`, level: 'managerial', frequency: 'quarterly', ...(isPublic ? { isPublic: 'on' } : {}) });
  f.pub = (await forum('HVA19', oulu, 'Kuntajohtajafoorumi', true)).id;
  f.internal = (await forum('HVA19', oulu, 'Sisäinen valmisteluryhmä', false)).id;
  f.other = (await forum(otherCounty, otherParty, 'Toisen alueen foorumi', true)).id;
  await addForumMember(ctx(), f.pub, { party: 'group:municipalities', role: 'member' });
  await addForumMember(ctx(), f.internal, { personName: 'Jäsen Ilman Roolia', email: await email(member), role: 'member' });
  await addForumMember(ctx(), f.internal, { party: `party:${kempele}`, role: 'member' });

  m.soon = await meeting(f.pub, day(21), { kinds: ['negotiation_14', 'regular'] });
  m.seminar = await meeting(f.pub, day(50), { kinds: ['seminar'] });
  m.past = await meeting(f.pub, day(-60));
  m.longAgo = await meeting(f.pub, day(-500));
  m.nextYear = await meeting(f.pub, day(400));
  m.internalSoon = await meeting(f.internal, day(10));
  m.internalLater = await meeting(f.internal, day(30));
  m.otherRegion = await meeting(f.other, day(5));
  // The seminar is cancelled before invitations; the soon meeting is invited and then rescheduled (SEQUENCE 1).
  m.seminar = await cancelMeeting(ctx(), m.seminar.id, { rowVersion: m.seminar.rowVersion, reason: 'Puhuja sairastui' });
  await sendInvitations(ctx(), m.soon.id, { rowVersion: m.soon.rowVersion });
  const [soon] = await db.query<{ row_version: number }>('SELECT row_version FROM meeting WHERE id = $1', [m.soon.id]);
  m.soon = await updateMeeting(ctx(), m.soon.id, {
    rowVersion: soon!.row_version,
    titleFi: m.soon.title.fi,
    titleSv: m.soon.title.sv,
    startDate: day(21),
    startTime: '13:00',
    endTime: '15:00',
    place: 'Oulu',
    kinds: ['negotiation_14', 'regular'],
    reason: 'Päällekkäinen kokous',
  });
  // The internal forum's later meeting: Kempele is invited as a party and forwards it to a person without a role.
  await sendInvitations(ctx(), m.internalLater.id, { rowVersion: m.internalLater.rowVersion });
  await nominateInvitee(ctx(), m.internalLater.id, { partyId: kempele, personName: 'Välitetty Asiantuntija', email: await email(nominee) });
});
afterAll(async () => db?.close());

/** The feed parsed by ical.js: the calendar's properties and each VEVENT's UID, SEQUENCE, STATUS, TZID and start. */
function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const tz = cal.getFirstSubcomponent('vtimezone')!;
  const zone = new ICAL.Timezone(tz);
  return {
    method: cal.getFirstPropertyValue('method'),
    name: cal.getFirstPropertyValue('x-wr-calname'),
    tzid: tz.getFirstPropertyValue('tzid'),
    events: cal.getAllSubcomponents('vevent').map((ev) => {
      const start = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
      start.zone = zone;
      return {
        uid: ev.getFirstPropertyValue('uid') as string,
        sequence: ev.getFirstPropertyValue('sequence'),
        status: ev.getFirstPropertyValue('status'),
        tzid: ev.getFirstProperty('dtstart')!.getParameter('tzid'),
        start: start.toJSDate().toISOString(),
        summary: ev.getFirstPropertyValue('summary') as string,
        url: ev.getFirstPropertyValue('url'),
      };
    }),
  };
}
const ics = (feed: CalendarFeedData, lang: 'fi' | 'sv' | 'en' = 'fi') => parse(calendarFeedIcs(feed, { lang, siteUrl: 'https://kumppanuus.test' }));
const uids = (feed: CalendarFeedData) => ics(feed).events.map((e) => e.uid);
const ids = (c: Awaited<ReturnType<typeof getRegionCalendar>>) => c.months.flatMap((x) => x.entries.map((e) => e.meeting.id));

describe('the region calendar', () => {
  it('lists upcoming meetings of the next 12 months by Helsinki month; internal forums’ meetings only for those who may see them', async () => {
    const anon = await getRegionCalendar(ctx(PUBLIC), 'hva19', {});
    expect(ids(anon)).toEqual([m.soon.id, m.seminar.id]);
    expect(anon.forums.map((x) => x.id)).toEqual(expect.arrayContaining([f.pub]));
    expect(anon.forums.map((x) => x.id)).not.toContain(f.internal);
    expect(anon.months.map((x) => x.month)).toEqual([day(21).slice(0, 7), day(50).slice(0, 7)].filter((v, i, a) => a.indexOf(v) === i));
    const cancelled = anon.months.flatMap((x) => x.entries).find((e) => e.meeting.id === m.seminar.id)!;
    expect(cancelled.meeting.state).toBe('cancelled');
    expect(anon.today).toBe('2026-11-23');

    const editor = await getRegionCalendar(ctx(ouluEditor), 'HVA19', {});
    expect(ids(editor)).toEqual([m.internalSoon.id, m.soon.id, m.internalLater.id, m.seminar.id]);
    // A named member of the internal forum (no role in the region's parties) sees it too.
    expect(ids(await getRegionCalendar(ctx(member), 'HVA19', {}))).toContain(m.internalSoon.id);
  });

  it('filters by forum and by kind; past is the 12 months before today, newest first; a year is that year', async () => {
    expect(ids(await getRegionCalendar(ctx(ouluEditor), 'HVA19', { forum: f.internal }))).toEqual([m.internalSoon.id, m.internalLater.id]);
    expect(ids(await getRegionCalendar(ctx(PUBLIC), 'HVA19', { kind: 'seminar' }))).toEqual([m.seminar.id]);
    expect(ids(await getRegionCalendar(ctx(PUBLIC), 'HVA19', { kind: 'negotiation_14' }))).toEqual([m.soon.id]);
    const past = await getRegionCalendar(ctx(PUBLIC), 'HVA19', { when: 'past' });
    expect(ids(past)).toEqual([m.past.id]);
    const year = +day(-500).slice(0, 4);
    const y = await getRegionCalendar(ctx(PUBLIC), 'HVA19', { when: String(year) });
    expect(ids(y)).toContain(m.longAgo.id);
    expect(y.years[0]).toBe(year);
    expect(y.years).toContain(+day(400).slice(0, 4));
  });

  it('a forum the visitor may not see, a bad year or kind is ignored with a notice, never an error', async () => {
    const hidden = await getRegionCalendar(ctx(PUBLIC), 'HVA19', { forum: f.internal });
    expect(hidden.notices).toEqual(['unknown_forum']);
    expect(hidden.filter.forumId).toBeNull();
    expect(ids(hidden)).toEqual([m.soon.id, m.seminar.id]);
    expect((await getRegionCalendar(ctx(PUBLIC), 'HVA19', { forum: f.other })).notices).toEqual(['unknown_forum']);
    expect((await getRegionCalendar(ctx(PUBLIC), 'HVA19', { forum: 'not-a-uuid', when: '1800', kind: 'x' })).notices).toEqual(['bad_when', 'unknown_kind', 'unknown_forum']);
    await expect(getRegionCalendar(ctx(PUBLIC), 'NOPE', {})).rejects.toMatchObject({ code: 'parties.region_not_found', kind: 'not_found' });
  });
});

describe('public iCalendar feeds', () => {
  it('a region’s feed: its public forums’ meetings from 12 months back, with their UIDs, SEQUENCE, cancellation and Helsinki times', async () => {
    const feed = ics(await getRegionFeed(ctx(ouluEditor), 'HVA19'));
    expect(feed.method).toBe('PUBLISH');
    expect(feed.tzid).toBe('Europe/Helsinki');
    expect(feed.name).toContain('Pohjois-Pohjanmaa');
    expect(feed.events.map((e) => e.uid)).toEqual([m.past.icalUid, m.soon.icalUid, m.seminar.icalUid, m.nextYear.icalUid]);
    const soon = feed.events.find((e) => e.uid === m.soon.icalUid)!;
    // Rescheduled after the invitations: the same UID, SEQUENCE 1, the new time (13:00 in Helsinki).
    expect(soon).toMatchObject({ sequence: 1, status: 'CONFIRMED', tzid: 'Europe/Helsinki', start: m.soon.startsAt.toISOString(), url: `https://kumppanuus.test/meetings/${m.soon.id}` });
    expect(soon.start.slice(11, 16)).toBe('11:00');
    const seminar = feed.events.find((e) => e.uid === m.seminar.icalUid)!;
    expect(seminar).toMatchObject({ status: 'CANCELLED', sequence: 0 });
    expect(seminar.summary).toMatch(/^PERUTTU: /);
    expect(ics(await getRegionFeed(ctx(), 'HVA19'), 'sv').events.find((e) => e.uid === m.seminar.icalUid)!.summary).toBe(`INSTÄLLT: Möte ${day(50)}`);
    // Internal meetings are never in a public feed, whoever asks; nor other regions' meetings.
    expect(feed.events.map((e) => e.uid)).not.toContain(m.internalSoon.icalUid);
    expect(feed.events.map((e) => e.uid)).not.toContain(m.otherRegion.icalUid);
  });

  it('a forum’s feed for a public forum; an internal forum has none', async () => {
    expect(uids(await getForumFeed(ctx(PUBLIC), f.pub))).toEqual([m.past.icalUid, m.soon.icalUid, m.seminar.icalUid, m.nextYear.icalUid]);
    await expect(getForumFeed(ctx(ouluEditor), f.internal)).rejects.toMatchObject({ kind: 'not_found', code: 'forums.not_found' });
    await expect(getForumFeed(ctx(PUBLIC), 'nope')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('a party’s feed: public forums it coordinates or is a member of (also through its group), never internal ones', async () => {
    const pub = [m.past.icalUid, m.soon.icalUid, m.seminar.icalUid, m.nextYear.icalUid];
    expect(uids(await getPartyFeed(ctx(PUBLIC), oulu))).toEqual(pub);
    expect(uids(await getPartyFeed(ctx(PUBLIC), kempele))).toEqual(pub);
    expect(uids(await getPartyFeed(ctx(PUBLIC), otherParty))).toEqual([m.otherRegion.icalUid]);
    const [council] = (await db.query<{ id: string }>(`SELECT p.id FROM party p JOIN county c ON c.region_code = p.region_code WHERE p.type = 'regional_council' AND c.code = 'HVA19' AND p.ended_on IS NULL`)).map((r) => r.id);
    expect(uids(await getPartyFeed(ctx(PUBLIC), council!))).toEqual([]);
    await expect(getPartyFeed(ctx(PUBLIC), '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('a personal feed', () => {
  it('only a signed-in person creates one; the secret is shown once and only its hash is stored; create is audited', async () => {
    await expect(createCalendarFeed(ctx(PUBLIC))).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(createCalendarFeed(ctx({ kind: 'token', tokenId: 't', name: 't', partyId: oulu, role: 'admin' }))).rejects.toMatchObject({ kind: 'forbidden' });
    const { feed, secret } = await createCalendarFeed(ctx(member));
    expect(secret.startsWith(`${feed.prefix}_`)).toBe(true);
    const [row] = await db.query<{ secret_hash: string }>('SELECT secret_hash FROM calendar_feed WHERE id = $1', [feed.id]);
    expect(row!.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.secret_hash).not.toContain(secret);
    const audit = await db.query<{ action: string; actor_user_id: string }>(`SELECT action, actor_user_id FROM audit_event WHERE target_id = $1`, [feed.id]);
    expect(audit).toEqual([{ action: 'calendar_feed.create', actor_user_id: member.userId }]);
  });

  it('holds the internal meetings the person may see and those they are invited to, plus their regions’ public ones', async () => {
    const editor = await createCalendarFeed(ctx(ouluEditor));
    const all = uids(await getPersonalFeed(ctx(PUBLIC), editor.secret));
    expect(all).toEqual([m.past.icalUid, m.internalSoon.icalUid, m.soon.icalUid, m.internalLater.icalUid, m.seminar.icalUid, m.nextYear.icalUid]);
    expect(all).not.toContain(m.otherRegion.icalUid);
    // A named member of the internal forum without a role in the region: that forum only.
    const mine = await createCalendarFeed(ctx(member));
    expect(uids(await getPersonalFeed(ctx(PUBLIC), mine.secret))).toEqual([m.internalSoon.icalUid, m.internalLater.icalUid]);
    // Forwarded one meeting by Kempele: that meeting only.
    const forwarded = await createCalendarFeed(ctx(nominee));
    const feed = await getPersonalFeed(ctx(PUBLIC), forwarded.secret);
    expect(uids(feed)).toEqual([m.internalLater.icalUid]);
    expect(ics(feed).name).toContain('Välitetty Asiantuntija');
  });

  it('a fetch is recorded; a revoked or replaced secret is not found; only the owner lists and revokes, and revoking is audited', async () => {
    const first = await createCalendarFeed(ctx(ouluEditor));
    await getPersonalFeed(ctx(PUBLIC), first.secret);
    const listed = await listCalendarFeeds(ctx(ouluEditor));
    expect(listed[0]).toMatchObject({ id: first.feed.id, lastUsedAt: clock.now(), revokedAt: null });
    expect(listed.slice(1).every((x) => x.revokedAt !== null)).toBe(true);
    // A new feed replaces the old one.
    const second = await createCalendarFeed(ctx(ouluEditor));
    expect(second.replaced.map((x) => x.id)).toEqual([first.feed.id]);
    await expect(getPersonalFeed(ctx(PUBLIC), first.secret)).rejects.toMatchObject({ kind: 'not_found', code: 'calendar.feed_not_found' });
    await expect(revokeCalendarFeed(ctx(member), second.feed.id)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(revokeCalendarFeed(ctx(PUBLIC), second.feed.id)).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(listCalendarFeeds(ctx(PUBLIC))).rejects.toMatchObject({ kind: 'unauthenticated' });
    const revoked = await revokeCalendarFeed(ctx(ouluEditor), second.feed.id);
    expect(revoked.revokedAt).toEqual(clock.now());
    await expect(getPersonalFeed(ctx(PUBLIC), second.secret)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(getPersonalFeed(ctx(PUBLIC), 'kpc_00000000_' + 'a'.repeat(43))).rejects.toMatchObject({ kind: 'not_found' });
    await expect(getPersonalFeed(ctx(PUBLIC), '../x')).rejects.toMatchObject({ kind: 'not_found' });
    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_event WHERE target_type = 'calendar_feed' AND target_id = ANY($1::text[])`, [[first.feed.id, second.feed.id]]);
    expect(audit.map((a) => a.action).sort()).toEqual(['calendar_feed.create', 'calendar_feed.create', 'calendar_feed.revoke', 'calendar_feed.revoke']);
  });
});
