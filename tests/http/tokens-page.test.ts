import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import type { Db } from '#platform/db/db.ts';
import { catalogs } from '#i18n/index.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** One clock for the use cases this file calls and the server it starts. */
const clock = testClock();

/** The /tokens page, without JavaScript: plain GETs and form POSTs. */
const PASSWORD = 'oikein-hyva-salasana';
const fi = catalogs.fi.tokens;
let db: Db;
let app: TestApp;
let oulu: string;
let liminka: string;

beforeAll(async () => {
  db = await createTestDb();
  oulu = await partyIdByCode(db, '564');
  liminka = await partyIdByCode(db, '425');
  const ctx = testCtx(db);
  await createUser(ctx, { email: 'admin@ouka.fi', displayName: 'Olli Oulu', password: PASSWORD, memberships: [{ partyId: oulu, role: 'admin' }] });
  await createUser(ctx, {
    email: 'both@example.fi',
    displayName: 'Kaksi Osapuolta',
    password: PASSWORD,
    memberships: [
      { partyId: oulu, role: 'admin' },
      { partyId: liminka, role: 'admin' },
    ],
  });
  await createUser(ctx, { email: 'viewer@ouka.fi', displayName: 'Katselija', password: PASSWORD, memberships: [{ partyId: oulu, role: 'viewer' }] });
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const signedIn = async (email: string) => {
  const v = new Visitor(app.url);
  expect((await v.signIn(email, PASSWORD)).status).toBe(302);
  return v;
};
/** React escapes text; compare against the escaped form. */
const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#x27;');

describe('the API token page', () => {
  it('sends anonymous visitors to sign in and refuses people who administer no party', async () => {
    const anon = await new Visitor(app.url).get('/tokens');
    expect(anon.status).toBe(302);
    expect(anon.headers.get('location')).toBe('/sign-in?returnTo=%2Ftokens');
    const viewer = await signedIn('viewer@ouka.fi');
    expect((await viewer.get('/tokens')).status).toBe(403);
  });

  it('creates a token and shows its secret once, then revokes it', async () => {
    const browser = await signedIn('admin@ouka.fi');
    const page = await browser.get('/tokens');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<h1>${fi.title}</h1>`);
    expect(html).toContain(fi.tokensOf('Oulu'));
    expect(html).toContain(fi.noTokens);
    expect(html).not.toContain('name="party"'); // one party: no picker

    const csrf = await browser.csrf('/tokens');
    const created = await browser.post(`/tokens?party=${oulu}`, { _csrf: csrf, intent: 'create', partyId: oulu, name: 'Asianhallinta', role: 'editor', expiresOn: '' });
    expect(created.status).toBe(200);
    expect(created.headers.get('cache-control')).toMatch(/no-store/);
    const shown = await created.text();
    const secret = /value="(kp_[0-9a-f]{8}_[A-Za-z0-9_-]{43})"/.exec(shown)?.[1];
    expect(secret).toBeDefined();
    expect(shown).toContain(esc(fi.createdTitle('Asianhallinta')));
    expect(shown).toContain(esc(fi.secretOnce));
    expect(shown).toContain(`<label for="f-secret">${fi.secretLabel}</label>`);
    expect((await db.query('SELECT 1 FROM api_token WHERE party_id = $1', [oulu])).length).toBe(1);

    const later = await (await browser.get(`/tokens?party=${oulu}`)).text();
    expect(later).not.toContain(secret!);
    expect(later).toContain(secret!.slice(0, 11)); // the prefix kp_xxxxxxxx
    expect(later).toContain(catalogs.fi.common.roles.editor);
    expect(later).toContain(fi.neverUsed);
    expect(later).toContain(fi.noExpiry);
    expect(later).toContain(fi.status.active);

    const tokenId = (await db.query<{ id: string }>('SELECT id FROM api_token WHERE party_id = $1', [oulu]))[0]!.id;
    const revoked = await browser.post(`/tokens?party=${oulu}`, { _csrf: csrf, intent: 'revoke', tokenId });
    expect(revoked.status).toBe(200);
    const after = await revoked.text();
    expect(after).toContain(esc(fi.revoked('Asianhallinta')));
    expect(after).not.toContain(`value="${tokenId}"`); // no revoke button any more
    const row = await db.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM api_token WHERE id = $1', [tokenId]);
    expect(row[0]!.revoked_at).not.toBeNull();
  });

  it('shows what is wrong in a failed create and keeps what was typed', async () => {
    const browser = await signedIn('admin@ouka.fi');
    const csrf = await browser.csrf('/en/tokens');
    const res = await browser.post(`/en/tokens?party=${oulu}`, { _csrf: csrf, intent: 'create', partyId: oulu, name: '', role: 'approver', expiresOn: '2001-01-01' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(catalogs.en.common.errorSummaryTitle);
    expect(html).toContain(catalogs.en.validation.required);
    expect(html).toContain(catalogs.en.validation.date_in_past);
    expect(html).toContain('value="2001-01-01"');
    expect(html).toMatch(/<option value="approver" selected="">/);
  });

  it('lets an administrator of several parties pick one', async () => {
    const browser = await signedIn('both@example.fi');
    const first = await (await browser.get('/sv/tokens')).text();
    expect(first).toContain(`<label for="f-party">${catalogs.sv.tokens.party}</label>`);
    expect(first).toContain(`<option value="${liminka}">`);
    expect(first).not.toContain(catalogs.sv.tokens.createTitle);
    const chosen = await (await browser.get(`/sv/tokens?party=${liminka}`)).text();
    expect(chosen).toContain(catalogs.sv.tokens.tokensOf('Limingo'));
    expect(chosen).toContain(catalogs.sv.tokens.createTitle);
  });
});
