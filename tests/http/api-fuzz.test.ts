import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signInWithPassword } from '#modules/accounts/index.ts';
import { createAgreement, openCommentRound, publishVersion } from '#modules/agreements/index.ts';
import { createApiToken } from '#modules/tokens/index.ts';
import type { Db } from '#platform/db/db.ts';
import { operations } from '../../src/web/api/router.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, type TestApp } from '../support/http.ts';

/**
 * Issue 8 finding 8: a schema-driven fuzz of every operation. Requests are generated from the published
 * OpenAPI document (each parameter's and body field's schema: values inside and just outside their ranges,
 * garbage, a NUL, real ids of this database), as the public and as a platform administrator. No answer may be
 * a 5xx, each status must be among the operation's documented responses, a success must match the operation's
 * response schema and a problem the Problem schema. Seeded: a failure names the seed and the request.
 */
const clock = testClock();
const PASSWORD = 'api-fuzz-password-1';
const ROUNDS = Number(process.env.API_FUZZ_ROUNDS ?? 6);
const SEED = Number(process.env.API_FUZZ_SEED ?? 20261207);

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
interface OaOperation {
  operationId: string;
  parameters?: { name: string; in: 'path' | 'query'; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
  security?: unknown[];
}
type OaDoc = { paths: Record<string, Record<string, OaOperation>>; components: { schemas: Record<string, Schema> } };

let db: Db;
let app: TestApp;
let doc: OaDoc;
let admin: { cookie: string; csrf: string };
/** Real ids and codes of this database, fed into the generated requests. */
let ids: string[];
const CODES = ['HVA19', 'HVA01', '17', '564', 'FI'];

beforeAll(async () => {
  db = await createTestDb();
  const sys = testCtx(db, undefined, clock);
  const [county, oulu, kempele] = await Promise.all(['HVA19', '564', '244'].map((c) => partyIdByCode(db, c)));
  const agreement = await createAgreement(sys, 'HVA19', { validFrom: '2027-01-01', coordinatingPartyId: county!, partyIds: [county!, oulu!, kempele!], sectionKeys: ['principles'], titleFi: 'Fuzz' });
  await publishVersion(sys, agreement.id, { label: 'Lausunnolle' });
  await openCommentRound(sys, agreement.id, { versionNumber: 1, deadline: '2099-01-31' });
  const token = await createApiToken(sys, kempele!, { name: 'Fuzz', role: 'editor' });
  await createUser(sys, { email: 'fuzz-admin@test.invalid', displayName: 'Fuzz', password: PASSWORD, isPlatformAdmin: true });
  const s = await signInWithPassword(sys, { email: 'fuzz-admin@test.invalid', password: PASSWORD }, 1);
  admin = { cookie: `kp_session=${s.token}`, csrf: s.csrfToken };
  ids = [county!, oulu!, kempele!, agreement.id, token.token.id, '00000000-0000-4000-8000-000000000000'];
  app = await startTestApp(db, { clock });
  doc = (await (await fetch(`${app.url}/api/v1/openapi.json`)).json()) as OaDoc;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** mulberry32: small, seeded, the same sequence on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const GARBAGE = ['', ' ', 'x\u0000y', '%00', '../..', 'ä'.repeat(3), '<script>', "'; DROP TABLE party; --", '1e309', '-1', 'null', '💥'];

function resolve(s: Schema): Schema {
  if (s.$ref) return resolve(doc.components.schemas[s.$ref.split('/').pop()!] ?? {});
  if (s.allOf) return s.allOf.map(resolve).reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties } }), {});
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return resolve(alt.find((x) => x.type !== 'null') ?? alt[0]!);
  return s;
}

/** A value for a parameter or field of schema `s`: mostly plausible, sometimes just outside, sometimes garbage. */
function value(rng: Rng, raw: Schema, depth = 0): unknown {
  const s = resolve(raw);
  if (rng.chance(0.15)) return rng.pick(GARBAGE);
  if (s.enum) return rng.chance(0.9) ? rng.pick(s.enum) : 'not-in-enum';
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'integer':
    case 'number': {
      const min = s.minimum ?? -1000;
      const max = s.maximum ?? 1000;
      return rng.pick([min, max, min - 1, max + 1, Math.floor((min + max) / 2), 0, 1, 2 ** 31, 1e20, 1.5, -0]);
    }
    case 'boolean':
      return rng.pick([true, false, 'true', 'maybe']);
    case 'array':
      return depth > 2 ? [] : Array.from({ length: rng.pick([0, 1, 2]) }, () => value(rng, s.items ?? {}, depth + 1));
    case 'object': {
      if (depth > 2) return {};
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) if ((s.required ?? []).includes(k) ? rng.chance(0.95) : rng.chance(0.5)) out[k] = value(rng, p, depth + 1);
      return out;
    }
    default: {
      if (s.format === 'uuid') return rng.pick(ids);
      if (s.format === 'date') return rng.pick(['2026-11-23', '2027-02-30', '2099-01-01', '1899-12-31']);
      if (s.format === 'date-time') return rng.pick(['2026-11-23T08:00:00Z', '2026-13-01T00:00:00Z']);
      if (s.pattern) return rng.pick([...CODES, ...ids]);
      const len = s.maxLength !== undefined && rng.chance(0.2) ? s.maxLength + 1 : rng.pick([1, 5, 20]);
      return 'Fuzz ä'.repeat(Math.ceil(len / 6)).slice(0, len);
    }
  }
}

