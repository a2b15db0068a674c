import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#platform/db/db.ts';
import { translateIssue } from '#i18n/index.ts';
import { createTestDb, testClock } from '../support/db.ts';
import { startTestApp, type TestApp } from '../support/http.ts';
import { rawRequest } from '../support/raw-http.ts';

/**
 * Issue 8 finding 8 (its small items): the API answers what its OpenAPI says — problems (400, 404, 500) have
 * only the documented fields, a number's maximum is not "characters", `lang` is one of fi/sv/en, TRACE is 405.
 */
const clock = testClock();
let db: Db;
let app: TestApp;
let problemSchema: { properties: Record<string, { items?: { properties: Record<string, unknown> } }>; required: string[] };

beforeAll(async () => {
  db = await createTestDb();
  app = await startTestApp(db, { clock });
  const doc = (await (await fetch(`${app.url}/api/v1/openapi.json`)).json()) as { components: { schemas: Record<string, typeof problemSchema> } };
  problemSchema = doc.components.schemas.Problem!;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** The body has the documented problem fields and no others (the schema's objects are closed). */
function expectDocumentedProblem(body: Record<string, unknown>, label: string) {
  for (const k of problemSchema.required) expect(body, `${label}: ${k}`).toHaveProperty(k);
  for (const k of Object.keys(body)) expect(Object.keys(problemSchema.properties), `${label}: ${k} is documented`).toContain(k);
  const itemProps = Object.keys(problemSchema.properties.errors!.items!.properties);
  for (const item of body.errors as Record<string, unknown>[]) for (const k of Object.keys(item)) expect(itemProps, `${label}: errors[].${k} is documented`).toContain(k);
}

describe('problems as documented', () => {
  it('a 400 with issue params, a 404: only documented fields; a number’s maximum is a value, not characters', async () => {
    const res = await fetch(`${app.url}/api/v1/parties?limit=100000&lang=en`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string; code: string; message: string; params?: Record<string, number> }[] };
    expectDocumentedProblem(body as never, '400');
    const limit = body.errors.find((e) => e.field === 'limit')!;
    expect(limit).toMatchObject({ code: 'too_big_number', params: { max: expect.any(Number) } });
    expect(limit.message).toBe(translateIssue('en', 'too_big_number', limit.params));
    expect(limit.message).not.toContain('characters');
    const notFound = await fetch(`${app.url}/api/v1/parties/00000000-0000-4000-8000-000000000000`);
    expect(notFound.status).toBe(404);
    expectDocumentedProblem((await notFound.json()) as never, '404');
  });

  it('a 500 is a problem with the documented fields and the request id', async () => {
    const broken = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'query') return () => Promise.reject(new Error('simulated bug'));
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const failing = await startTestApp(broken, { clock, config: { pageCacheBytes: 0 } });
    try {
      const res = await fetch(`${failing.url}/api/v1/regions`, { headers: { 'x-request-id': 'contract-500' } });
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as Record<string, unknown>;
      expectDocumentedProblem(body, '500');
      expect(body).toMatchObject({ status: 500, code: 'internal', requestId: 'contract-500' });
      expect(JSON.stringify(body)).not.toContain('simulated bug');
    } finally {
      await failing.close();
    }
  });
});

describe('what the API accepts', () => {
  it('documents the ranges and patterns it enforces: every integer parameter has its minimum, the parties search its rules', async () => {
    const doc = (await (await fetch(`${app.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters: { name: string; schema: { type?: string; minimum?: number; maximum?: number; pattern?: string; maxLength?: number } }[] }>>;
    };
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, o] of Object.entries(methods))
        for (const p of o.parameters)
          if (p.schema.type === 'integer') expect(p.schema.minimum, `${method} ${path} ${p.name}`).toBeGreaterThan(Number.MIN_SAFE_INTEGER);
    const params = Object.fromEntries(doc.paths['/parties']!.get!.parameters.map((p) => [p.name, p.schema]));
    expect(params.limit).toMatchObject({ minimum: 1, maximum: 500 });
    expect(params.offset).toMatchObject({ minimum: 0 });
    expect(params.region?.pattern).toBeDefined();
    expect(params.county?.pattern).toBeDefined();
    expect(params.q?.maxLength).toBe(100);
  });

  it('refuses a lang other than fi, sv or en, naming it', async () => {
    expect((await fetch(`${app.url}/api/v1/regions?lang=sv`)).status).toBe(200);
    const res = await fetch(`${app.url}/api/v1/regions?lang=de`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string; code: string }[] }).errors).toEqual([expect.objectContaining({ field: 'lang', code: 'invalid_choice' })]);
  });

  it('answers TRACE with 405 and Allow, in the API and on pages', async () => {
    const api = await rawRequest(app.url, 'TRACE', '/api/v1/regions');
    expect(api.status).toBe(405);
    expect(api.headers.allow).toContain('GET');
    expect(JSON.parse(api.body)).toMatchObject({ status: 405, code: 'http.method_not_allowed' });
    const page = await rawRequest(app.url, 'TRACE', '/en/parties');
    expect(page.status).toBe(405);
    expect(page.body).toContain('lang="en"');
  });
});
