import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cacheKey, FreshRead, isAnonymousRequest, PageCache, replayableHeaders, WatchedVersion } from '../server/page-cache.ts';

/** The page cache's own rules, without HTTP (tests/http/page-cache.test.ts covers the app). */

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('FreshRead (the shared data-version read)', () => {
  it('never gives a caller a read that started before it asked', async () => {
    const reads: ReturnType<typeof deferred<number>>[] = [];
    const fr = new FreshRead(() => {
      const d = deferred<number>();
      reads.push(d);
      return d.promise;
    });
    const a = fr.get();
    expect(reads).toHaveLength(1);
    // B and C arrive while A's read runs: they share the next read, which starts only after A's ends.
    const b = fr.get();
    const c = fr.get();
    expect(reads).toHaveLength(1);
    reads[0]!.resolve(1);
    expect(await a).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(reads).toHaveLength(2);
    reads[1]!.resolve(2);
    expect(await b).toBe(2);
    expect(await c).toBe(2);
    // Nothing running: a new caller starts its own read.
    const d = fr.get();
    expect(reads).toHaveLength(3);
    reads[2]!.resolve(3);
    expect(await d).toBe(3);
    expect(fr.reads).toBe(3);
  });

  it('a failed read fails its callers only; the next read is attempted afresh', async () => {
    let n = 0;
    const fr = new FreshRead(async () => {
      n++;
      if (n === 1) throw new Error('database unavailable');
      return n;
    });
    await expect(fr.get()).rejects.toThrow('database unavailable');
    expect(await fr.get()).toBe(2);
  });
});

describe('WatchedVersion (PGlite: the version re-read only after a write)', () => {
  it('reuses the version until a write has finished, then reads it again', async () => {
    let version = 7;
    let writes = 0;
    let reads = 0;
    const w = new WatchedVersion(async () => (reads++, version), () => writes);
    expect(await w.get()).toBe(7);
    expect(await w.get()).toBe(7);
    expect(reads).toBe(1);
    version = 8;
    writes++;
    expect(await w.get()).toBe(8);
    expect(await w.get()).toBe(8);
    expect(reads).toBe(2);
  });

  it('does not keep a version read while a write finished (it may predate the commit)', async () => {
    let version = 1;
    let writes = 0;
    let reads = 0;
    const w = new WatchedVersion(async () => {
      reads++;
      const v = version;
      // The write commits and is counted while this read is under way.
      version = 2;
      writes++;
      return v;
    }, () => writes);
    expect(await w.get()).toBe(1);
    expect(await w.get()).toBe(2);
    expect(reads).toBe(2);
  });
});

