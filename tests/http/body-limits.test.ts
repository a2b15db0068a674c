import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#platform/db/db.ts';
import { catalogs, translateIssue } from '#i18n/index.ts';
import { createApiToken } from '#modules/tokens/index.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, type TestApp } from '../support/http.ts';
import { rawRequest } from '../support/raw-http.ts';

/**
 * Issue 8 finding 3: every body has a size limit enforced before it is read — before the CSRF check reads a
 * form. A declared Content-Length over it is refused at once; a body streamed without one is cut off where it
 * passes the limit. Pages get a translated 413 page naming the limit, the API a Problem. Multipart bodies keep
 * room for their files (UPLOAD_MAX_MB each).
 */
const clock = testClock();
let db: Db;
let app: TestApp;
const MB = 1024 * 1024;

beforeAll(async () => {
  db = await createTestDb();
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

interface Streamed {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  /** Bytes of the body written before the answer came. */
  sent: number;
}

/** Writes the body in 64 KB pieces (respecting back-pressure) until the server answers or `total` bytes are sent. */
function streamUntilAnswered(path: string, headers: Record<string, string>, total: number): Promise<Streamed> {
  const u = new URL(app.url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let wake: (() => void) | undefined;
    const req = http.request({ host: u.hostname, port: u.port, method: 'POST', path, headers }, (res) => {
      answered = true;
      wake?.();
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), sent });
        req.destroy();
      });
    });
    // The server closes the connection after its answer, while this client may still be writing.
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    void (async () => {
      while (!answered && sent < total) {
        const ok = req.write(chunk);
        sent += chunk.length;
        if (!ok) await new Promise<void>((r) => ((wake = r), req.once('drain', r)));
      }
      if (!answered) req.end();
    })();
  });
}

describe('page forms', () => {
  it('an anonymous 400 MB POST /sign-in is refused at once with a translated 413 page, before its body is sent', async () => {
    const res = await streamUntilAnswered('/sign-in', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(400 * MB) }, 400 * MB);
    expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(8 * MB);
    expect(res.body).toContain('lang="fi"');
    expect(res.body).toContain(catalogs.fi.errors['http.body_too_large']);
    expect(res.body).toContain(translateIssue('fi', 'body_too_large', { max: 1 }));
    expect(res.headers.connection).toBe('close');
  });

  it('a streamed body without a length is cut off where it passes the limit (Swedish and English pages)', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const res = await streamUntilAnswered(`/${lang}/sign-in`, { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' }, 400 * MB);
      expect(res.status, lang).toBe(413);
      expect(res.sent, lang).toBeLessThan(16 * MB);
      expect(res.body, lang).toContain(`lang="${lang}"`);
      expect(res.body, lang).toContain(translateIssue(lang, 'body_too_large', { max: 1 }));
    }
  });

  it('a form under the limit is read as before (the CSRF check answers)', async () => {
    const res = await rawRequest(app.url, 'POST', '/sign-in', { 'content-type': 'application/x-www-form-urlencoded' }, `email=a%40b.fi&password=${'x'.repeat(500_000)}`);
    expect(res.status).toBe(403);
  });

  it('multipart keeps room for its files (UPLOAD_MAX_MB each) but not more', async () => {
    const boundary = 'kp-test-boundary';
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="scan"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(part), Buffer.alloc(3 * MB, 'a'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const under = await rawRequest(app.url, 'POST', '/sign-in', { 'content-type': `multipart/form-data; boundary=${boundary}` }, body);
    expect(under.status).toBe(403);
    const over = await streamUntilAnswered('/sign-in', { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(22 * MB) }, 22 * MB);
    expect(over.status).toBe(413);
    expect(over.body).toContain(translateIssue('fi', 'body_too_large', { max: 21 }));
    expect(over.sent).toBeLessThan(8 * MB);
  });
});

describe('the API', () => {
  it('cuts off a streamed multipart upload past its limit with a 413 problem', async () => {
    const oulu = await partyIdByCode(db, '564');
    const { secret } = await createApiToken(testCtx(db, undefined, clock), oulu, { name: 'Lataaja', role: 'editor' });
    const res = await streamUntilAnswered(
      '/api/v1/agreements/00000000-0000-4000-8000-000000000000/signatures',
      { authorization: `Bearer ${secret}`, 'content-type': 'multipart/form-data; boundary=kp-b', 'transfer-encoding': 'chunked' },
      60 * MB,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'http.body_too_large', errors: [{ params: { max: 21 } }] });
    expect(res.sent).toBeLessThan(40 * MB);
  });

  it('answers a JSON body over the limit with a 413 problem, declared or streamed', async () => {
    const variants: Record<string, string>[] = [{ 'content-length': String(50 * MB) }, { 'transfer-encoding': 'chunked' }];
    for (const headers of variants) {
      const res = await streamUntilAnswered('/api/v1/parties/00000000-0000-4000-8000-000000000000/tokens?lang=en', { 'content-type': 'application/json', ...headers }, 50 * MB);
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = JSON.parse(res.body) as { code: string; status: number; errors: { message: string }[] };
      expect(problem).toMatchObject({ code: 'http.body_too_large', status: 413 });
      expect(problem.errors[0]!.message).toBe(translateIssue('en', 'body_too_large', { max: 1 }));
      expect(res.sent).toBeLessThan(16 * MB);
    }
  });
});
