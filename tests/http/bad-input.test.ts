import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { createAgreement, openCommentRound, publishVersion } from '#modules/agreements/index.ts';
import { mapDatabaseError, type Db } from '#platform/db/db.ts';
import { catalogs } from '#i18n/index.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';
import { rawRequest } from '../support/raw-http.ts';

/**
 * Issue 8 finding 6: input the product cannot use is the client's fault (4xx), never a 500 — a NUL byte in a
 * query or a form, a number beyond PostgreSQL's integer, a body that is not a form.
 */
const clock = testClock();
const PASSWORD = 'bad-input-password-1';
const ADMIN = 'bad-input-admin@test.invalid';
let db: Db;
let app: TestApp;
let agreementId: string;

beforeAll(async () => {
  db = await createTestDb();
  const sys = testCtx(db, undefined, clock);
  const [county, kempele] = await Promise.all(['HVA19', '244'].map((c) => partyIdByCode(db, c)));
  agreementId = (
    await createAgreement(sys, 'HVA19', { validFrom: '2027-01-01', coordinatingPartyId: county!, partyIds: [county!, kempele!], sectionKeys: ['principles'], titleFi: 'Julkinen' })
  ).id;
  await publishVersion(sys, agreementId, { label: 'Lausunnolle' });
  await openCommentRound(sys, agreementId, { versionNumber: 1, deadline: '2099-01-31' });
  await createUser(sys, { email: ADMIN, displayName: 'Alustan ylläpitäjä', password: PASSWORD, memberships: [], isPlatformAdmin: true });
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('a NUL byte in a query', () => {
  it('is refused with a 400 problem in the API and a translated 400 page', async () => {
    for (const path of ['/api/v1/parties?q=x%00y', '/api/v1/open-data/indicator-values?indicator=x%00y', '/api/v1/regions/%00/agreements']) {
      const res = await fetch(app.url + path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
      expect(((await res.json()) as { code: string }).code, path).toBe('validation.invalid_input');
    }
    const en = await fetch(`${app.url}/en/parties?q=%00`);
    expect(en.status).toBe(400);
    expect(await en.text()).toContain(catalogs.en.errors['validation.invalid_input']);
    const admin = new Visitor(app.url);
    expect((await admin.signIn(ADMIN, PASSWORD)).status).toBe(302);
    expect((await admin.get('/audit?actor=a%00b')).status).toBe(400);
    const api = await admin.get('/api/v1/audit?actor=a%00b');
    expect(api.status).toBe(400);
  });

  it('in a posted form is a 400 with the form, not a 500', async () => {
    const v = new Visitor(app.url);
    const csrf = await v.csrf('/accessibility');
    const res = await v.post('/accessibility', { _csrf: csrf, name: 'Maija\u0000', email: 'maija@example.fi', pageUrl: '/parties', message: 'Otsikot\u0000 puuttuvat.' });
    expect(res.status).toBe(400);
  });
});

describe('numbers beyond a 32-bit integer', () => {
  it('a version number the database cannot hold is not found (API and pages)', async () => {
    const ok = await fetch(`${app.url}/api/v1/agreements/${agreementId}/versions/1`);
    expect(ok.status).toBe(200);
    for (const n of ['2147483648', '99999999999999999999', '1e300']) {
      const api = await fetch(`${app.url}/api/v1/agreements/${agreementId}/versions/${n}`);
      expect(api.status, n).toBeGreaterThanOrEqual(400);
      expect(api.status, n).toBeLessThan(500);
      for (const page of [`/agreements/${agreementId}/versions/${n}`, `/en/agreements/${agreementId}/versions/${n}/export.pdf`, `/agreements/${agreementId}/diff?from=1&to=${n}`]) {
        const res = await fetch(app.url + page);
        expect(res.status, page).toBeGreaterThanOrEqual(400);
        expect(res.status, page).toBeLessThan(500);
      }
    }
    const offset = await fetch(`${app.url}/api/v1/parties?offset=99999999999999999999`);
    expect(offset.status).toBe(400);
  });
});

describe('a body that is not a form, on every page form', () => {
  it('JSON, multipart without a boundary and broken multipart get 400/415 with a translated page, never a 5xx', async () => {
    // Every route module with an action, in every language (src/web/routes.ts); ids are made up (the body is refused first).
    const buildFile = new URL('../../build/server/index.js', import.meta.url).href;
    const build = (await import(buildFile)) as { routes: Record<string, { id: string; path?: string; module: { action?: unknown } }> };
    const id = '00000000-0000-4000-8000-000000000000';
    const all = Object.values(build.routes).filter((r) => r.module.action && /^(fi|sv|en):/.test(r.id));
    expect(all.length).toBeGreaterThanOrEqual(26 * 3);
    // Each route module once, the languages in turn (the three URLs of a module run the same action).
    const files = [...new Set(all.map((r) => r.id.slice(3)))].sort();
    const langs = ['fi', 'sv', 'en'];
    const forms = files.map((f, i) => all.find((r) => r.id === `${langs[i % 3]}:${f}`)!);
    for (const must of ['routes/sign-in.tsx', 'routes/accessibility.tsx']) expect(files).toContain(must);
    const v = new Visitor(app.url);
    await v.csrf('/sign-in');
    const cookie = v.jar.header();
    const bodies: { name: string; type: string; body: string }[] = [
      { name: 'json', type: 'application/json', body: JSON.stringify({ email: 'a@b.fi', password: 'x' }) },
      { name: 'no boundary', type: 'multipart/form-data', body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n' },
      { name: 'broken multipart', type: 'multipart/form-data; boundary=zzz', body: '--zzz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nabc' },
      { name: 'text', type: 'text/plain', body: 'hello' },
    ];
    for (const r of forms) {
      const lang = r.id.slice(0, 2) as 'fi' | 'sv' | 'en';
      const path = '/' + (r.path ?? '').split('/').filter(Boolean).map((s) => (s.startsWith(':') ? (s === ':code' ? '17' : s === ':number' ? '1' : id) : s)).join('/');
      for (const b of bodies) {
        const res = await rawRequest(app.url, 'POST', path, { cookie, 'content-type': b.type }, b.body);
        expect(res.status, `${b.name} → ${path}`).toBeLessThan(500);
        if (r.id.endsWith('routes/sign-in.tsx') || r.id.endsWith('routes/accessibility.tsx')) {
          expect([400, 415], `${b.name} → ${path}`).toContain(res.status);
          expect(res.body, `${b.name} → ${path}`).toContain(`lang="${lang}"`);
        }
      }
    }
  }, 240_000);
});

describe('a database outage', () => {
  it('answers 503 with Retry-After (API problem, translated page), and the same server answers again when the database is back', async () => {
    // The database as the server sees it while PostgreSQL restarts: every statement fails as the drivers'
    // lost connections do, mapped as src/platform/db maps them.
    let down = false;
    const lost = () => mapDatabaseError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    const flaky = new Proxy(db, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (typeof v !== 'function' || !['query', 'exec', 'transaction', 'copyFrom', 'copyTo'].includes(String(prop))) return v;
        return (...args: unknown[]) => (down ? Promise.reject(lost()) : (v as (...a: unknown[]) => unknown).apply(target, args));
      },
    });
    const outage = await startTestApp(flaky, { clock, config: { pageCacheBytes: 0 } });
    try {
      expect((await fetch(`${outage.url}/api/v1/parties`)).status).toBe(200);
      down = true;
      const api = await fetch(`${outage.url}/api/v1/parties?lang=en`);
      expect(api.status).toBe(503);
      expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await api.json()).toMatchObject({ status: 503, code: 'service.unavailable', detail: catalogs.en.errors['service.unavailable'] });
      for (const [path, lang] of [['/parties', 'fi'], ['/sv/regions/17', 'sv'], ['/en/parties', 'en']] as const) {
        const page = await fetch(outage.url + path);
        expect(page.status, path).toBe(503);
        expect(Number(page.headers.get('retry-after')), path).toBeGreaterThan(0);
        const html = await page.text();
        expect(html, path).toContain(`lang="${lang}"`);
        expect(html, path).toContain(catalogs[lang].errors['service.unavailable']);
      }
      down = false;
      expect((await fetch(`${outage.url}/parties`)).status).toBe(200);
    } finally {
      await outage.close();
    }
  });
});
