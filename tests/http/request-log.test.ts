import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { createApiToken } from '#modules/tokens/index.ts';
import type { Db } from '#platform/db/db.ts';
import { createLogger } from '#platform/log.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor } from '../support/http.ts';

/**
 * Issue 8 finding 9: each request's log line names the client's address (the proxy's X-Forwarded-For only
 * with TRUST_PROXY) and who acted (the signed-in user's id, or the API token's).
 */
const clock = testClock();
const PASSWORD = 'request-log-password-1';
let db: Db;
let userId: string;
let oulu: string;

beforeAll(async () => {
  db = await createTestDb();
  oulu = await partyIdByCode(db, '564');
  userId = (await createUser(testCtx(db, undefined, clock), { email: 'loki@ouka.fi', displayName: 'Loki Oulu', password: PASSWORD, memberships: [{ partyId: oulu, role: 'admin' }] })).id;
});
afterAll(async () => {
  await db?.close();
});

async function appWithLog(trustProxy: boolean) {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger('info', {}, (l) => lines.push(JSON.parse(l) as Record<string, unknown>));
  const app = await startTestApp(db, { clock, log, config: { trustProxy, pageCacheBytes: 0 } });
  /** The log line of the request with this id (written when the response has been sent). */
  const lineOf = async (requestId: string) => {
    for (let i = 0; i < 100; i++) {
      const line = lines.find((l) => l.msg === 'request' && l.requestId === requestId);
      if (line) return line;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no log line for ${requestId}`);
  };
  return { app, lineOf };
}

describe('the request log line', () => {
  it('without TRUST_PROXY: the socket’s address, whatever X-Forwarded-For says; the signed-in user’s id', async () => {
    const { app, lineOf } = await appWithLog(false);
    try {
      const anon = await fetch(`${app.url}/parties`, { headers: { 'x-request-id': 'log-anon-1', 'x-forwarded-for': '203.0.113.9' } });
      expect(anon.status).toBe(200);
      const line = await lineOf('log-anon-1');
      expect(line).toMatchObject({ method: 'GET', path: '/parties', status: 200, client: '127.0.0.1' });
      expect(line.userId).toBeUndefined();

      const v = new Visitor(app.url);
      expect((await v.signIn('loki@ouka.fi', PASSWORD)).status).toBe(302);
      await v.get('/parties', { 'x-request-id': 'log-user-1' });
      expect(await lineOf('log-user-1')).toMatchObject({ status: 200, client: '127.0.0.1', userId });
      await v.json('GET', `/api/v1/parties/${oulu}/tokens`, undefined, { 'x-request-id': 'log-user-api-1' });
      expect(await lineOf('log-user-api-1')).toMatchObject({ status: 200, userId });
    } finally {
      await app.close();
    }
  });

  it('with TRUST_PROXY: the address the proxy reports; an API token’s id and party', async () => {
    const { app, lineOf } = await appWithLog(true);
    try {
      await fetch(`${app.url}/parties`, { headers: { 'x-request-id': 'log-proxy-1', 'x-forwarded-for': '203.0.113.9, 10.0.0.2' } });
      expect(await lineOf('log-proxy-1')).toMatchObject({ status: 200, client: '203.0.113.9' });

      const { token, secret } = await createApiToken(testCtx(db, { kind: 'system', label: 'test' }, clock), oulu, { name: 'Lokitus', role: 'viewer' });
      await fetch(`${app.url}/api/v1/parties/${oulu}`, { headers: { authorization: `Bearer ${secret}`, 'x-request-id': 'log-token-1', 'x-forwarded-for': '198.51.100.7' } });
      const line = await lineOf('log-token-1');
      expect(line).toMatchObject({ status: 200, client: '198.51.100.7', tokenId: token.id, partyId: oulu });
      expect(line.userId).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('never holds a credential in the path: personal calendar feeds and invitation answer links are cut', async () => {
    const { app, lineOf } = await appWithLog(false);
    try {
      await fetch(`${app.url}/calendar/s3cr3t-feed.ics`, { headers: { 'x-request-id': 'log-feed-1' } });
      expect(await lineOf('log-feed-1')).toMatchObject({ path: '/calendar/…' });
      await fetch(`${app.url}/sv/invitations/s3cr3t-token`, { headers: { 'x-request-id': 'log-inv-1' } });
      expect(await lineOf('log-inv-1')).toMatchObject({ path: '/sv/invitations/…' });
    } finally {
      await app.close();
    }
  });
});
