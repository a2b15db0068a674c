import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { createApiToken } from '#modules/tokens/index.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { catalogs } from '#i18n/index.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** API tokens over HTTP: bearer authentication, scope, revocation and expiry, and the token operations. */
const PASSWORD = 'oikein-hyva-salasana';
let db: Db;
let app: TestApp;
const clock = testClock();
let oulu: string;
let liminka: string;
let admin: Visitor;
let csrf: string;

beforeAll(async () => {
  db = await createTestDb();
  oulu = await partyIdByCode(db, '564');
  liminka = await partyIdByCode(db, '425');
  await createUser(testCtx(db), { email: 'admin@ouka.fi', displayName: 'Olli Oulu', password: PASSWORD, memberships: [{ partyId: oulu, role: 'admin' }] });
  app = await startTestApp(db, { clock });
  admin = new Visitor(app.url);
  await admin.signIn('admin@ouka.fi', PASSWORD);
  csrf = await admin.csrf('/');
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const api = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => new Visitor(app.url).json(method, `/api/v1${path}`, body, headers);

async function createViaApi(name: string, role: string, partyId = oulu) {
  const res = await admin.json('POST', `/api/v1/parties/${partyId}/tokens`, { name, role }, { 'x-csrf-token': csrf });
  return { res, body: (await res.json()) as { token: { id: string; prefix: string; role: string; status: string }; secret: string } };
}

describe('bearer authentication', () => {
  it('an unknown token gets 401 problem+json with a message in the language asked for', async () => {
    const fake = 'kp_0123abcd_' + 'x'.repeat(43);
    const fi = await api('GET', `/parties/${oulu}`, bearer(fake));
    expect(fi.status).toBe(401);
    expect(fi.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await fi.json()).toMatchObject({ status: 401, code: 'auth.invalid_token', detail: catalogs.fi.errors['auth.invalid_token'] });
    const en = await api('GET', `/parties/${oulu}?lang=en`, bearer(fake));
    expect(await en.json()).toMatchObject({ code: 'auth.invalid_token', detail: catalogs.en.errors['auth.invalid_token'] });
    const sv = await api('GET', `/parties/${oulu}`, { ...bearer('garbage'), 'accept-language': 'sv-FI,sv;q=0.9' });
    expect(sv.status).toBe(401);
    expect(await sv.json()).toMatchObject({ detail: catalogs.sv.errors['auth.invalid_token'] });
  });

  it('a valid token is accepted and its use recorded', async () => {
    const { res, body } = await createViaApi('Raportointi', 'viewer');
    expect(res.status).toBe(201);
    expect(body.secret).toMatch(/^kp_[0-9a-f]{8}_/);
    const ok = await api('GET', `/parties/${oulu}`, bearer(body.secret));
    expect(ok.status).toBe(200);
    const row = await db.query<{ last_used_at: Date | null }>('SELECT last_used_at FROM api_token WHERE id = $1', [body.token.id]);
    expect(row[0]!.last_used_at).not.toBeNull();
  });
});

describe('scope', () => {
  it('an editor token of Oulu can act neither for Liminka nor as Oulu’s administrator', async () => {
    const { body } = await createViaApi('Muokkaaja', 'editor');
    expect(body.token.role).toBe('editor');
    for (const party of [oulu, liminka]) {
      const list = await api('GET', `/parties/${party}/tokens`, bearer(body.secret));
      expect(list.status).toBe(403);
      expect(await list.json()).toMatchObject({ code: 'auth.forbidden' });
      const create = await api('POST', `/parties/${party}/tokens`, bearer(body.secret), { name: 'More power', role: 'admin' });
      expect(create.status).toBe(403);
    }
    // The party administrator cannot create tokens for another party either.
    expect((await createViaApi('Liminka', 'viewer', liminka)).res.status).toBe(403);
  });

  it('a session-authenticated write needs the X-CSRF-Token header', async () => {
    const res = await admin.json('POST', `/api/v1/parties/${oulu}/tokens`, { name: 'No CSRF', role: 'viewer' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'auth.csrf_failed' });
  });
});

describe('listing, revoking and expiry', () => {
  it('lists the party’s tokens without any secret, and a revoked token is refused at once', async () => {
    const { body } = await createViaApi('Poistuva', 'viewer');
    const list = await admin.json('GET', `/api/v1/parties/${oulu}/tokens`);
    const text = await list.text();
    expect(list.status).toBe(200);
    expect(text).not.toContain(body.secret.slice(12));
    const items = (JSON.parse(text) as { items: { id: string; prefix: string; status: string }[] }).items;
    expect(items.find((t) => t.id === body.token.id)).toMatchObject({ prefix: body.token.prefix, status: 'active' });

    expect((await api('GET', `/parties/${oulu}`, bearer(body.secret))).status).toBe(200);
    expect((await admin.json('DELETE', `/api/v1/tokens/${body.token.id}`, undefined, { 'x-csrf-token': csrf })).status).toBe(204);
    const after = await api('GET', `/parties/${oulu}`, bearer(body.secret));
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'auth.invalid_token' });
    const again = await admin.json('GET', `/api/v1/parties/${oulu}/tokens`);
    expect(((await again.json()) as { items: { id: string; status: string }[] }).items.find((t) => t.id === body.token.id)?.status).toBe('revoked');
    expect((await admin.json('DELETE', '/api/v1/tokens/00000000-0000-4000-8000-000000000000', undefined, { 'x-csrf-token': csrf })).status).toBe(404);
  });

  it('another party’s token is answered exactly like an unknown id (404), and stays active', async () => {
    const owner = await createTestActor(db, [{ partyId: liminka, role: 'admin' }]);
    const { token, secret } = await createApiToken(testCtx(db, owner, clock), liminka, { name: 'Limingan oma', role: 'viewer' });
    const strip = async (res: Response) => ({ status: res.status, body: { ...((await res.json()) as Record<string, unknown>), requestId: undefined } });
    const foreign = await strip(await admin.json('DELETE', `/api/v1/tokens/${token.id}`, undefined, { 'x-csrf-token': csrf }));
    const unknown = await strip(await admin.json('DELETE', '/api/v1/tokens/00000000-0000-4000-8000-000000000001', undefined, { 'x-csrf-token': csrf }));
    expect(foreign).toEqual(unknown);
    expect(foreign).toMatchObject({ status: 404, body: { code: 'tokens.not_found' } });
    // An Oulu token (not an administrator's session) gets the same.
    const ouluAdminToken = (await createViaApi('Oulun hallinta', 'admin')).body.secret;
    expect((await api('DELETE', `/tokens/${token.id}`, bearer(ouluAdminToken))).status).toBe(404);
    expect((await api('GET', `/parties/${liminka}`, bearer(secret))).status).toBe(200);
  });

  it('an expired token is refused', async () => {
    const owner = await createTestActor(db, [{ partyId: liminka, role: 'admin' }]);
    const today = helsinkiDate(clock.now());
    const { secret } = await createApiToken({ ...testCtx(db, owner), clock }, liminka, { name: 'Today only', role: 'viewer', expiresOn: today });
    expect((await api('GET', `/parties/${liminka}`, bearer(secret))).status).toBe(200);
    clock.advance(2 * 24 * 3600 * 1000);
    try {
      expect((await api('GET', `/parties/${liminka}`, bearer(secret))).status).toBe(401);
    } finally {
      clock.advance(-2 * 24 * 3600 * 1000);
    }
  });

  it('documents the token operations in OpenAPI', async () => {
    const doc = (await (await api('GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(doc.paths['/parties/{id}/tokens']?.get?.operationId).toBe('listApiTokens');
    expect(doc.paths['/parties/{id}/tokens']?.post?.operationId).toBe('createApiToken');
    expect(doc.paths['/tokens/{id}']?.delete?.operationId).toBe('revokeApiToken');
  });
});
