import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { addPartyBody } from '#modules/parties/index.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** One clock for the use cases this file calls and the server it starts. */
const clock = testClock();

/**
 * The audit log, accessibility statement + feedback, feedback handling and party people pages, driven as a
 * browser without JavaScript would: plain GET forms and POSTed forms with the CSRF token.
 */
const PASSWORD = 'admin-pages-password-1';
let db: Db;
let app: TestApp;
let kempele: string;
let oulu: string;

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

async function account(email: string, opts: { isPlatformAdmin?: boolean; memberships?: { partyId: string; role: 'admin' | 'editor' | 'approver' | 'viewer' }[]; displayName?: string } = {}) {
  await createUser(testCtx(db), { email, displayName: opts.displayName ?? email, password: PASSWORD, isPlatformAdmin: opts.isPlatformAdmin, memberships: opts.memberships });
  const v = new Visitor(app.url);
  const res = await v.signIn(email, PASSWORD);
  expect(res.status).toBe(302);
  return v;
}

beforeAll(async () => {
  db = await createTestDb();
  kempele = await partyIdByCode(db, '244');
  oulu = await partyIdByCode(db, '564');
  app = await startTestApp(db, { clock });
  await addPartyBody(testCtx(db), oulu, { kind: 'kaupunginhallitus', nameFi: 'Oulun kaupunginhallitus' });
  await addPartyBody(testCtx(db), kempele, { kind: 'kunnanhallitus', nameFi: 'Kempeleen kunnanhallitus' });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('/audit', () => {
  it('a party administrator sees their own party’s events in words, in the page language; not another party’s', async () => {
    const v = await account('audit-oulu@test.invalid', { memberships: [{ partyId: oulu, role: 'admin' }] });
    const fi = text(await (await v.get('/audit')).text());
    expect(fi).toContain('Toimielin lisätty');
    expect(fi).toContain('Oulun kaupunginhallitus');
    expect(fi).not.toContain('Kempeleen kunnanhallitus');
    const en = await v.get('/en/audit?action=party_body');
    expect(en.status).toBe(200);
    const enText = text(await en.text());
    expect(enText).toContain('Body added');
    expect(enText).toMatch(/\d{1,2} [A-Z][a-z]{2,3} 20\d\d/); // e.g. 23 Nov 2026, 10:00 (Helsinki)
    expect((await v.get(`/audit?party=${kempele}`)).status).toBe(403);
  });

  it('a wrong filter is shown on the form with the values kept (400), not as an error page', async () => {
    const v = await account('audit-bad@test.invalid', { memberships: [{ partyId: oulu, role: 'admin' }] });
    const res = await v.get('/sv/audit?from=2026-02-30&actor=Maija');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#f-from"');
    expect(text(html)).toContain('Från');
    expect(html).toMatch(/name="actor" value="Maija"/);
  });

  it('editors and viewers are refused; the public is sent to sign in', async () => {
    const viewer = await account('audit-viewer@test.invalid', { memberships: [{ partyId: oulu, role: 'viewer' }] });
    expect((await viewer.get('/audit')).status).toBe(403);
    const res = await new Visitor(app.url).get('/audit');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/sign-in?returnTo=%2Faudit');
  });

  it('after signing in, returnTo goes only to this site: a tab or newline before another host is the front page, not a redirect away or a 500', async () => {
    const v = await account('return-to@test.invalid', { memberships: [{ partyId: oulu, role: 'viewer' }] });
    for (const bad of ['/%09/evil.example/', '/%0a/evil.example/', '//evil.example/', '/%5cevil.example']) {
      const res = await v.get(`/sign-in?returnTo=${bad}`);
      expect(res.status, bad).toBe(302);
      expect(res.headers.get('location'), bad).toBe('/');
    }
    const ok = await v.get(`/sign-in?returnTo=${encodeURIComponent('/audit?from=2026-01-01')}`);
    expect(ok.headers.get('location')).toBe('/audit?from=2026-01-01');
  });
});

describe('/accessibility and /admin/feedback', () => {
  it('shows the statement with the 14-day answer duty and the supervisory authority, in three languages', async () => {
    const v = new Visitor(app.url);
    const fi = text(await (await v.get('/accessibility')).text());
    expect(fi).toContain('306/2019');
    expect(fi).toContain('WCAG 2.1');
    expect(fi).toContain('14 päivän');
    expect(fi).toContain('Etelä-Suomen aluehallintoviraston');
    expect(fi).toContain('Lupa- ja valvontavirasto');
    expect(fi).toContain('23.11.2026');
    expect(text(await (await v.get('/sv/accessibility')).text())).toContain('Regionförvaltningsverket i Södra Finland');
    expect(text(await (await v.get('/en/accessibility')).text())).toContain('within 14 days');
  });

  it('an anonymous visitor sends feedback without JavaScript; errors keep the values; a platform admin handles it', async () => {
    const anon = new Visitor(app.url);
    const csrf = await anon.csrf('/accessibility');
    // Without the CSRF token nothing is stored.
    expect((await anon.post('/accessibility', { message: 'x' })).status).toBe(403);
    const bad = await anon.post('/accessibility', { _csrf: csrf, name: 'Maija', email: 'not-an-address', pageUrl: '/parties', message: '' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#f-email"');
    expect(badHtml).toContain('href="#f-message"');
    expect(badHtml).toMatch(/name="name" value="Maija"/);
    expect(badHtml).toMatch(/name="pageUrl" value="\/parties"/);
    const ok = await anon.post('/en/accessibility', { _csrf: csrf, name: 'Maija', email: 'maija@example.fi', pageUrl: '/parties', message: 'The table headers are not announced.' });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('/en/accessibility?sent=1#feedback-h');
    expect(text(await (await anon.get('/en/accessibility?sent=1')).text())).toContain('Thank you for your feedback');

    const partyAdmin = await account('fb-partyadmin@test.invalid', { memberships: [{ partyId: oulu, role: 'admin' }] });
    expect((await partyAdmin.get('/admin/feedback')).status).toBe(403);

    const admin = await account('fb-platform@test.invalid', { isPlatformAdmin: true, displayName: 'Pia Platform' });
    const list = await admin.get('/admin/feedback?status=open');
    const listHtml = await list.text();
    expect(text(listHtml)).toContain('The table headers are not announced.');
    expect(text(listHtml)).toContain('Saapui tänään');
    const id = /name="id" value="([0-9a-f-]{36})"/.exec(listHtml)![1]!;
    const adminCsrf = /name="_csrf" value="([^"]+)"/.exec(listHtml)![1]!;
    const handled = await admin.post('/admin/feedback', { _csrf: adminCsrf, id });
    expect(handled.status).toBe(200);
    const after = text(await handled.text());
    expect(after).toContain('Palaute merkitty käsitellyksi.');
    expect(after).toMatch(/Käsitelty .* käsittelijä Pia Platform/);
    const again = await admin.post('/admin/feedback', { _csrf: adminCsrf, id });
    expect(again.status).toBe(409);
    expect(text(await again.text())).toContain('oli jo merkinnyt käsitellyksi Pia Platform');
  });
});

describe('/parties/:id/people', () => {
  it('a party administrator adds a person by e-mail, changes the role and removes it, without JavaScript', async () => {
    await createUser(testCtx(db), { email: 'ella.esimerkki@ouka.fi', displayName: 'Ella Esimerkki' });
    const v = await account('people-oulu@test.invalid', { memberships: [{ partyId: oulu, role: 'admin' }], displayName: 'Olli Admin' });
    const partyPage = await (await v.get(`/parties/${oulu}`)).text();
    expect(partyPage).toContain(`href="/parties/${oulu}/people"`);
    const page = await v.get(`/parties/${oulu}/people`);
    expect(page.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const path = `/parties/${oulu}/people`;

    const unknown = await v.post(path, { _csrf: csrf, intent: 'add', email: 'nobody@ouka.fi', role: 'editor' });
    expect(unknown.status).toBe(400);
    const unknownHtml = await unknown.text();
    expect(text(unknownHtml)).toContain('Tällä sähköpostiosoitteella ei ole käyttäjätiliä');
    expect(unknownHtml).toMatch(/name="email" value="nobody@ouka.fi"/);

    const added = await v.post(path, { _csrf: csrf, intent: 'add', email: 'Ella.Esimerkki@ouka.fi', role: 'editor' });
    expect(added.status).toBe(200);
    const addedHtml = await added.text();
    expect(text(addedHtml)).toContain('Ella Esimerkki lisätty.');
    const ellaId = new RegExp(`name="userId" value="([0-9a-f-]{36})"/><input type="hidden" name="expectedRole" value="editor"`).exec(addedHtml)![1]!;

    const changed = await v.post(path, { _csrf: csrf, intent: 'change', userId: ellaId, expectedRole: 'editor', role: 'approver' });
    expect(text(await changed.text())).toContain('Rooli vaihdettu.');
    // A second tab still showing "editor" is told someone changed it.
    const stale = await v.post(path, { _csrf: csrf, intent: 'change', userId: ellaId, expectedRole: 'editor', role: 'viewer' });
    expect(stale.status).toBe(409);
    const removed = await v.post(path, { _csrf: csrf, intent: 'remove', userId: ellaId, expectedRole: 'approver' });
    expect(text(await removed.text())).toContain('Rooli poistettu.');

    const audit = text(await (await v.get('/audit?action=membership')).text());
    expect(audit).toContain('Rooli poistettu');
    expect(audit).toMatch(/Muokkaaja → Päätösten kirjaaja/);
  });

  it('other parties’ administrators and non-administrators cannot open the page', async () => {
    const kempeleAdmin = await account('people-kempele@test.invalid', { memberships: [{ partyId: kempele, role: 'admin' }] });
    expect((await kempeleAdmin.get(`/parties/${oulu}/people`)).status).toBe(403);
    const editor = await account('people-editor@test.invalid', { memberships: [{ partyId: oulu, role: 'editor' }] });
    expect((await editor.get(`/parties/${oulu}/people`)).status).toBe(403);
    expect(await (await editor.get(`/parties/${oulu}`)).text()).not.toContain(`/parties/${oulu}/people`);
  });
});

describe('flood protection', () => {
  it('limits feedback posts per address (429 with a translated page) without touching other forms', async () => {
    const own = await startTestApp(db, { clock });
    try {
      const v = new Visitor(own.url);
      let last = 0;
      for (let i = 0; i < 31; i++) last = (await v.post('/sv/accessibility', { message: 'x' })).status;
      expect(last).toBe(429);
      const res = await v.post('/sv/accessibility', { message: 'x' });
      expect(text(await res.text())).toContain('För många responser');
      expect((await v.get('/sv/accessibility')).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});
