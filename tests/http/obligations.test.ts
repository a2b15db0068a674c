import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { changeMeetingState, createForum, createMeeting } from '#modules/forums/index.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/**
 * The obligations monitor over HTTP without JavaScript: the national overview (table, map, CSV, JSON), a region's
 * page with its forms (a negotiation with participants and minutes, a document with its decision record, annulling),
 * a party's own list, attendance of a held meeting counting as the 14 § negotiation, and the API.
 */
const clock = testClock();
let db: Db;
let app: TestApp;
let county: string;
let oulu: string;
let kempele: string;
let meetingId: string;
const PASSWORD = 'obligations-test-password-1';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  db = await createTestDb();
  county = await partyIdByCode(db, 'HVA19');
  oulu = await partyIdByCode(db, '564');
  kempele = await partyIdByCode(db, '244');
  const sys = testCtx(db, undefined, clock);
  await createUser(sys, { email: 'valmistelija@hva19.test', displayName: 'Valmistelija', password: PASSWORD, memberships: [{ partyId: county, role: 'editor' }] });
  await createUser(sys, { email: 'yllapito@kumppanuus.test', displayName: 'Ylläpito', password: PASSWORD, isPlatformAdmin: true, memberships: [] });
  await createUser(sys, { email: 'muokkaaja@oulu.test', displayName: 'Oulun muokkaaja', password: PASSWORD, memberships: [{ partyId: oulu, role: 'editor' }] });
  const forum = await createForum(sys, 'HVA19', { ownerPartyId: county, nameFi: 'Yhteistyöfoorumi', level: 'political', frequency: 'yearly', isPublic: 'on' });
  // A 14 § negotiation held a week before the test clock's "today" (2026-11-23).
  const m = await createMeeting(sys, forum.id, { titleFi: 'Valtuustokauden neuvottelu', startDate: '2026-11-16', startTime: '10:00', endTime: '12:00', place: 'Oulu', kinds: ['negotiation_14'] });
  meetingId = (await changeMeetingState(sys, m.id, { rowVersion: m.rowVersion, state: 'held' })).id;
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

