import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { sha256 } from '#platform/auth/secrets.ts';
import type { Db } from '#platform/db/db.ts';
import { catalogs } from '#i18n/index.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** Sessions, CSRF and the sign-in rate limit, through the real HTTP app. */
const PASSWORD = 'oikein-hyva-salasana';
let db: Db;
let app: TestApp;
const clock = testClock();
let oulu: string;
const ADMIN = 'admin@ouka.fi';

beforeAll(async () => {
  db = await createTestDb();
  oulu = await partyIdByCode(db, '564');
  await createUser(testCtx(db), { email: ADMIN, displayName: 'Olli Oulu', password: PASSWORD, memberships: [{ partyId: oulu, role: 'admin' }] });
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const signedInName = catalogs.fi.common.signedInAs('Olli Oulu');
const sessionRow = async (token: string) => db.query('SELECT 1 FROM user_session WHERE id_hash = $1', [sha256(token)]);

describe('sessions', () => {
  it('signing in sets an HttpOnly, SameSite=Lax session cookie; signing out deletes the session row', async () => {
    const browser = new Visitor(app.url);
    const res = await browser.signIn(ADMIN, PASSWORD);
    expect(res.status).toBe(302);
    const cookie = browser.jar.lastSetCookie.find((c) => c.startsWith('kp_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const token = browser.jar.cookies.get('kp_session')!;
    expect(await sessionRow(token)).toHaveLength(1);
    expect(await (await browser.get('/')).text()).toContain(signedInName);

    const csrf = await browser.csrf('/');
    const out = await browser.post('/sign-out', { _csrf: csrf });
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().find((c) => c.startsWith('kp_session='))).toMatch(/Max-Age=0/i);
    expect(await sessionRow(token)).toHaveLength(0);
    // The old cookie is worth nothing now.
    const replay = new Visitor(app.url);
    replay.jar.cookies.set('kp_session', token);
    expect(await (await replay.get('/')).text()).not.toContain(signedInName);
    expect((await replay.json('GET', `/api/v1/parties/${oulu}/tokens`)).status).toBe(401);
  });

  it('wrong password: 401 with the generic message, no session', async () => {
    const browser = new Visitor(app.url);
    const res = await browser.signIn(ADMIN, 'vaara-salasana-123');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain(catalogs.fi.errors['auth.invalid_credentials']);
    expect(browser.jar.cookies.get('kp_session')).toBeUndefined();
  });

  it('ignores an expired session', async () => {
    const browser = new Visitor(app.url);
    await browser.signIn(ADMIN, PASSWORD);
    expect(await (await browser.get('/')).text()).toContain(signedInName);
    expect((await browser.json('GET', `/api/v1/parties/${oulu}/tokens`)).status).toBe(200);
    clock.advance((app.config.sessionDays * 24 + 1) * 3600 * 1000);
    try {
      expect(await (await browser.get('/')).text()).not.toContain(signedInName);
      expect((await browser.json('GET', `/api/v1/parties/${oulu}/tokens`)).status).toBe(401);
      expect((await browser.get('/tokens')).status).toBe(302); // to sign in
    } finally {
      clock.advance(-(app.config.sessionDays * 24 + 1) * 3600 * 1000);
    }
  });
});

describe('the __Host- session cookie (ASVS L2)', () => {
  it('with secure cookies the session cookie is __Host-kp_session: Secure, Path=/, no Domain; it signs in, and the page cache never serves its holder', async () => {
    const secure = await startTestApp(db, { clock, config: { secureCookies: true } });
    try {
      const browser = new Visitor(secure.url);
      expect((await browser.signIn(ADMIN, PASSWORD)).status).toBe(302);
      const cookie = browser.jar.lastSetCookie.find((c) => c.startsWith('__Host-kp_session='))!;
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*Path=\//);
      expect(cookie).not.toMatch(/Domain=/i);
      expect(browser.jar.cookies.has('kp_session')).toBe(false);
      expect(await (await browser.get('/')).text()).toContain(signedInName);
      expect((await browser.json('GET', `/api/v1/parties/${oulu}/tokens`)).status).toBe(200);
      // An unprefixed cookie (set by a man in the middle over http, or a sibling subdomain) is not accepted.
      const planted = new Visitor(secure.url);
      planted.jar.cookies.set('kp_session', browser.jar.cookies.get('__Host-kp_session')!);
      expect(await (await planted.get('/')).text()).not.toContain(signedInName);
      const out = await browser.post('/sign-out', { _csrf: await browser.csrf('/') });
      expect(out.headers.getSetCookie().find((c) => c.startsWith('__Host-kp_session='))).toMatch(/Max-Age=0/i);
    } finally {
      await secure.close();
    }
  });
});

describe('idle timeout (ASVS L2)', () => {
  it('a session unused for SESSION_IDLE_MINUTES ends, though its absolute lifetime has not; use keeps it alive', async () => {
    const idle = await startTestApp(db, { clock, config: { sessionIdleMinutes: 30 } });
    const minutes = (n: number) => n * 60 * 1000;
    let moved = 0;
    const advance = (ms: number) => {
      clock.advance(ms);
      moved += ms;
    };
    try {
      const browser = new Visitor(idle.url);
      await browser.signIn(ADMIN, PASSWORD);
      // Used every 20 minutes for two hours: still signed in.
      for (let i = 0; i < 6; i++) {
        advance(minutes(20));
        expect(await (await browser.get('/')).text()).toContain(signedInName);
      }
      expect((await browser.json('GET', `/api/v1/parties/${oulu}/tokens`)).status).toBe(200);
      advance(minutes(31));
      expect(await (await browser.get('/')).text()).not.toContain(signedInName);
      expect((await browser.json('GET', `/api/v1/parties/${oulu}/tokens`)).status).toBe(401);
      // Going back in time does not revive it: the idle session is gone.
      advance(-minutes(31));
      expect(await (await browser.get('/')).text()).not.toContain(signedInName);
    } finally {
      clock.advance(-moved);
      await idle.close();
    }
  });
});

describe('CSRF', () => {
  it('a page form post without or with a wrong _csrf is refused with 403 and changes nothing', async () => {
    const browser = new Visitor(app.url);
    await browser.signIn(ADMIN, PASSWORD);
    const tokensBefore = (await db.query('SELECT 1 FROM api_token')).length;
    const create = { intent: 'create', partyId: oulu, name: 'Forged', role: 'admin' };
    expect((await browser.post(`/tokens?party=${oulu}`, create)).status).toBe(403);
    expect((await browser.post(`/tokens?party=${oulu}`, { ...create, _csrf: 'wrong-token' })).status).toBe(403);
    expect((await db.query('SELECT 1 FROM api_token')).length).toBe(tokensBefore);

    const version = async () => (await db.query<{ row_version: number; name_fi: string }>('SELECT row_version, name_fi FROM party WHERE id = $1', [oulu]))[0];
    const before = await version();
    const edit = { rowVersion: String(before!.row_version), nameFi: 'Väärennetty', nameSv: 'Uleåborg', nameEn: 'Oulu', language: 'fi' };
    expect((await browser.post(`/parties/${oulu}/edit`, edit)).status).toBe(403);
    expect((await browser.post(`/parties/${oulu}/edit`, { ...edit, _csrf: 'x'.repeat(43) })).status).toBe(403);
    expect(await version()).toEqual(before);

    // The same form with the session's token works (so the refusals above are about the token).
    const ok = await browser.post(`/tokens?party=${oulu}`, { ...create, name: 'Genuine', _csrf: await browser.csrf('/tokens') });
    expect(ok.status).toBe(200);
    expect((await db.query('SELECT 1 FROM api_token')).length).toBe(tokensBefore + 1);
  });

  it('the anonymous sign-in form needs its token too', async () => {
    const browser = new Visitor(app.url);
    await browser.get('/sign-in');
    const res = await browser.post('/sign-in', { email: ADMIN, password: PASSWORD });
    expect(res.status).toBe(403);
    expect(browser.jar.cookies.get('kp_session')).toBeUndefined();
  });
});

describe('sign-in rate limit', () => {
  it('after LOGIN_RATE_LIMIT attempts answers 429 with a translated page, even to the right password', async () => {
    const limited = await startTestApp(db, { clock, config: { loginRateLimit: 3 } });
    // The counters live in the database, shared by every app on it: the sign-ins above counted too. Start a new window.
    clock.advance(15 * 60 * 1000);
    try {
      const browser = new Visitor(limited.url);
      for (let i = 0; i < 3; i++) expect((await browser.signIn(ADMIN, `wrong-password-${i}`)).status).toBe(401);
      const blocked = await browser.signIn(ADMIN, PASSWORD);
      expect(blocked.status).toBe(429);
      expect(await blocked.text()).toContain(catalogs.fi.errors['auth.rate_limited']);
      expect(browser.jar.cookies.get('kp_session')).toBeUndefined();
      const en = await browser.post('/en/sign-in', { _csrf: await browser.csrf('/en/sign-in'), email: ADMIN, password: PASSWORD });
      expect(en.status).toBe(429);
      expect(await en.text()).toContain(catalogs.en.errors['auth.rate_limited']);
    } finally {
      clock.advance(-15 * 60 * 1000);
      await limited.close();
    }
  });
});