describe('PageCache', () => {
  const html = (n: number) => Buffer.from(`<!DOCTYPE html><p>${'x'.repeat(n)}</p>`);
  const headers = (): [string, string][] => [['content-type', 'text/html; charset=utf-8']];

  it('serves a page only at the data version it was rendered at', () => {
    const cache = new PageCache(1024 * 1024, new FreshRead(async () => 1), () => '2026-11-23');
    cache.store('http://h/', 5, headers(), html(10));
    expect(cache.get('http://h/', 5)?.body.toString()).toContain('<p>xxxxxxxxxx</p>');
    expect(cache.get('http://h/', 6)).toBeUndefined();
    // The stale entry is gone, also for its own version.
    expect(cache.get('http://h/', 5)).toBeUndefined();
    expect(cache.stats().entries).toBe(0);
  });

  it('serves a daily page only on the date it was rendered on; other pages regardless of the date', () => {
    let today = '2026-11-23';
    const cache = new PageCache(1024 * 1024, new FreshRead(async () => 1), () => today);
    cache.store('http://h/agreements/a', 5, headers(), html(10), '2026-11-23');
    cache.store('http://h/regions/HVA19', 5, headers(), html(20));
    expect(cache.get('http://h/agreements/a', 5)).toBeDefined();
    today = '2026-11-24';
    expect(cache.get('http://h/agreements/a', 5)).toBeUndefined();
    expect(cache.get('http://h/regions/HVA19', 5)).toBeDefined();
    // Gone for good, also if the date were the old one again.
    today = '2026-11-23';
    expect(cache.get('http://h/agreements/a', 5)).toBeUndefined();
  });

  it('replays the security and content headers, replaces Cache-Control, never keeps per-request headers or the opt-in marker', () => {
    const res = new ServerResponse(new IncomingMessage(new Socket()));
    res.setHeader('X-Request-Id', 'abc');
    res.setHeader('Content-Security-Policy', "default-src 'self'");
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.setHeader('Set-Cookie', ['kp_anon=x; Path=/']);
    const content = new Headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store', 'set-cookie': 'a=b', 'x-kp-public-page': '1' });
    expect(replayableHeaders(res, content)).toEqual([
      ['Content-Security-Policy', "default-src 'self'"],
      ['X-Frame-Options', 'SAMEORIGIN'],
      ['content-type', 'text/html; charset=utf-8'],
      ['Cache-Control', 'private, no-cache'],
    ]);
  });

  it('gives each body its own strong ETag', () => {
    const cache = new PageCache(1024 * 1024, new FreshRead(async () => 1), () => '2026-11-23');
    const e = cache.store('http://h/', 1, headers(), html(10));
    expect(e.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(cache.store('http://h/other', 1, headers(), html(10)).etag).toBe(e.etag);
    expect(cache.store('http://h/third', 1, headers(), html(11)).etag).not.toBe(e.etag);
  });

  it('is bounded by bytes and drops the least recently used page first', () => {
    const cache = new PageCache(8 * 1000, new FreshRead(async () => 1), () => '2026-11-23');
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) cache.store(`http://h/${k}`, 1, headers(), html(700));
    expect(cache.get('http://h/a', 1)).toBeDefined(); // a becomes the most recently used
    for (const k of ['h', 'i', 'j']) cache.store(`http://h/${k}`, 1, headers(), html(700));
    const s = cache.stats();
    expect(s.bytes).toBeLessThanOrEqual(8 * 1000);
    expect(s.evictions).toBeGreaterThan(0);
    expect(cache.get('http://h/b', 1)).toBeUndefined();
    expect(cache.get('http://h/a', 1)).toBeDefined();
    expect(cache.get('http://h/c', 1)).toBeUndefined();
    expect(cache.get('http://h/j', 1)).toBeDefined();
    expect(s.entries).toBe(8);
    // A page bigger than an eighth of the cache is not kept.
    cache.store('http://h/big', 1, headers(), html(2000));
    expect(cache.get('http://h/big', 1)).toBeUndefined();
  });
});

describe('cacheKey', () => {
  const req = (headers: Record<string, string>, url = '/regions/HVA19?x=1') => Object.assign(new IncomingMessage(new Socket()), { headers, url });
  it('holds scheme, host and the path with query; proxy headers only when trusted', () => {
    expect(cacheKey(req({ host: 'a.fi' }), false)).toBe('http://a.fi/regions/HVA19?x=1');
    expect(cacheKey(req({ host: 'a.fi', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }), false)).toBe('http://a.fi/regions/HVA19?x=1');
    expect(cacheKey(req({ host: 'a.fi', 'x-forwarded-host': 'b.fi', 'x-forwarded-proto': 'https, http' }), true)).toBe('https://b.fi/regions/HVA19?x=1');
    expect(cacheKey(req({ host: 'a.fi' }, '/'), false)).not.toBe(cacheKey(req({ host: 'b.fi' }, '/'), false));
  });
});

describe('isAnonymousRequest', () => {
  it('is true without cookies, with only the anonymous CSRF cookie, or with other sites’ cookies', () => {
    expect(isAnonymousRequest(undefined)).toBe(true);
    expect(isAnonymousRequest('kp_anon=abcdefghijklmnopqrstuvwx')).toBe(true);
    expect(isAnonymousRequest('SERVERID=app1; _pk_id=1')).toBe(true);
  });
  it('is false with a session cookie (valid or not) or any other kp_ cookie', () => {
    expect(isAnonymousRequest('kp_session=x')).toBe(false);
    expect(isAnonymousRequest('kp_anon=abcdefghijklmnopqrstuvwx; kp_session=x')).toBe(false);
    expect(isAnonymousRequest('SERVERID=1; kp_flash=saved')).toBe(false);
    expect(isAnonymousRequest('__Host-kp_session=x')).toBe(false);
  });
});
