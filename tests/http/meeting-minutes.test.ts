import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { addForumMember, createForum, createMeeting, sendInvitations } from '#modules/forums/index.ts';
import { createApiToken } from '#modules/tokens/index.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** The agenda and minutes pages without JavaScript: a secretary prepares, publishes, holds and writes the minutes. */
const clock = testClock();
let db: Db;
let app: TestApp;
let meetingId: string;
let kempele: string;
let forumId: string;
let ouluSecret: string;
let kempeleSecret: string;
const PASSWORD = 'minutes-test-password-1';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  db = await createTestDb();
  const oulu = await partyIdByCode(db, '564');
  kempele = await partyIdByCode(db, '244');
  const sys = testCtx(db, undefined, clock);
  await createUser(sys, { email: 'sihteeri@oulu.test', displayName: 'Sihteeri', password: PASSWORD, memberships: [{ partyId: oulu, role: 'editor' }] });
  const forum = await createForum(sys, 'HVA19', { ownerPartyId: oulu, nameFi: 'Kuntajohtajafoorumi', nameSv: 'Kommundirektörsforumet', level: 'managerial', frequency: 'quarterly', isPublic: 'on' });
  forumId = forum.id;
  ouluSecret = (await createApiToken(sys, oulu, { name: 'Oulun kokousjärjestelmä', role: 'editor' })).secret;
  kempeleSecret = (await createApiToken(sys, kempele, { name: 'Kempele', role: 'editor' })).secret;
  await addForumMember(sys, forum.id, { party: `party:${kempele}`, personName: 'Kaisa Kunnanjohtaja', email: 'kaisa@kempele.test', role: 'member' });
  const m = await createMeeting(sys, forum.id, { titleFi: 'Joulukokous', startDate: '2026-11-25', startTime: '10:00', endTime: '12:00', place: 'Oulu' });
  meetingId = m.id;
  await sendInvitations(sys, meetingId, { rowVersion: m.rowVersion });
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** The page's text without React's text separators. */
const plain = async (res: Response) => (await res.text()).replaceAll('<!-- -->', '');
const field = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

async function postMultipart(v: Visitor, p: string, fields: Record<string, string>, file: { name: string; bytes: Buffer; type: string }) {
  const form = new FormData();
  for (const [k, val] of Object.entries(fields)) form.set(k, val);
  form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const res = await fetch(new URL(p, app.url), { method: 'POST', redirect: 'manual', headers: { cookie: v.jar.header() }, body: form });
  v.jar.take(res);
  return res;
}

const pdfText = async (bytes: Buffer) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kp-minutes-')), 'm.pdf');
  writeFileSync(file, bytes);
  return (await promisify(execFile)('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'])).stdout.replace(/\s+/g, ' ');
};

