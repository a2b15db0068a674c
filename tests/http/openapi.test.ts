import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signInWithPassword } from '#modules/accounts/index.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, type TestApp } from '../support/http.ts';

/** One clock for the use cases this file calls and the server it starts. */
const clock = testClock();

/**
 * The published API description (/api/v1/openapi.json) passes Redocly's strict lint, and it tells the truth
 * about errors: for every operation, bad input gives a 400 problem+json that names the parameter or body
 * field, and that status (like 401/403/404) is among the operation's documented responses.
 */

interface OaParameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: { type?: string | string[]; format?: string; enum?: unknown[]; pattern?: string; maxLength?: number; minimum?: number };
}
interface OaOperation {
  operationId: string;
  parameters?: OaParameter[];
  requestBody?: { content: Record<string, { schema: { $ref?: string; required?: string[] } }> };
  responses: Record<string, unknown>;
  security?: unknown[];
}
type OaDoc = { paths: Record<string, Record<string, OaOperation>>; components: { schemas: Record<string, { required?: string[] }> } };

const PASSWORD = 'openapi-test-password-1';
let db: Db;
let app: TestApp;
let doc: OaDoc;
/** Signed-in platform administrator: every operation gets past authentication to input checking. */
let admin: { cookie: string; csrf: string };
/** Signed-in administrator of Kempele only. */
let partyAdmin: { cookie: string; csrf: string };
let kempele: string;
let oulu: string;

beforeAll(async () => {
  db = await createTestDb();
  kempele = await partyIdByCode(db, '244');
  oulu = await partyIdByCode(db, '564');
  app = await startTestApp(db, { clock });
  const signIn = async (email: string, opts: { isPlatformAdmin?: boolean; memberships?: { partyId: string; role: 'admin' }[] }) => {
    await createUser(testCtx(db), { email, displayName: email, password: PASSWORD, ...opts });
    const s = await signInWithPassword(testCtx(db), { email, password: PASSWORD }, 1);
    return { cookie: `kp_session=${s.token}`, csrf: s.csrfToken };
  };
  admin = await signIn('openapi-admin@test.invalid', { isPlatformAdmin: true });
  partyAdmin = await signIn('openapi-kempele@test.invalid', { memberships: [{ partyId: kempele, role: 'admin' }] });
  const res = await fetch(`${app.url}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as OaDoc;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

async function call(method: string, path: string, opts: { as?: { cookie: string; csrf: string }; body?: string } = {}) {
  const res = await fetch(`${app.url}/api/v1${path}`, {
    method: method.toUpperCase(),
    headers: {
      ...(opts.as ? { cookie: opts.as.cookie, 'x-csrf-token': opts.as.csrf } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: opts.body,
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? ((await res.json()) as { errors?: { field: string; code: string }[]; code?: string }) : undefined;
  return { status: res.status, type, body };
}

/** A value the parameter's schema refuses, or undefined when any text is acceptable. */
function badValue(p: OaParameter): string | undefined {
  const s = p.schema;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (s.format === 'uuid') return 'not-a-uuid';
  if (s.format === 'date') return '2026-13-45';
  if (s.enum) return '__not_one_of_them__';
  if (types.includes('integer') || types.includes('number')) return 'abc';
  if (s.pattern) return '!!!';
  if (s.maxLength !== undefined) return 'x'.repeat(s.maxLength + 1);
  return undefined;
}

const fillPath = (path: string, params: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(params[n] ?? (n === 'code' ? 'HVA19' : kempele)));

describe('OpenAPI document', () => {
  it('passes Redocly lint (recommended-strict plus description, problem-details and schema rules) with no problems', async () => {
    const config = await createConfig({
      extends: ['recommended-strict'],
      rules: {
        'operation-description': 'error',
        'parameter-description': 'error',
        'tag-description': 'error',
        'operation-4xx-problem-details-rfc7807': 'error',
        'info-license-strict': 'error',
        'no-ambiguous-paths': 'error',
        'no-invalid-schema-examples': 'error',
        'no-invalid-parameter-examples': 'error',
        'no-unused-components': 'error',
        'operation-singular-tag': 'error',
        'component-name-unique': 'error',
        'array-parameter-serialization': 'error',
        'no-required-schema-properties-undefined': 'error',
        'no-enum-type-mismatch': 'error',
        'no-schema-type-mismatch': 'error',
        'spec-strict-refs': 'error',
      },
    });
    const problems = await lintFromString({ source: JSON.stringify(doc, null, 2), absoluteRef: `${app.url}/api/v1/openapi.json`, config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`)).toEqual([]);
  });

  it('names this installation as the server', () => {
    expect((doc as unknown as { servers: { url: string }[] }).servers).toEqual([expect.objectContaining({ url: `${app.url}/api/v1` })]);
  });
});

