import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { createAgreement, openCommentRound, publishVersion } from '#modules/agreements/index.ts';
import { helsinkiDate } from '#platform/clock.ts';
import { getParty, updateParty } from '#modules/parties/index.ts';
import { readDataVersion } from '#platform/audit.ts';
import type { Db } from '#platform/db/db.ts';
import { silentLogger } from '#platform/log.ts';
import { catalogs } from '#i18n/index.ts';
import { PageCache, versionSource } from '../../server/page-cache.ts';
import { createPageHandler, type Renderer } from '../../server/pages.ts';
import type { AppServices } from '../../src/web/app-context.ts';
import { PUBLIC_PAGE_HEADER } from '../../src/web/public-page.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** One clock for the use cases this file calls and the server it starts. */
const clock = testClock();

/**
 * The page cache (server/page-cache.ts) through the real HTTP app: anonymous visitors get the same bytes
 * as a fresh render, never a page older than the data, never a signed-in user's page or another
 * visitor's CSRF token.
 */
const PASSWORD = 'oikein-hyva-salasana';
const ADMIN = 'cache.admin@ouka.fi';
const signedInName = catalogs.fi.common.signedInAs('Outi Välimuisti');
let db: Db;
let app: TestApp;
let uncached: TestApp;
let oulu: string;

beforeAll(async () => {
  db = await createTestDb();
  oulu = await partyIdByCode(db, '564');
  await createUser(testCtx(db), { email: ADMIN, displayName: 'Outi Välimuisti', password: PASSWORD, memberships: [{ partyId: oulu, role: 'admin' }] });
  app = await startTestApp(db, { clock });
  uncached = await startTestApp(db, { clock, config: { pageCacheBytes: 0 } });
});
afterAll(async () => {
  await app?.close();
  await uncached?.close();
  await db?.close();
});

const stats = () => app.pageCache!.stats();
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

