import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, testClock } from '../support/db.ts';
import { startTestApp, type TestApp } from '../support/http.ts';

/** One clock for the use cases this file calls and the server it starts. */
const clock = testClock();

/** The public parties API: lists are { items, total, next }, `next` walks every page, bad input names the field. */
let db: Db;
let app: TestApp;
beforeAll(async () => {
  db = await createTestDb();
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(new URL(path, app.url), { headers });
  return { res, body: (await res.json()) as Record<string, unknown> };
};

describe('GET /api/v1/parties', () => {
  it('pages through a county by following `next` until it is null, seeing every party once', async () => {
    const seen = new Set<string>();
    let path: string | null = '/api/v1/parties?county=HVA19&limit=10';
    let pages = 0;
    while (path) {
      const { res, body } = await get(path);
      expect(res.status).toBe(200);
      expect(body.total).toBe(31);
      for (const p of body.items as { id: string; countyCode: string }[]) {
        expect(p.countyCode).toBe('HVA19');
        seen.add(p.id);
      }
      path = body.next as string | null;
      pages++;
    }
    expect(pages).toBe(4);
    expect(seen.size).toBe(31);
  });

  it('gives party objects with id, type, code, businessId, names, language, regionCode, countyCode', async () => {
    const { body } = await get('/api/v1/parties?q=Oulu&type=municipality');
    const oulu = (body.items as Record<string, unknown>[]).find((p) => p.code === '564');
    expect(oulu).toMatchObject({ type: 'municipality', businessId: '0187690-1', name: { fi: 'Oulu', sv: 'Uleåborg', en: 'Oulu' }, language: 'fi', regionCode: '17', countyCode: 'HVA19' });
    const one = await get(`/api/v1/parties/${oulu!.id as string}`);
    expect(one.body).toMatchObject({ id: oulu!.id, code: '564', bodies: [] });
  });

  it('lists the 22 cooperation regions', async () => {
    const { body } = await get('/api/v1/regions');
    expect(body.total).toBe(22);
    expect(body.next).toBeNull();
  });

  it('answers bad input with a 400 problem naming the field, in the language asked for', async () => {
    const { res, body } = await get('/api/v1/parties?type=kunta', { 'accept-language': 'sv' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(body).toMatchObject({ code: 'validation.invalid_input', errors: [{ field: 'type', code: 'invalid_choice', message: 'Välj ett av alternativen.' }] });
    const missing = await get('/api/v1/parties/not-a-uuid');
    expect(missing.res.status).toBe(400);
    const unknown = await get('/api/v1/parties/00000000-0000-4000-8000-000000000000');
    expect(unknown.res.status).toBe(404);
    expect(unknown.body.code).toBe('parties.not_found');
  });
});