describe('agenda and minutes pages', () => {
  it('a secretary prepares the agenda with forms, attaches a PDF and publishes it; then everyone sees it', async () => {
    const v = new Visitor(app.url);
    await v.signIn('sihteeri@oulu.test', PASSWORD);
    const agendaPath = `/meetings/${meetingId}/agenda`;
    const page = await (await v.get(agendaPath)).text();
    const csrf = field(page, '_csrf');
    const empty = await v.post(agendaPath, { _csrf: csrf, intent: 'add', titleFi: '', presenter: 'Sihteeri' });
    expect(empty.status).toBe(400);
    const emptyHtml = await plain(empty);
    expect(emptyHtml).toContain('Otsikko suomeksi: Tieto on pakollinen');
    expect(emptyHtml).toContain('value="Sihteeri"');
    expect((await v.post(agendaPath, { _csrf: csrf, intent: 'add', titleFi: 'Hyvinvointikertomuksen aikataulu', presenter: 'Sihteeri' })).status).toBe(200);
    expect((await v.post(agendaPath, { _csrf: csrf, intent: 'add', titleFi: 'Muut asiat' })).status).toBe(200);
    const [item] = await db.query<{ id: string }>(`SELECT id FROM meeting_item WHERE meeting_id = $1 AND position = 1`, [meetingId]);
    const png = await postMultipart(v, agendaPath, { _csrf: csrf, intent: 'attach', itemId: item!.id, title: 'Aikataulu' }, { name: 'aikataulu.pdf', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), type: 'application/pdf' });
    expect(png.status).toBe(400);
    expect(await plain(png)).toContain('Tiedosto ei ole PDF-, DOCX- tai ODT-tiedosto');
    expect((await postMultipart(v, agendaPath, { _csrf: csrf, intent: 'attach', itemId: item!.id, title: 'Aikataulu' }, { name: 'aikataulu.pdf', bytes: PDF, type: 'application/pdf' })).status).toBe(200);
    const before = await (await v.get(agendaPath)).text();
    expect((await v.post(agendaPath, { _csrf: csrf, intent: 'publish', rowVersion: field(before.slice(before.indexOf('value="publish"')), 'rowVersion') })).status).toBe(200);

    const anon = new Visitor(app.url);
    for (const [prefix, heading] of [
      ['', 'Esityslista'],
      ['/sv', 'Föredragningslista'],
      ['/en', 'Agenda'],
    ] as const) {
      const html = await plain(await anon.get(`${prefix}/meetings/${meetingId}`));
      expect(html).toContain(`>${heading}</h2>`);
      expect(html).toContain('1. Hyvinvointikertomuksen aikataulu');
    }
    const att = (await db.query<{ id: string }>(`SELECT id FROM meeting_item_attachment`))[0]!.id;
    const file = await anon.get(`/attachments/${att}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('aikataulu.pdf');
    const agendaPdf = await anon.get(`/meetings/${meetingId}/documents/agenda-fi.pdf`);
    expect(agendaPdf.status).toBe(200);
    expect(await pdfText(Buffer.from(await agendaPdf.arrayBuffer()))).toContain('1. Hyvinvointikertomuksen aikataulu');
    expect((await anon.get(`/meetings/${meetingId}/documents/minutes-fi.pdf`)).status).toBe(302); // sign in first: the minutes are not public yet
    expect((await anon.get(`/meetings/${meetingId}/documents/other.pdf`)).status).toBe(404);
  });

  it('the minutes: per item, attendance lines named in errors, a conflict shows the other text, action items in the region overview', async () => {
    clock.set('2026-11-25T09:00:00Z');
    try {
      const v = new Visitor(app.url);
      await v.signIn('sihteeri@oulu.test', PASSWORD);
      const meetingPage = await (await v.get(`/meetings/${meetingId}`)).text();
      const stateForm = meetingPage.slice(meetingPage.indexOf('name="state" value="held"') - 400);
      expect((await v.post(`/meetings/${meetingId}`, { _csrf: field(meetingPage, '_csrf'), intent: 'state', state: 'held', rowVersion: field(stateForm, 'rowVersion') })).status).toBe(200);

      const minutesPath = `/meetings/${meetingId}/minutes`;
      const page = await (await v.get(minutesPath)).text();
      const csrf = field(page, '_csrf');
      const [item] = await db.query<{ id: string; row_version: number }>(`SELECT id, row_version FROM meeting_item WHERE meeting_id = $1 AND position = 1`, [meetingId]);
      const minutesForm = { _csrf: csrf, intent: 'item-minutes', itemId: item!.id, rowVersion: String(item!.row_version), summaryFi: 'Aikataulu esiteltiin.', conclusion: 'decided', conclusionTextFi: 'Hyväksyttiin aikataulu.' };
      expect((await v.post(minutesPath, minutesForm)).status).toBe(200);
      const stale = await v.post(minutesPath, { ...minutesForm, summaryFi: 'Toinen teksti' });
      expect(stale.status).toBe(409);
      const staleHtml = await plain(stale);
      expect(staleHtml).toContain('Aikataulu esiteltiin.'); // the text saved meanwhile
      expect(staleHtml).toContain('Toinen teksti'); // and what this user typed, kept

      // One line per person; a bad line is named by its number, nothing is saved.
      const rowVersion = field(page.slice(page.indexOf('value="attendance"')), 'rowVersion');
      const lines = new URLSearchParams({ _csrf: csrf, intent: 'attendance', rowVersion });
      const line = (l: Record<string, string>) => {
        for (const f of ['person', 'personName', 'partyId', 'presence', 'deputyFor', 'leftAtItem']) lines.append(f, l[f] ?? '');
      };
      line({ personName: 'Ville Vieras', partyId: kempele, presence: 'present' });
      line({ personName: 'Ville Vieras', partyId: kempele, presence: 'present' });
      const dup = await fetch(new URL(minutesPath, app.url), { method: 'POST', redirect: 'manual', headers: { cookie: v.jar.header(), 'content-type': 'application/x-www-form-urlencoded' }, body: lines.toString() });
      expect(dup.status).toBe(400);
      expect(await plain(dup)).toContain('Rivi 2: Henkilö: Henkilö on jo rivillä 1.');
      expect(await db.query(`SELECT 1 FROM meeting_person_attendance WHERE meeting_id = $1`, [meetingId])).toHaveLength(0);

      const add = await v.post(minutesPath, { _csrf: csrf, intent: 'add-action', title: 'Kootaan kuntien aikataulut', itemId: item!.id, ownerPartyId: kempele, ownerPerson: 'Kaisa', dueOn: '2026-12-31' });
      expect(add.status).toBe(200);
      const overview = await plain(await v.get('/regions/HVA19/actions'));
      expect(overview).toContain('Kootaan kuntien aikataulut');
      expect(overview).toContain('31.12.2026');
      // The public sees a public forum's actions only once its minutes are published.
      expect(await (await new Visitor(app.url).get('/regions/HVA19/actions')).text()).not.toContain('Kootaan kuntien aikataulut');

      const minutesPdf = await v.get(`/sv/meetings/${meetingId}/documents/minutes-sv.pdf`);
      expect(minutesPdf.status).toBe(200);
      expect(minutesPdf.headers.get('content-disposition')).toContain('protokoll-2026-11-25-sv.pdf');
      const text = await pdfText(Buffer.from(await minutesPdf.arrayBuffer()));
      expect(text).toContain('Hyväksyttiin aikataulu. (på finska)');
      expect(text).toContain('Kootaan kuntien aikataulut');
      const docx = await v.get(`/meetings/${meetingId}/documents/minutes-fi.docx`);
      expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    } finally {
      clock.set('2026-11-23T08:00:00Z');
    }
  });

  it('the API: an integration plans and reschedules a meeting and records attendance with a token; the record reads as the caller may see it', async () => {
    const v = new Visitor(app.url);
    const as = (secret: string) => ({ authorization: `Bearer ${secret}` });
    const body = { titleFi: 'Rajapinnan kokous', startDate: '2027-01-20', startTime: '13:00', endTime: '15:00', place: 'Teams' };
    expect((await v.json('POST', `/api/v1/forums/${forumId}/meetings`, body, as(kempeleSecret))).status).toBe(403);
    const bad = await v.json('POST', `/api/v1/forums/${forumId}/meetings?lang=en`, { ...body, endTime: '12:00' }, as(ouluSecret));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('endTime');
    const created = await v.json('POST', `/api/v1/forums/${forumId}/meetings`, body, as(ouluSecret));
    expect(created.status).toBe(201);
    const m = (await created.json()) as { id: string; rowVersion: number; startsAt: string };
    expect(m.startsAt).toBe('2027-01-20T11:00:00.000Z');
    const moved = await v.json('PUT', `/api/v1/meetings/${m.id}`, { ...body, startTime: '14:00', endTime: '16:00', rowVersion: m.rowVersion }, as(ouluSecret));
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { startsAt: string }).startsAt).toBe('2027-01-20T12:00:00.000Z');
    expect((await v.json('PUT', `/api/v1/meetings/${m.id}`, { ...body, rowVersion: m.rowVersion }, as(ouluSecret))).status).toBe(409);

    // Attendance of the meeting held in the tests above (per party and per person, lines named from 1).
    const current = (await (await v.json('GET', `/api/v1/meetings/${meetingId}`)).json()) as { rowVersion: number };
    const lines = await v.json('PUT', `/api/v1/meetings/${meetingId}/attendance/people`, { rowVersion: current.rowVersion, lines: [{ personName: 'Ville', partyId: kempele, presence: 'maybe' }] }, as(ouluSecret));
    expect(lines.status).toBe(400);
    expect(JSON.stringify(await lines.json())).toContain('lines.1.presence');
    const people = await v.json('PUT', `/api/v1/meetings/${meetingId}/attendance/people`, { rowVersion: current.rowVersion, lines: [{ personName: 'Ville', partyId: kempele, presence: 'present' }] }, as(ouluSecret));
    expect(people.status).toBe(200);
    const parties = await v.json('PUT', `/api/v1/meetings/${meetingId}/attendance`, { rowVersion: current.rowVersion + 1, partyIds: [kempele] }, as(ouluSecret));
    expect(parties.status).toBe(200);
    expect(((await parties.json()) as { attendedPartyIds: string[] }).attendedPartyIds).toEqual([kempele]);

    // The public sees the published agenda of a public forum, not its draft minutes.
    const record = (await (await v.json('GET', `/api/v1/meetings/${meetingId}/record`)).json()) as { agenda: { title: { fi: string } }[]; minutes: unknown };
    expect(record.agenda.map((i) => i.title.fi)).toEqual(['Hyvinvointikertomuksen aikataulu', 'Muut asiat']);
    expect(record.minutes).toBeNull();
    const own = (await (await v.json('GET', `/api/v1/meetings/${meetingId}/record`, undefined, as(ouluSecret))).json()) as { minutes: { attendance: unknown[]; actions: { title: string }[] } };
    expect(own.minutes.actions.map((a) => a.title)).toEqual(['Kootaan kuntien aikataulut']);
    const actions = (await (await v.json('GET', '/api/v1/regions/HVA19/actions', undefined, as(ouluSecret))).json()) as { items: { overdue: boolean }[] };
    expect(actions.items).toHaveLength(1);
  });
});