describe('anonymous visitors', () => {
  it('get from the cache exactly the bytes a fresh render gives, with fresh security headers and request id', async () => {
    expect(app.pageCache).toBeDefined();
    expect(uncached.pageCache).toBeUndefined();
    const first = await new Visitor(app.url).get('/regions/HVA19');
    const before = stats();
    const second = await new Visitor(app.url).get('/regions/HVA19');
    expect(stats().hits).toBe(before.hits + 1);
    const fresh = await new Visitor(uncached.url).get('/regions/HVA19');
    expect([first.status, second.status, fresh.status]).toEqual([200, 200, 200]);

    const [b1, b2, b3] = [await bytes(first), await bytes(second), await bytes(fresh)];
    expect(b3.toString()).toContain('Pohjois-Pohjanmaan hyvinvointialue');
    expect(b2.equals(b3)).toBe(true);
    expect(b1.equals(b3)).toBe(true);
    // Every header of a fresh render (security headers included) but the per-request ones and caching.
    const perRequest = new Set(['x-request-id', 'date', 'set-cookie', 'cache-control', 'etag', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);
    const comparable = (r: Response) => [...r.headers].filter(([k]) => !perRequest.has(k));
    expect(comparable(fresh).map(([k]) => k)).toEqual(expect.arrayContaining(['content-type', 'content-security-policy', 'x-frame-options', 'permissions-policy']));
    expect(new Map(comparable(second))).toEqual(new Map(comparable(fresh)));
    expect(new Map(comparable(first))).toEqual(new Map(comparable(fresh)));
    expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toBe('private, no-cache');
    expect(second.headers.has(PUBLIC_PAGE_HEADER)).toBe(false);
    expect(fresh.headers.has(PUBLIC_PAGE_HEADER)).toBe(false);
  });

  it('answer 304 to If-None-Match with the page’s ETag, and 200 with the page otherwise', async () => {
    const v = new Visitor(app.url);
    const page = await v.get('/parties?type=municipality&q=oulu');
    const etag = page.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await v.get('/parties?type=municipality&q=oulu', { 'if-none-match': `"something-else", ${etag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('x-request-id')).toBeTruthy();
    const other = await v.get('/parties?type=municipality&q=oulu', { 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('Oulu');
  });

  it('see a change made through a use case on their very next request', async () => {
    const v = new Visitor(app.url);
    const regionPage = async () => (await v.get('/regions/HVA19')).text();
    const partyPage = async () => (await v.get(`/parties/${oulu}`)).text();
    expect(await regionPage()).toContain('>Oulu<');
    expect(await partyPage()).toContain('<h1>Oulu</h1>');

    // A write that skips the use cases (and so the data version) is not seen: the pages come from the cache.
    await db.query(`UPDATE party SET name_fi = 'Oulu ohi käyttötapausten' WHERE id = $1`, [oulu]);
    expect(await regionPage()).not.toContain('ohi käyttötapausten');
    expect(await partyPage()).not.toContain('ohi käyttötapausten');

    const ctx = testCtx(db, await createTestActor(db, [{ partyId: oulu, role: 'admin' }]));
    const version = await readDataVersion(db);
    const p = (await getParty(ctx, oulu)).party;
    await updateParty(ctx, oulu, { rowVersion: p.rowVersion, nameFi: 'Oulun kaupunki', nameSv: p.name.sv, nameEn: p.name.en, language: p.language, businessId: p.businessId ?? '' });
    expect(await readDataVersion(db)).toBeGreaterThan(version);
    expect(await regionPage()).toContain('>Oulun kaupunki<');
    expect(await partyPage()).toContain('<h1>Oulun kaupunki</h1>');
    // …in every language, and from the cache again once rendered.
    expect(await (await v.get(`/en/parties/${oulu}`)).text()).toContain('Oulun kaupunki');
    const hits = stats().hits;
    expect(await partyPage()).toContain('<h1>Oulun kaupunki</h1>');
    expect(stats().hits).toBe(hits + 1);
  });
});

describe('signed-in users', () => {
  it('are never served a cached page, and their pages never enter the cache', async () => {
    const user = new Visitor(app.url);
    expect((await user.signIn(ADMIN, PASSWORD)).status).toBe(302);
    const anon = new Visitor(app.url);
    const anonPage = await anon.get('/');
    await anon.get('/');
    const etag = anonPage.headers.get('etag')!;

    const before = stats();
    const mine = await user.get('/', { 'if-none-match': etag });
    expect(mine.status).toBe(200);
    const html = await mine.text();
    expect(html).toContain(signedInName);
    expect(html).toContain('name="_csrf"');
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    expect(mine.headers.has('etag')).toBe(false);
    // A page nobody anonymous has asked for yet: rendered for the user, not stored.
    expect(await (await user.get('/regions/HVA01')).text()).toContain(signedInName);
    expect(stats()).toMatchObject({ hits: before.hits, stores: before.stores, notModified: before.notModified });

    for (const p of ['/', '/regions/HVA01']) {
      const html = await (await new Visitor(app.url).get(p)).text();
      expect(html).not.toContain(signedInName);
      expect(html).not.toContain('name="_csrf"');
      expect(html).toContain(catalogs.fi.common.signIn);
    }
    expect(stats().hits).toBe(before.hits + 1); // '/' from the cache, '/regions/HVA01' rendered anew
  });

  it('with an expired or unknown session cookie get a fresh render (never the cache)', async () => {
    const v = new Visitor(app.url);
    v.jar.cookies.set('kp_session', 'no-such-session-0123456789');
    await new Visitor(app.url).get('/regions/HVA02');
    const before = stats();
    const res = await v.get('/regions/HVA02');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(stats().hits).toBe(before.hits);
  });
});

describe('cookies and CSRF tokens', () => {
  it('a cached page hands out no cookie; the sign-in form page does, with a token bound to that visitor', async () => {
    const v = new Visitor(app.url);
    const front = await v.get('/');
    expect(front.headers.getSetCookie()).toEqual([]);
    const signIn = await v.get('/sign-in');
    expect(signIn.headers.getSetCookie().some((c) => c.startsWith('kp_anon='))).toBe(true);
    expect(signIn.headers.get('cache-control')).toBe('private, no-store');
  });

  it('forms’ CSRF tokens are never shared between visitors', async () => {
    const a = new Visitor(app.url);
    const b = new Visitor(app.url);
    const tokenA = csrfOf(await (await a.get('/sign-in')).text())!;
    const tokenB = csrfOf(await (await b.get('/sign-in')).text())!;
    expect(tokenA).toBeTruthy();
    expect(tokenB).toBeTruthy();
    expect(tokenA).not.toBe(tokenB);
    // A's token does not work with B's cookie; B's own does (the sign-in then fails only on the password).
    expect((await b.post('/sign-in', { _csrf: tokenA, email: ADMIN, password: 'väärä-salasana-123' })).status).toBe(403);
    expect((await b.post('/sign-in', { _csrf: tokenB, email: ADMIN, password: 'väärä-salasana-123' })).status).toBe(401);
    // The same visitor keeps the same token on the next visit.
    expect(csrfOf(await (await a.get('/sign-in')).text())).toBe(tokenA);
  });
});

/**
 * The server's own checks, behind the routes' promise (src/web/public-page.ts): a page that sets a cookie
 * or carries the visitor's CSRF token is not cached even when its route opts in.
 */
describe('pages that opt in but are personal after all', () => {
  let server: http.Server;
  let url: string;
  let cache: PageCache;
  let renders = 0;

  beforeAll(async () => {
    cache = new PageCache(1024 * 1024, versionSource(db), () => helsinkiDate(clock.now()));
    const services: AppServices = {
      db,
      clock,
      log: silentLogger,
      config: { ...app.config },
      extras: {},
      dataVersion: () => cache.version(),
    };
    const render: Renderer = async (request, context) => {
      renders++;
      const path = new URL(request.url).pathname;
      const headers = new Headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store', [PUBLIC_PAGE_HEADER]: '1' });
      if (path === '/sets-cookie') headers.append('set-cookie', 'kp_flash=saved; Path=/; HttpOnly');
      const form = path === '/with-form' ? `<form method="post"><input type="hidden" name="_csrf" value="${context.csrfToken}"></form>` : '';
      return new Response(`<!DOCTYPE html><html><body><h1>${path}</h1>${form}</body></html>`, { status: 200, headers });
    };
    const ex = express();
    ex.use((_req, res, next) => {
      res.locals.requestId = `req-${renders}`;
      next();
    });
    ex.all('/{*splat}', createPageHandler({ services, render, cache }));
    server = http.createServer(cache.frontDoor(ex, { log: silentLogger, trustProxy: false }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('keeps an opted-in page without cookies or tokens (the control case)', async () => {
    const start = renders;
    await new Visitor(url).get('/plain');
    const res = await new Visitor(url).get('/plain');
    expect(await res.text()).toContain('<h1>/plain</h1>');
    expect(renders).toBe(start + 1);
    expect(res.headers.has(PUBLIC_PAGE_HEADER)).toBe(false);
  });

  it('does not cache a response that sets a cookie, and the cookie reaches every visitor', async () => {
    const start = renders;
    const stores = cache.stats().stores;
    for (let i = 0; i < 2; i++) {
      const res = await new Visitor(url).get('/sets-cookie');
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie().some((c) => c.startsWith('kp_flash=saved'))).toBe(true);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
    }
    expect(renders).toBe(start + 2);
    expect(cache.stats().stores).toBe(stores);
  });

  it('does not cache a page that carries the visitor’s CSRF token; each visitor gets their own, with its cookie', async () => {
    const a = new Visitor(url);
    const b = new Visitor(url);
    const resA = await a.get('/with-form');
    const resB = await b.get('/with-form');
    const tokenA = csrfOf(await resA.text());
    const tokenB = csrfOf(await resB.text());
    expect(tokenA).toBeTruthy();
    expect(tokenB).toBeTruthy();
    expect(tokenA).not.toBe(tokenB);
    expect(a.jar.cookies.get('kp_anon')).toBeTruthy();
    expect(b.jar.cookies.get('kp_anon')).toBeTruthy();
    expect(a.jar.cookies.get('kp_anon')).not.toBe(b.jar.cookies.get('kp_anon'));
    expect(cache.stats().entries).toBe(1); // only /plain
  });
});

/**
 * Pages that depend on today's date (src/web/public-page.ts `dailyPublicPageHeaders`): the agreement page
 * says whether the comment deadline has passed, so a page cached on the deadline day must not be served
 * the day after, although no data changed.
 */
describe('daily pages', () => {
  it('an agreement page cached on the deadline day is rendered anew after midnight (Helsinki)', async () => {
    const clock = testClock();
    const daily = await startTestApp(db, { clock });
    try {
      const ctx = { ...testCtx(db), clock };
      const today = helsinkiDate(clock.now());
      const a = await createAgreement(ctx, 'HVA19', { titleFi: 'Välimuistin päiväsopimus', validFrom: '2027-01-01', partyIds: [oulu, await partyIdByCode(db, 'HVA19')], sectionKeys: ['principles'] });
      await publishVersion(ctx, a.id, { label: 'Lausunnolle' });
      await openCommentRound(ctx, a.id, { versionNumber: 1, deadline: today });
      const page = async () => (await new Visitor(daily.url).get(`/agreements/${a.id}`)).text();
      const hits = () => daily.pageCache!.stats().hits;

      const first = await page();
      expect(first).toContain('Välimuistin päiväsopimus');
      expect(first).not.toContain('lausuntoaika päättyi');
      const before = hits();
      expect(await page()).toBe(first);
      expect(hits()).toBe(before + 1);

      clock.advance(24 * 60 * 60 * 1000);
      const nextDay = await page();
      expect(hits()).toBe(before + 1);
      expect(nextDay).toContain('lausuntoaika päättyi');
      // …and that page is cached in its turn.
      expect(await page()).toBe(nextDay);
      expect(hits()).toBe(before + 2);
    } finally {
      await daily.close();
    }
  });
});
