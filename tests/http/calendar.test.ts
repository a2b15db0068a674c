import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { addForumMember, cancelMeeting, createForum, createMeeting, sendInvitations, updateMeeting, type Meeting } from '#modules/forums/index.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, partyIdByCode, testCtx, testClock, TEST_NOW } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** The region calendar page and the iCalendar feeds over HTTP (production build), feeds parsed with ical.js. */
const clock = testClock();
let db: Db;
let app: TestApp;
const PASSWORD = 'calendar-test-password-1';
const day = (n: number) => helsinkiDate(new Date(Date.parse(TEST_NOW) + n * 86_400_000));
let oulu: string;
let pubForum: string;
let internalForum: string;
let soon: Meeting;
let cancelled: Meeting;
let internal: Meeting;

beforeAll(async () => {
  db = await createTestDb();
  oulu = await partyIdByCode(db, '564');
  const sys = testCtx(db, undefined, clock);
  await createUser(sys, { email: 'katsoja@oulu.test', displayName: 'Oulun Katsoja', password: PASSWORD, memberships: [{ partyId: oulu, role: 'viewer' }] });
  const forum = (nameFi: string, isPublic: boolean) =>
    createForum(sys, 'HVA19', { ownerPartyId: oulu, nameFi, nameSv: `${nameFi} sv`, level: 'managerial', frequency: 'quarterly', ...(isPublic ? { isPublic: 'on' } : {}) });
  pubForum = (await forum('Kuntajohtajafoorumi', true)).id;
  internalForum = (await forum('Valmisteluryhmä', false)).id;
  await addForumMember(sys, pubForum, { party: `party:${oulu}`, personName: 'Kalle Kutsuttu', email: 'kalle@oulu.test', role: 'member' });
  const meeting = (forumId: string, date: string, titleFi: string, kinds: string[]) =>
    createMeeting(sys, forumId, { titleFi, titleSv: `${titleFi} sv`, startDate: date, startTime: '10:00', endTime: '12:00', place: 'Oulu', kinds });
  soon = await meeting(pubForum, day(21), 'Syyskokous', ['negotiation_14']);
  cancelled = await meeting(pubForum, day(40), 'Seminaari', ['seminar']);
  internal = await meeting(internalForum, day(14), 'Valmistelu', ['regular']);
  await sendInvitations(sys, cancelled.id, { rowVersion: cancelled.rowVersion });
  const [c] = await db.query<{ row_version: number }>('SELECT row_version FROM meeting WHERE id = $1', [cancelled.id]);
  cancelled = await cancelMeeting(sys, cancelled.id, { rowVersion: c!.row_version, reason: 'Puhuja sairastui' });
  await sendInvitations(sys, soon.id, { rowVersion: soon.rowVersion });
  const [s] = await db.query<{ row_version: number }>('SELECT row_version FROM meeting WHERE id = $1', [soon.id]);
  soon = await updateMeeting(sys, soon.id, { rowVersion: s!.row_version, titleFi: 'Syyskokous', titleSv: 'Syyskokous sv', startDate: day(21), startTime: '13:00', endTime: '14:00', place: 'Oulu', kinds: ['negotiation_14'], reason: 'Siirto' });
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

function events(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const zone = new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!);
  return {
    method: cal.getFirstPropertyValue('method'),
    tzid: cal.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid'),
    events: cal.getAllSubcomponents('vevent').map((ev) => {
      const start = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
      start.zone = zone;
      return {
        uid: ev.getFirstPropertyValue('uid'),
        sequence: ev.getFirstPropertyValue('sequence'),
        status: ev.getFirstPropertyValue('status'),
        tzid: ev.getFirstProperty('dtstart')!.getParameter('tzid'),
        start: start.toJSDate().toISOString(),
        summary: ev.getFirstPropertyValue('summary'),
      };
    }),
  };
}

async function feed(v: Visitor, path: string) {
  const r = await v.get(path);
  expect(r.status, path).toBe(200);
  expect(r.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  return { response: r, ...events(await r.text()) };
}

describe('the region calendar page', () => {
  it('renders in fi, sv and en with month headings, the cancelled meeting marked, links to the meetings and the feeds', async () => {
    const v = new Visitor(app.url);
    for (const [prefix, word, cancelledWord] of [
      ['', 'Kokouskalenteri', 'Peruttu'],
      ['/sv', 'Mötesskalender', 'Inställt'],
      ['/en', 'Meeting calendar', 'Cancelled'],
    ] as const) {
      const r = await v.get(`${prefix}/regions/HVA19/calendar`);
      expect(r.status).toBe(200);
      const html = await r.text();
      expect(html).toContain(word);
      expect(html).toContain(cancelledWord);
      expect(html).toContain(`href="${prefix}/meetings/${soon.id}"`);
      expect(html).toContain(`href="${prefix}/regions/HVA19/calendar.ics"`);
      expect(html).toContain(`href="${prefix}/forums/${pubForum}/calendar.ics"`);
      expect(html).not.toContain(internal.id);
    }
    const fi = await (await v.get('/regions/HVA19/calendar')).text();
    // December 2026 is the month of the meetings 21 and 40 days after 23.11.2026.
    expect(fi).toMatch(/<h3[^>]*>Joulukuu 2026<\/h3>/);
    // Codes stay in option values; the visible text is Finnish.
    expect(fi.replace(/<[^>]*>/g, ' ')).not.toMatch(/negotiation_14|health_promotion_7|seminar\b|regular|upcoming|past\b/);
    // Linked from the region page and its forums page.
    expect(await (await v.get('/regions/HVA19')).text()).toContain('href="/regions/HVA19/calendar"');
    expect(await (await v.get('/regions/HVA19/forums')).text()).toContain('href="/regions/HVA19/calendar"');
  });

  it('filters with a plain GET form; a bad year, kind or forum is ignored with a message, never an error', async () => {
    const v = new Visitor(app.url);
    const seminar = await (await v.get(`/regions/HVA19/calendar?when=upcoming&forum=&kind=seminar`)).text();
    expect(seminar).toContain(`/meetings/${cancelled.id}`);
    expect(seminar).not.toContain(`/meetings/${soon.id}`);
    const bad = await v.get(`/regions/HVA19/calendar?when=99999&kind=nope&forum=${internalForum}`);
    expect(bad.status).toBe(200);
    const text = await bad.text();
    expect(text).toContain('Aikavalintaa ei tunnistettu');
    expect(text).toContain('Kokouksen lajia ei tunnistettu');
    expect(text).toContain('Valittua foorumia ei löytynyt');
    expect(text).not.toContain(`/meetings/${internal.id}`);
    const past = await (await v.get('/regions/HVA19/calendar?when=past')).text();
    expect(past).not.toContain(`/meetings/${soon.id}`);
    expect((await v.get('/regions/NOPE/calendar')).status).toBe(404);
    // Signed in as a party's viewer, the internal forum's meeting is listed.
    const viewer = new Visitor(app.url);
    await viewer.signIn('katsoja@oulu.test', PASSWORD);
    expect(await (await viewer.get('/regions/HVA19/calendar')).text()).toContain(`/meetings/${internal.id}`);
  });
});

describe('public iCalendar feeds over HTTP', () => {
  it('region, forum and party feeds: UIDs, SEQUENCE, cancellation, TZID; internal meetings absent; cacheable for a few minutes', async () => {
    const v = new Visitor(app.url);
    const region = await feed(v, '/regions/HVA19/calendar.ics');
    expect(region.method).toBe('PUBLISH');
    expect(region.tzid).toBe('Europe/Helsinki');
    expect(region.response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(region.events.map((e) => e.uid)).toEqual([soon.icalUid, cancelled.icalUid]);
    expect(region.events[0]).toMatchObject({ sequence: 1, status: 'CONFIRMED', tzid: 'Europe/Helsinki', start: soon.startsAt.toISOString() });
    expect(region.events[1]).toMatchObject({ sequence: 1, status: 'CANCELLED', summary: 'PERUTTU: Seminaari' });
    expect(region.events.map((e) => e.uid)).not.toContain(internal.icalUid);
    const sv = await feed(v, '/sv/regions/HVA19/calendar.ics');
    expect(sv.events[0]!.summary).toBe('Syyskokous sv');
    expect((await feed(v, `/forums/${pubForum}/calendar.ics`)).events.map((e) => e.uid)).toEqual([soon.icalUid, cancelled.icalUid]);
    expect((await feed(v, `/parties/${oulu}/calendar.ics`)).events.map((e) => e.uid)).toEqual([soon.icalUid, cancelled.icalUid]);
    expect((await v.get(`/forums/${internalForum}/calendar.ics`)).status).toBe(404);
    expect((await v.get('/regions/NOPE/calendar.ics')).status).toBe(404);
    expect((await v.get('/parties/00000000-0000-4000-8000-000000000000/calendar.ics')).status).toBe(404);
  });
});

describe('the personal feed', () => {
  it('a signed-in person creates it on their page (shown once), the feed holds internal meetings, and a revoked URL is 404', async () => {
    const anon = new Visitor(app.url);
    const page = await anon.get('/my-calendar');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toContain('/sign-in');
    const v = new Visitor(app.url);
    await v.signIn('katsoja@oulu.test', PASSWORD);
    const csrf = await v.csrf('/my-calendar');
    const created = await v.post('/my-calendar', { _csrf: csrf, intent: 'create' });
    expect(created.status).toBe(200);
    const html = await created.text();
    const url = new RegExp(`value="(${app.url}/calendar/kpc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}\\.ics)"`).exec(html)?.[1];
    expect(url, 'the feed URL is shown once').toBeTruthy();
    // Shown once: the page itself never shows it again.
    expect(await (await v.get('/my-calendar')).text()).not.toContain(url!);

    const personal = await feed(anon, url!.slice(app.url.length));
    expect(personal.response.headers.get('cache-control')).toBe('private, no-store');
    expect(personal.events.map((e) => e.uid)).toEqual([internal.icalUid, soon.icalUid, cancelled.icalUid]);
    const listed = await (await v.get('/my-calendar')).text();
    const feedId = /name="feedId" value="([^"]+)"/.exec(listed)![1]!;
    expect(listed).not.toContain('Ei haettu');

    const revoked = await v.post('/my-calendar', { _csrf: await v.csrf('/my-calendar'), intent: 'revoke', feedId });
    expect(revoked.status).toBe(200);
    expect(await revoked.text()).toContain('Kalenterisyöte on peruttu');
    expect((await anon.get(url!.slice(app.url.length))).status).toBe(404);
    expect((await anon.get('/calendar/kpc_00000000_not-a-secret.ics')).status).toBe(404);
    expect((await anon.get('/calendar/whatever')).status).toBe(404);
    const [audit] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE target_type = 'calendar_feed' AND action IN ('calendar_feed.create', 'calendar_feed.revoke')`);
    expect(audit!.n).toBe(2);
  });
});