describe('documented responses match what the API does with bad input', () => {
  it('every parameter with a checkable format gives 400 problem+json naming it, and 400 is documented', async () => {
    const tried: string[] = [];
    for (const { path, method, op } of operations()) {
      for (const p of op.parameters ?? []) {
        if (p.name === 'lang') continue; // an unknown language falls back to Finnish by design
        const bad = badValue(p);
        if (bad === undefined) continue;
        const url = p.in === 'path' ? fillPath(path, { [p.name]: bad }) : `${fillPath(path, {})}?${new URLSearchParams({ [p.name]: bad })}`;
        const res = await call(method, url, { as: admin, body: op.requestBody ? '{}' : undefined });
        const where = `${method.toUpperCase()} ${url} (${op.operationId})`;
        expect(res.status, where).toBe(400);
        expect(res.type, where).toContain('application/problem+json');
        expect(res.body?.errors?.map((e) => e.field), where).toContain(p.name);
        expect(Object.keys(op.responses), where).toContain('400');
        tried.push(`${op.operationId}.${p.name}`);
      }
    }
    // The walk really covered the operations (a broken walk must not pass quietly).
    expect(tried).toEqual(expect.arrayContaining(['getParty.id', 'listParties.type', 'listParties.limit', 'listAuditEvents.party', 'listAuditEvents.from', 'listAuditEvents.limit']));
  });

  it('every operation with a request body refuses an empty body (naming the required fields) and broken JSON', async () => {
    let bodies = 0;
    for (const { path, method, op } of operations()) {
      if (!op.requestBody) continue;
      bodies++;
      const schema = op.requestBody.content['application/json']!.schema;
      const required = schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!]?.required ?? [] : schema.required ?? [];
      const url = fillPath(path, {});
      const empty = await call(method, url, { as: admin, body: '{}' });
      expect(empty.status, `${op.operationId} {}`).toBe(400);
      expect(empty.type).toContain('application/problem+json');
      for (const field of required) expect(empty.body?.errors?.map((e) => e.field), `${op.operationId} names ${field}`).toContain(field);
      const broken = await call(method, url, { as: admin, body: '{"name": ' });
      expect(broken.status, `${op.operationId} broken JSON`).toBe(400);
      expect(broken.body?.errors?.map((e) => e.field)).toContain('body');
      expect(Object.keys(op.responses)).toContain('400');
    }
    expect(bodies, 'operations with a request body were found').toBeGreaterThan(0);
  });

  it('operations that need credentials answer 401 without them, and document 401', async () => {
    for (const { path, method, op } of operations()) {
      if (!op.security || op.security.length === 0) continue;
      const res = await call(method, fillPath(path, {}), { body: op.requestBody ? '{}' : undefined });
      expect(res.status, op.operationId).toBe(401);
      expect(res.type).toContain('application/problem+json');
      expect(Object.keys(op.responses), op.operationId).toContain('401');
    }
  });

  it('domain refusals are documented too: 404 unknown party, 403 another party’s audit trail, 400 reversed dates', async () => {
    const responses = (path: string, method = 'get') => Object.keys(doc.paths[path]![method]!.responses);
    const missing = await call('get', '/parties/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(responses('/parties/{id}')).toContain('404');
    const foreign = await call('get', `/audit?party=${oulu}`, { as: partyAdmin });
    expect(foreign).toMatchObject({ status: 403, body: { code: 'auth.forbidden' } });
    expect(responses('/audit')).toContain('403');
    const reversed = await call('get', '/audit?from=2026-11-22&to=2026-11-01', { as: partyAdmin });
    expect(reversed.status).toBe(400);
    expect(reversed.body?.errors).toEqual([expect.objectContaining({ field: 'to', code: 'date_range_reversed' })]);
    const own = await call('get', `/audit?party=${kempele}&limit=1`, { as: partyAdmin });
    expect(own.status).toBe(200);
  });
});