/** A request for one operation; `force` sets one parameter to the given value (the systematic edge cases). */
function request(rng: Rng, path: string, o: OaOperation, force?: { name: string; value: string }) {
  let url = path;
  const query = new URLSearchParams();
  for (const p of o.parameters ?? []) {
    if (force?.name === p.name) {
      if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(force.value) || 'x');
      else query.set(p.name, force.value);
    } else if (p.in === 'path') {
      // With a forced parameter the others are plausible (or left out), so that the forced value is what is tried.
      const v = force || rng.chance(0.85) ? (resolve(p.schema).format === 'uuid' ? rng.pick(ids) : resolve(p.schema).pattern ? rng.pick(CODES) : value(rng, p.schema)) : rng.pick(GARBAGE);
      url = url.replace(`{${p.name}}`, encodeURIComponent(String(v)) || 'x');
    } else if (p.required || (!force && rng.chance(0.5))) query.set(p.name, String(value(rng, p.schema)));
  }
  const json = o.requestBody?.content['application/json']?.schema;
  const body = json ? (rng.chance(0.1) ? rng.pick([[], 'text', null, 42]) : value(rng, json)) : undefined;
  return { url: `/api/v1${url}${query.size ? `?${query}` : ''}`, body };
}

function expectProblem(body: Record<string, unknown>, label: string) {
  const schema = resolve({ $ref: '#/components/schemas/Problem' });
  for (const k of schema.required ?? []) expect(body, `${label}: problem field ${k}`).toHaveProperty(k);
  for (const k of Object.keys(body)) expect(Object.keys(schema.properties ?? {}), `${label}: ${k} is documented`).toContain(k);
}

describe('schema-driven fuzz of every operation', () => {
  it(`no 5xx, only documented statuses, bodies as documented (${ROUNDS} rounds, seed ${SEED})`, async () => {
    const rng = prng(SEED);
    const zodById = new Map(operations.map((o) => [o.operationId, o]));
    let requests = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, o] of Object.entries(methods)) {
        // Every parameter once with each edge value (as the administrator, who gets past authentication), then random rounds.
        const edges = (o.parameters ?? []).flatMap((p) => [...GARBAGE, '2147483648', '99999999999999999999'].map((v) => ({ name: p.name, value: v })));
        const plan = [...edges.map((force) => ({ force, who: 'admin' as const })), ...Array.from({ length: ROUNDS }, () => (['public', 'admin'] as const).map((who) => ({ force: undefined, who }))).flat()];
        for (const { force, who } of plan) {
          {
            const { url, body } = request(rng, path, o, force);
            const headers: Record<string, string> = who === 'admin' ? { cookie: admin.cookie, 'x-csrf-token': admin.csrf } : {};
            if (body !== undefined) headers['content-type'] = 'application/json';
            const res = await fetch(app.url + url, { method: method.toUpperCase(), headers, body: body === undefined ? undefined : JSON.stringify(body) });
            requests++;
            const label = `${method.toUpperCase()} ${url} as ${who}${body === undefined ? '' : ` with ${JSON.stringify(body).slice(0, 300)}`} (seed ${SEED})`;
            const text = await res.text();
            expect(res.status, `${label} → ${text.slice(0, 300)}`).toBeLessThan(500);
            expect(Object.keys(o.responses), `${label}: ${res.status} is documented`).toContain(String(res.status));
            const type = res.headers.get('content-type') ?? '';
            if (type.includes('application/problem+json')) expectProblem(JSON.parse(text) as Record<string, unknown>, label);
            else if (res.status < 300 && type.includes('application/json')) {
              const parsed = zodById.get(o.operationId)!.response.safeParse(JSON.parse(text));
              expect(parsed.success, `${label}: response matches its schema: ${parsed.error?.message.slice(0, 500)}`).toBe(true);
            }
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(operations.length * ROUNDS);
  }, 300_000);
});
