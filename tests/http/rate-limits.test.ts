import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { createApiToken } from '#modules/tokens/index.ts';
import type { Db } from '#platform/db/db.ts';
import { catalogs } from '#i18n/index.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';
import { rawRequest } from '../support/raw-http.ts';

/**
 * Rate limits (issue 8, findings 1 and 10): counted per route React Router runs, whatever the spelling of the
 * path; per address and per account; in the database, so two app instances on one database share them.
 */
const PASSWORD = 'oikein-hyva-salasana';
const ADMIN = 'limits-admin@ouka.fi';
let db: Db;
const clock = testClock();
let oulu: string;

beforeAll(async () => {
  db = await createTestDb();
  oulu = await partyIdByCode(db, '564');
  await createUser(testCtx(db), { email: ADMIN, displayName: 'Olli Oulu', password: PASSWORD, memberships: [{ partyId: oulu, role: 'admin' }] });
});
afterAll(async () => {
  await db?.close();
});

async function anonymousForm(app: TestApp, page: string) {
  const v = new Visitor(app.url);
  const csrf = await v.csrf(page);
  return { cookie: v.jar.header(), csrf };
}

const formPost = (app: TestApp, rawPath: string, cookie: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  rawRequest(app.url, 'POST', rawPath, { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers }, new URLSearchParams(form).toString());

describe('sign-in limit per address', () => {
  it('counts every spelling of the sign-in path React Router accepts, and the 429 says when to retry', async () => {
    clock.set('2026-11-23T08:00:00Z');
    const app = await startTestApp(db, { clock, config: { loginRateLimit: 5 } });
    try {
      const { cookie, csrf } = await anonymousForm(app, '/sign-in');
      const wrong = { _csrf: csrf, email: 'nobody-here@ouka.fi', password: 'wrong-password-1', returnTo: '/' };
      for (const spelling of ['/%73ign-in', '/./sign-in', '/en/../sign-in', '/SIGN-IN/', '/sign-in.data']) {
        const res = await formPost(app, spelling, cookie, wrong);
        expect(res.status, spelling).not.toBe(429);
        expect(res.status, spelling).toBeLessThan(500);
      }
      for (const spelling of ['/sign-in', '/%73ign-in', '/./sign-in', '/en/../sign-in', '/en/sign-in']) {
        const res = await formPost(app, spelling, cookie, { ...wrong, email: ADMIN, password: PASSWORD });
        expect(res.status, spelling).toBe(429);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.headers['set-cookie']?.some((c) => c.startsWith('kp_session='))).toBeFalsy();
      }
      const en = await formPost(app, '/en/sign-in', cookie, wrong);
      expect(en.body).toContain(catalogs.en.errors['auth.rate_limited']);
      // The window is read from the app's clock: 15 minutes on, the right password works again.
      clock.advance(15 * 60 * 1000);
      const ok = await formPost(app, '/sign-in', cookie, { ...wrong, email: ADMIN, password: PASSWORD });
      expect(ok.status).toBe(302);
    } finally {
      await app.close();
    }
  });

  it('two app instances on one database share the counter', async () => {
    clock.set('2026-11-24T08:00:00Z');
    const a = await startTestApp(db, { clock, config: { loginRateLimit: 4 } });
    const b = await startTestApp(db, { clock, config: { loginRateLimit: 4 } });
    try {
      const fa = await anonymousForm(a, '/sign-in');
      const fb = await anonymousForm(b, '/sign-in');
      const wrong = { email: 'nobody-here@ouka.fi', password: 'wrong-password-1', returnTo: '/' };
      expect((await formPost(a, '/sign-in', fa.cookie, { ...wrong, _csrf: fa.csrf })).status).toBe(401);
      expect((await formPost(b, '/sign-in', fb.cookie, { ...wrong, _csrf: fb.csrf })).status).toBe(401);
      expect((await formPost(a, '/sign-in', fa.cookie, { ...wrong, _csrf: fa.csrf })).status).toBe(401);
      expect((await formPost(b, '/sign-in', fb.cookie, { ...wrong, _csrf: fb.csrf })).status).toBe(401);
      expect((await formPost(a, '/sign-in', fa.cookie, { ...wrong, _csrf: fa.csrf })).status).toBe(429);
      expect((await formPost(b, '/sign-in', fb.cookie, { ...wrong, _csrf: fb.csrf })).status).toBe(429);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('sign-in limit per account', () => {
  it('failed sign-ins to one account from many addresses throttle it (also for the right password), and each is in the audit trail', async () => {
    clock.set('2026-11-26T08:00:00Z');
    // Behind a trusted proxy each request comes from another address: the per-address limit never trips.
    const app = await startTestApp(db, { clock, config: { loginRateLimit: 100, loginAccountRateLimit: 3, trustProxy: true } });
    try {
      const { cookie, csrf } = await anonymousForm(app, '/sign-in');
      const from = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i}` });
      const auditBefore = (await db.query(`SELECT 1 FROM audit_event WHERE action = 'session.sign_in_failed'`)).length;
      for (let i = 1; i <= 3; i++) {
        // The account's address spelled differently each time is still one account.
        const email = i === 2 ? ` ${ADMIN.toUpperCase()} ` : ADMIN;
        expect((await formPost(app, '/sign-in', cookie, { _csrf: csrf, email, password: `wrong-password-${i}`, returnTo: '/' }, from(i))).status).toBe(401);
      }
      const blocked = await formPost(app, '/sign-in', cookie, { _csrf: csrf, email: ADMIN, password: PASSWORD, returnTo: '/' }, from(9));
      expect(blocked.status).toBe(429);
      expect(blocked.body).toContain(catalogs.fi.errors['auth.account_rate_limited']);
      expect(blocked.headers['set-cookie']?.some((c) => c.startsWith('kp_session='))).toBeFalsy();
      // Another account is not affected.
      const other = await formPost(app, '/sign-in', cookie, { _csrf: csrf, email: 'someone-else@ouka.fi', password: 'wrong-password-x', returnTo: '/' }, from(10));
      expect(other.status).toBe(401);
      const failed = await db.query<{ target_id: string | null; summary: string }>(
        `SELECT target_id, summary::text AS summary FROM audit_event WHERE action = 'session.sign_in_failed' ORDER BY occurred_at, id`,
      );
      expect(failed.length - auditBefore).toBe(4);
      const user = (await db.query<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [ADMIN]))[0]!;
      expect(failed.filter((r) => r.target_id === user.id).length).toBeGreaterThanOrEqual(3);
      expect(failed.at(-1)!.summary).not.toContain('wrong-password');
      // 15 minutes on, the account signs in again.
      clock.advance(15 * 60 * 1000);
      expect((await formPost(app, '/sign-in', cookie, { _csrf: csrf, email: ADMIN, password: PASSWORD, returnTo: '/' }, from(11))).status).toBe(302);
    } finally {
      await app.close();
    }
  });
});

describe('accessibility feedback limit per address', () => {
  it('counts /%61ccessibility and /./accessibility like /accessibility', async () => {
    clock.set('2026-11-25T08:00:00Z');
    const app = await startTestApp(db, { clock, config: { feedbackRateLimit: 2 } });
    try {
      const { cookie, csrf } = await anonymousForm(app, '/accessibility');
      const form = { _csrf: csrf, name: 'Maija', email: 'maija@example.fi', pageUrl: '/parties', message: 'Otsikot eivät kuulu ruudunlukijalla.' };
      expect((await formPost(app, '/%61ccessibility', cookie, form)).status).toBe(302);
      expect((await formPost(app, '/./accessibility', cookie, form)).status).toBe(302);
      const third = await formPost(app, '/sv/%61ccessibility', cookie, form);
      expect(third.status).toBe(429);
      expect(third.body).toContain(catalogs.sv.errors['feedback.rate_limited']);
      expect((await formPost(app, '/accessibility', cookie, form)).status).toBe(429);
    } finally {
      await app.close();
    }
  });
});

describe('API limit (finding 10)', () => {
  const get = (app: TestApp, path: string, headers: Record<string, string> = {}) => fetch(`${app.url}/api/v1${path}`, { headers });

  it('limits anonymous callers per address and each token per token, with a 429 problem and Retry-After; the window is read from the clock', async () => {
    clock.set('2026-11-27T08:00:10Z');
    const app = await startTestApp(db, { clock, config: { apiRateLimit: 3, apiTokenRateLimit: 4 } });
    try {
      for (let i = 1; i <= 3; i++) {
        const res = await get(app, '/regions');
        expect(res.status, `anonymous ${i}`).toBe(200);
        expect(res.headers.get('ratelimit')).toBe(`"api-ip";r=${3 - i};t=50`);
      }
      const limited = await get(app, '/regions?lang=sv');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('50');
      expect(limited.headers.get('content-type')).toContain('application/problem+json');
      expect(await limited.json()).toMatchObject({ status: 429, code: 'api.rate_limited', detail: catalogs.sv.errors['api.rate_limited'] });
      // A wrong token counts against the address too (no guessing around the limit).
      expect((await get(app, '/regions', { authorization: 'Bearer kp_wrong' })).status).toBe(429);

      // A token has its own counter.
      const { secret } = await createApiToken(testCtx(db, undefined, clock), oulu, { name: 'Rajoitettu', role: 'viewer' });
      const bearer = { authorization: `Bearer ${secret}` };
      for (let i = 1; i <= 4; i++) expect((await get(app, `/parties/${oulu}`, bearer)).status, `token ${i}`).toBe(200);
      const tokenLimited = await get(app, `/parties/${oulu}`, bearer);
      expect(tokenLimited.status).toBe(429);
      expect(Number(tokenLimited.headers.get('retry-after'))).toBeGreaterThan(0);

      // A signed-in browser is not counted.
      const v = new Visitor(app.url);
      expect((await v.signIn(ADMIN, PASSWORD)).status).toBe(302);
      for (let i = 0; i < 5; i++) expect((await v.json('GET', `/api/v1/parties/${oulu}/tokens`)).status).toBe(200);

      // The next minute (of the app's clock) starts afresh.
      clock.advance(60 * 1000);
      expect((await get(app, '/regions')).status).toBe(200);
      expect((await get(app, `/parties/${oulu}`, bearer)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('two app instances on one database share the counter', async () => {
    clock.set('2026-11-27T09:00:00Z');
    const a = await startTestApp(db, { clock, config: { apiRateLimit: 2 } });
    const b = await startTestApp(db, { clock, config: { apiRateLimit: 2 } });
    try {
      expect((await get(a, '/regions')).status).toBe(200);
      expect((await get(b, '/regions')).status).toBe(200);
      expect((await get(a, '/regions')).status).toBe(429);
      expect((await get(b, '/regions')).status).toBe(429);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('is documented: a 429 with Retry-After on every operation, the limits in the description', async () => {
    const app = await startTestApp(db, { clock, config: { apiRateLimit: 77, apiTokenRateLimit: 555 } });
    try {
      const doc = (await (await get(app, '/openapi.json')).json()) as {
        info: { description: string };
        paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown>; content?: unknown }> }>>;
      };
      expect(doc.info.description).toContain('77 requests a minute');
      expect(doc.info.description).toContain('555 requests a minute');
      const ops = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, o]) => [`${m} ${p}`, o] as const));
      expect(ops.length).toBeGreaterThan(20);
      for (const [name, o] of ops) {
        expect(o.responses['429'], name).toBeDefined();
        expect(o.responses['429']!.headers?.['Retry-After'], name).toBeDefined();
      }
    } finally {
      await app.close();
    }
  });
});