async function postMultipart(v: Visitor, path: string, fields: Record<string, string | string[]>, files: Record<string, { name: string; bytes: Buffer; type: string }> = {}) {
  const form = new FormData();
  form.set('_csrf', await v.csrf(path));
  for (const [k, val] of Object.entries(fields)) for (const x of Array.isArray(val) ? val : [val]) form.append(k, x);
  for (const [k, f] of Object.entries(files)) form.set(k, new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  const res = await fetch(new URL(path, app.url), { method: 'POST', redirect: 'manual', headers: { cookie: v.jar.header() }, body: form });
  v.jar.take(res);
  return res;
}

const signedIn = async (email: string) => {
  const v = new Visitor(app.url);
  expect((await v.signIn(email, PASSWORD)).status).toBe(302);
  return v;
};

describe('obligation pages over HTTP', () => {
  it('the national overview lists all 22 regions in fi, sv and en, with a map whose areas are named, and open data', async () => {
    const v = new Visitor(app.url);
    for (const [prefix, word] of [
      ['', 'Lakisääteiset velvoitteet koko Suomessa'],
      ['/sv', 'Lagstadgade skyldigheter i hela Finland'],
      ['/en', 'Statutory obligations across Finland'],
    ] as const) {
      const res = await v.get(`${prefix}/obligations`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(word);
      expect(html.match(/<tr><th scope="row"><a href="[^"]*\/regions\/HVA\d\d\/obligations"/g)).toHaveLength(22);
      // The map: one area per region, each with a title naming its status.
      expect(html.match(/<path d="M[^"]+" fill="url\(#fill-[a-z]+\)" data-code="HVA\d\d"><title>/g)).toHaveLength(22);
    }
    const csv = await v.get('/obligations.csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('county_code,region_code,county_name_fi,obligation_code,period,period_ends_on,status,parties_met,parties_obliged');
    expect(lines).toHaveLength(1 + 22 * 6);
    const json = (await (await v.json('GET', '/api/v1/obligations')).json()) as { today: string; regions: { countyCode: string; cells: { obligationCode: string; periodKey: string }[] }[] };
    expect(json.today).toBe('2026-11-23');
    expect(json.regions).toHaveLength(22);
    expect(json.regions[0]!.cells.find((c) => c.obligationCode === 'hva_14_negotiation')!.periodKey).toBe('term:2025');
  });

  it('attendance recorded on the meeting page makes the held meeting the 14 § negotiation for the parties present', async () => {
    const v = await signedIn('valmistelija@hva19.test');
    const page = await (await v.get(`/meetings/${meetingId}`)).text();
    const rowVersion = /name="intent" value="attendance"\/><input type="hidden" name="rowVersion" value="(\d+)"/.exec(page)![1]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const body = new URLSearchParams([['_csrf', csrf], ['intent', 'attendance'], ['rowVersion', rowVersion], ['partyIds', county], ['partyIds', kempele]]);
    const res = await fetch(new URL(`/meetings/${meetingId}`, app.url), { method: 'POST', redirect: 'manual', headers: { cookie: v.jar.header(), 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Kempele');
    const region = (await (await new Visitor(app.url).json('GET', '/api/v1/regions/HVA19/obligations')).json()) as {
      obligations: { obligation: { code: string }; periods: { period: { key: string }; parties: { partyId: string; status: string }[] }[] }[];
      meetings: { id: string; attendedPartyIds: string[] }[];
    };
    const term = region.obligations.find((o) => o.obligation.code === 'hva_14_negotiation')!.periods.find((p) => p.period.key === 'term:2025')!;
    expect(term.parties.find((p) => p.partyId === kempele)!.status).toBe('met');
    expect(term.parties.find((p) => p.partyId === oulu)!.status).toBe('due');
    expect(region.meetings.find((m) => m.id === meetingId)!.attendedPartyIds.sort()).toEqual([county, kempele].sort());
  });

  it('the county’s editor records a negotiation with participants and minutes; a bad date is named and what was typed is kept', async () => {
    const v = await signedIn('valmistelija@hva19.test');
    const page = await (await v.get('/regions/HVA19/obligations')).text();
    expect(/<form[^>]*aria-labelledby="record-negotiation"[^>]*>/.exec(page)?.[0]).toMatch(/enctype="multipart\/form-data"/i);
    const bad = await postMultipart(v, '/regions/HVA19/obligations', { intent: 'negotiation', obligationCode: 'sote_7_negotiation', heldOn: '2030-01-01', title: 'Hyte-neuvottelu', participantIds: [county, oulu] });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#f-negotiation-heldOn"');
    expect(badHtml).toContain('value="Hyte-neuvottelu"');
    expect(badHtml.match(/name="participantIds" checked="" value="[^"]+"/g)).toHaveLength(2);
    const ok = await postMultipart(
      v,
      '/regions/HVA19/obligations',
      { intent: 'negotiation', obligationCode: 'sote_7_negotiation', heldOn: '2026-03-10', title: 'Hyte-neuvottelu 2026', participantIds: [county, oulu] },
      { minutes: { name: 'poytakirja.pdf', bytes: PDF, type: 'application/pdf' } },
    );
    expect(ok.status).toBe(200);
    const after = await ok.text();
    expect(after).toContain('Näyttö kirjattiin.');
    const href = /href="(\/obligations\/negotiations\/[0-9a-f-]+\/minutes)"/.exec(after)![1]!;
    const file = await new Visitor(app.url).get(href);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain('poytakirja.pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    // Oulu met the 2026 7 § negotiation; Kempele did not.
    const oulus = (await (await new Visitor(app.url).json('GET', `/api/v1/parties/${oulu}/obligations`)).json()) as { rows: { obligationCode: string; period: { key: string }; status: string }[] };
    expect(oulus.rows.find((r) => r.obligationCode === 'sote_7_negotiation' && r.period.key === 'year:2026')!.status).toBe('met');
    // Annulled with a reason, it no longer counts.
    const annulPage = await (await v.get('/regions/HVA19/obligations')).text();
    const [, id, rowVersion] = /name="intent" value="annul-negotiation"\/><input type="hidden" name="id" value="([^"]+)"\/><input type="hidden" name="rowVersion" value="(\d+)"/.exec(annulPage)!;
    const annulled = await v.post('/regions/HVA19/obligations', { _csrf: await v.csrf('/regions/HVA19/obligations'), intent: 'annul-negotiation', id: id!, rowVersion: rowVersion!, reason: 'Väärä päivämäärä' });
    expect(annulled.status).toBe(200);
    const again = (await (await new Visitor(app.url).json('GET', `/api/v1/parties/${oulu}/obligations`)).json()) as typeof oulus;
    expect(again.rows.find((r) => r.obligationCode === 'sote_7_negotiation' && r.period.key === 'year:2026')!.status).toBe('due');
  });

  it('a municipality’s editor records its own report (checked by content) but sees no negotiation form; the public sees neither', async () => {
    const v = await signedIn('muokkaaja@oulu.test');
    const page = await (await v.get('/regions/HVA19/obligations')).text();
    expect(page).not.toContain('aria-labelledby="record-negotiation"');
    expect(page).toContain('aria-labelledby="record-document"');
    const fields = { intent: 'document', partyId: oulu, obligationCode: 'municipal_yearly_report', periodKey: 'year:2025', title: 'Hyvinvointiraportti 2025', decisionBody: 'Kaupunginvaltuusto', decisionDate: '2026-04-14', decisionSection: '45' };
    const fake = await postMultipart(v, '/regions/HVA19/obligations', fields, { file: { name: 'raportti.pdf', bytes: Buffer.from('not a pdf'), type: 'application/pdf' } });
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain('Tiedosto ei ole PDF- tai DOCX-tiedosto.');
    const ok = await postMultipart(v, '/regions/HVA19/obligations', fields, { file: { name: 'raportti.pdf', bytes: PDF, type: 'application/pdf' } });
    expect(ok.status).toBe(200);
    const list = await (await new Visitor(app.url).get(`/en/parties/${oulu}/obligations`)).text();
    expect(list).toContain('Obligations: Oulu');
    expect(list).toContain('Hyvinvointiraportti 2025');
    const anon = await (await new Visitor(app.url).get('/regions/HVA19/obligations')).text();
    expect(anon).not.toContain('name="_csrf"');
    expect(anon).toContain('Hyvinvointiraportti 2025');
  });

  it('the API records a negotiation for the county’s editor and refuses a municipality’s editor', async () => {
    const county$ = await signedIn('valmistelija@hva19.test');
    const csrf = await county$.csrf('/');
    const res = await county$.json('POST', '/api/v1/regions/HVA19/obligations/negotiations', { obligationCode: 'hva_14_negotiation', heldOn: '2026-06-01', title: 'Neuvottelu', participantIds: [county, oulu] }, { 'x-csrf-token': csrf });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { participantIds: string[] }).participantIds.sort()).toEqual([county, oulu].sort());
    const ouluV = await signedIn('muokkaaja@oulu.test');
    const refused = await ouluV.json('POST', '/api/v1/regions/HVA19/obligations/negotiations', { obligationCode: 'hva_14_negotiation', heldOn: '2026-06-01', title: 'X', participantIds: [oulu] }, { 'x-csrf-token': await ouluV.csrf('/') });
    expect(refused.status).toBe(403);
  });

  it('a platform administrator edits a catalogue entry on the catalogue page; a bad link is named; others get no form', async () => {
    expect(await (await new Visitor(app.url).get('/sv/obligations/catalogue')).text()).not.toContain('name="_csrf"');
    const v = await signedIn('yllapito@kumppanuus.test');
    const page = await (await v.get('/obligations/catalogue')).text();
    const rowVersion = /name="code" value="municipal_welfare_report"\/><input type="hidden" name="rowVersion" value="(\d+)"/.exec(page)![1]!;
    const fields = { _csrf: await v.csrf('/obligations/catalogue'), code: 'municipal_welfare_report', rowVersion, law: 'THL', quote: '', source: 'THL:n ohje' };
    const bad = await v.post('/obligations/catalogue', { ...fields, finlexUrl: 'ftp://x' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#f-municipal_welfare_report-finlexUrl"');
    const ok = await v.post('/obligations/catalogue', { ...fields, finlexUrl: 'https://thl.fi/' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Velvoitteen tekstit tallennettiin.');
    const api = (await (await new Visitor(app.url).json('GET', '/api/v1/obligations')).json()) as { catalogueVersion: string; obligations: { code: string; finlexUrl: string | null }[] };
    expect(api.obligations.find((o) => o.code === 'municipal_welfare_report')!.finlexUrl).toBe('https://thl.fi/');
    expect(api.catalogueVersion).toMatch(/^2026-1\.\d+$/);
  });
});
