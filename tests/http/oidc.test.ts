import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import type { Db } from '#platform/db/db.ts';
import { catalogs } from '#i18n/index.ts';
import { createTestDb, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** One clock for the use cases this file calls and the server it starts. */
const clock = testClock();

/**
 * Sign-in through a real OpenID Connect provider (oidc-provider, as Entra ID or Suomi.fi would be) on a
 * local port: the browser is driven through every redirect, the provider's login and consent forms included.
 */
const CLIENT_ID = 'kumppanuus-test';
const CLIENT_SECRET = 'a-client-secret-for-the-test-provider-only';
/** The provider's people: login name → claims. */
const PEOPLE: Record<string, Record<string, unknown>> = {
  'entra-oid-maija': { email: 'maija.virtanen@ouka.fi', email_verified: true, name: 'Maija Virtanen' },
  'entra-oid-stranger': { email: 'stranger@example.org', email_verified: true, name: 'Stranger' },
};

let db: Db;
let app: TestApp;
let idp: http.Server;
let issuer: string;
let userId: string;

beforeAll(async () => {
  db = await createTestDb();
  userId = (await createUser(testCtx(db), { email: 'Maija.Virtanen@ouka.fi', displayName: 'Maija Virtanen' })).id;
  idp = http.createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  // The app needs the issuer (its config) and the provider needs the app's callback address.
  app = await startTestApp(db, {
    clock,
    config: { oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, label: 'Entra ID', allowInsecure: true } },
  });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${app.url}/auth/oidc/callback`],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    findAccount: (_ctx, id) => (PEOPLE[id] ? { accountId: id, claims: () => ({ sub: id, ...PEOPLE[id] }) } : undefined),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-provider-cookie-key'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
  });
  idp.on('request', provider.callback());
});

afterAll(async () => {
  await app?.close();
  idp?.closeAllConnections();
  await new Promise((r) => idp?.close(r));
  await db?.close();
});

/** Posts the provider's only form on the page with its hidden fields plus ours. */
function formOf(html: string, base: string): { action: string; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`no form in provider page: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const m of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields[m[1]!] = m[2]!;
  return { action: new URL(form[1]!.replaceAll('&amp;', '&'), base).href, fields };
}

/**
 * Starts sign-in on the app, signs in at the provider as `login`, consents, and returns the provider's
 * redirect back to the app's callback (not yet followed).
 */
async function throughProvider(browser: Visitor, login: string, returnTo = '/parties'): Promise<URL> {
  const start = await browser.get(`/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(303);
  const atProvider = new Visitor(issuer);
  let url = new URL(start.headers.get('location')!);
  expect(url.origin).toBe(issuer);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('state')).toBeTruthy();
  expect(url.searchParams.get('nonce')).toBeTruthy();
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin !== issuer) return url;
    const res = await atProvider.get(url.pathname + url.search);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url);
      continue;
    }
    const html = await res.text();
    expect(res.status, html.slice(0, 500)).toBe(200);
    const { action, fields } = formOf(html, url.href);
    const extra: Record<string, string> = fields.prompt === 'login' ? { login, password: 'anything' } : {};
    const posted = await atProvider.post(new URL(action).pathname, { ...fields, ...extra });
    expect(posted.status, await posted.clone().text()).toBeGreaterThanOrEqual(300);
    url = new URL(posted.headers.get('location')!, action);
  }
  throw new Error('too many redirects at the provider');
}

describe('OIDC sign-in against a real provider', () => {
  it('signs in an existing user by verified e-mail, stores the identity and returns to the page asked for', async () => {
    const browser = new Visitor(app.url);
    const pendingCookie = () => browser.jar.cookies.get('kp_oidc');
    const callback = await throughProvider(browser, 'entra-oid-maija', '/en/parties');
    expect(pendingCookie()).toBeTruthy();
    expect(callback.href.startsWith(`${app.url}/auth/oidc/callback?`)).toBe(true);
    const res = await browser.get(callback.pathname + callback.search);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/parties');
    const session = browser.jar.lastSetCookie.find((c) => c.startsWith('kp_session='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(pendingCookie()).toBeUndefined(); // used once
    const page = await (await browser.get('/en/parties')).text();
    expect(page).toContain(catalogs.en.common.signedInAs('Maija Virtanen'));

    const row = await db.query<{ oidc_issuer: string; oidc_subject: string }>('SELECT oidc_issuer, oidc_subject FROM app_user WHERE id = $1', [userId]);
    expect(row[0]).toEqual({ oidc_issuer: issuer, oidc_subject: 'entra-oid-maija' });
    const audit = await db.query<{ summary: { after: unknown } }>(`SELECT summary FROM audit_event WHERE action = 'session.sign_in' AND target_id = $1`, [userId]);
    expect(audit.map((a) => a.summary.after)).toEqual([{ method: 'oidc' }]);

    // The next sign-in finds the account by (issuer, subject), even after the address changed.
    await db.query(`UPDATE app_user SET email = 'maija.virtanen@oulu.fi' WHERE id = $1`, [userId]);
    const again = new Visitor(app.url);
    const cb2 = await throughProvider(again, 'entra-oid-maija');
    const res2 = await again.get(cb2.pathname + cb2.search);
    expect(res2.headers.get('location')).toBe('/parties');
    expect(again.jar.cookies.get('kp_session')).toBeTruthy();
  });

  it('sets the pending-login cookie HttpOnly, SameSite=Lax, sealed and short-lived', async () => {
    const browser = new Visitor(app.url);
    const res = await browser.get('/auth/oidc/start?returnTo=/');
    const c = res.headers.getSetCookie().find((s) => s.startsWith('kp_oidc='))!;
    expect(c).toMatch(/HttpOnly/i);
    expect(c).toMatch(/SameSite=Lax/i);
    expect(c).toMatch(/Max-Age=600/i);
    const state = new URL(res.headers.get('location')!).searchParams.get('state')!;
    expect(c).not.toContain(state); // encrypted, not merely signed
  });

  it('sends someone without an account back to sign-in with the explanation', async () => {
    const browser = new Visitor(app.url);
    const callback = await throughProvider(browser, 'entra-oid-stranger', '/sv/parties');
    const res = await browser.get(callback.pathname + callback.search);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/sv\/sign-in\?error=auth\.oidc_no_account/);
    expect(browser.jar.cookies.get('kp_session')).toBeUndefined();
    const page = await (await browser.get(location)).text();
    expect(page).toContain(catalogs.sv.errors['auth.oidc_no_account'].slice(0, 40));
  });

  it('refuses a callback whose state was tampered with, or whose pending login is missing or forged', async () => {
    const sessionsBefore = (await db.query('SELECT 1 FROM user_session')).length;
    const browser = new Visitor(app.url);
    const callback = await throughProvider(browser, 'entra-oid-maija');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const res = await browser.get(tampered.pathname + tampered.search);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/sign-in\?error=auth\.oidc_failed/);
    expect(browser.jar.cookies.get('kp_session')).toBeUndefined();
    // The pending login was used up: replaying the genuine callback does not work either.
    const replay = await browser.get(callback.pathname + callback.search);
    expect(replay.headers.get('location')).toMatch(/error=auth\.oidc_failed/);

    // A forged pending-login cookie (one character changed) is refused.
    const other = new Visitor(app.url);
    const cb = await throughProvider(other, 'entra-oid-maija');
    const sealed = other.jar.cookies.get('kp_oidc')!;
    other.jar.cookies.set('kp_oidc', sealed.slice(0, 20) + (sealed[20] === 'A' ? 'B' : 'A') + sealed.slice(21));
    const forged = await other.get(cb.pathname + cb.search);
    expect(forged.headers.get('location')).toMatch(/error=auth\.oidc_failed/);
    expect(other.jar.cookies.get('kp_session')).toBeUndefined();
    expect((await db.query('SELECT 1 FROM user_session')).length).toBe(sessionsBefore);
  });
});
