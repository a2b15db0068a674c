import { createHash } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse } from 'cookie';
import { readDataVersion } from '#platform/audit.ts';
import { ANON_COOKIE } from '#platform/auth/cookies.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import type { Logger } from '#platform/log.ts';
import { logWhenFinished, requestIdOf } from './request-log.ts';

/**
 * Rendered public pages for anonymous visitors, keyed by URL and the data version.
 *
 * Every change to the data goes through a use case that calls `recordAudit`, which bumps the single row
 * of `data_version` in the same transaction (src/platform/audit.ts). A page is rendered after reading
 * version v, so it shows data at least as new as v, and it is served only while the version is still v:
 * the first request after a change sees v+1, misses and renders anew. No page outlives a change.
 *
 * Knowing the current version (`versionSource`):
 * - PostgreSQL (several server processes may share the database): read from the database for every
 *   request that could be answered from the cache. Concurrent requests share reads (`FreshRead`): each
 *   waits for a read that *started after it arrived*, so under load about one tiny query is in flight
 *   at a time instead of one per request, and no request can get a version older than a change saved
 *   before it arrived. Exact across processes.
 * - PGlite (embedded: only this process can open the database, so every write goes through this `Db`):
 *   the `Db` counts finished writes (`Db.writeCount`); the version read once is reused until the count
 *   moves (`WatchedVersion`). No query at all on a cache hit, and still exact: a write is counted before
 *   its use case returns, so any request that starts after a change was saved re-reads the version.
 * Rejected: an in-process counter re-checked every N ms on PostgreSQL. It would save the query but serve
 * pages up to N ms stale after a change made in another process (LISTEN/NOTIFY has the same gap, only
 * shorter); a stale page after “saved” is the one thing this cache must not do.
 *
 * What is cached (server/pages.ts decides): GET requests without a session (no `kp_*` cookie other than
 * `kp_anon`), of routes that opt in (src/web/public-page.ts), answered 200 with HTML, setting no cookie,
 * and whose HTML contains neither the visitor's CSRF token nor the request id. Stored: the body and the
 * response headers as sent (security headers included) minus per-request ones (X-Request-Id, Set-Cookie,
 * Date). Bounded by bytes, least recently used out first. Cached pages carry a strong ETag (If-None-Match
 * → 304) and `Cache-Control: private, no-cache` (browsers may keep them but revalidate every time;
 * signed-in pages stay `no-store`).
 *
 * A page that also depends on today's date (opted in as daily) is stored with the date it was read on
 * before rendering, and served only on that date.
 *
 * Hits are answered by `frontDoor`, a plain request listener in front of Express: Express's own
 * per-request work costs several times what sending a cached page does. The front door gives a hit a
 * fresh X-Request-Id and the usual log line (server/request-log.ts); everything else goes to Express.
 */

export interface PageEntry {
  version: number;
  /** For a page that depends on today's date (Helsinki): the date it was rendered on; else null. */
  day: string | null;
  etag: string;
  /** Response headers to replay, names as first sent (no X-Request-Id, Set-Cookie, Date, ETag or length). */
  headers: [string, string][];
  body: Buffer;
  size: number;
  /** The whole 200 response head but the request id, as `writeHead` takes it. */
  head: string[];
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  notModified: number;
  stores: number;
  evictions: number;
  entries: number;
  bytes: number;
  versionReads: number;
}

/** Cache-Control of cacheable pages: the browser may keep them but must revalidate (ETag → 304). */
export const CACHED_PAGE_CACHE_CONTROL = 'private, no-cache';

/** Headers never replayed from a stored response (lower case). */
const NOT_STORED = new Set([
  'x-request-id',
  'set-cookie',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'etag',
  'cache-control',
]);

/**
 * A shared read whose result is never older than the call: a caller that arrives while a read is running
 * waits for the next one, which starts when the running one ends. Under load: one read in flight at a time.
 */
export class FreshRead<T> {
  private running?: Promise<T>;
  private queued?: Promise<T>;
  reads = 0;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.running) return this.start();
    if (!this.queued) {
      const settled = this.running.then(
        () => undefined,
        () => undefined,
      );
      this.queued = settled.then(() => {
        this.queued = undefined;
        return this.start();
      });
    }
    return this.queued;
  }

  private start(): Promise<T> {
    this.reads++;
    const p = this.read();
    this.running = p;
    const clear = () => {
      if (this.running === p) this.running = undefined;
    };
    p.then(clear, clear);
    return p;
  }
}

/**
 * PGlite: the data version read once and reused until the database handle has finished another write.
 * A read is kept only when no write finished while it ran; a write counted later always invalidates it.
 */
export class WatchedVersion {
  private known?: { version: number; writes: number };
  private readonly fresh: FreshRead<{ version: number; writes: number }>;

  constructor(
    read: () => Promise<number>,
    private readonly writeCount: () => number,
  ) {
    this.fresh = new FreshRead(async () => {
      const writes = writeCount();
      return { version: await read(), writes };
    });
  }

  get reads(): number {
    return this.fresh.reads;
  }

  async get(): Promise<number> {
    const k = this.known;
    if (k && k.writes === this.writeCount()) return k.version;
    const r = await this.fresh.get();
    if (r.writes === this.writeCount()) this.known = r;
    return r.version;
  }
}

export interface VersionSource {
  get(): Promise<number>;
  readonly reads: number;
}

/** How the cache learns the data version: see the file comment. */
export function versionSource(db: Db): VersionSource {
  const read = () => readDataVersion(db);
  const writeCount = db.writeCount?.bind(db);
  return writeCount ? new WatchedVersion(read, writeCount) : new FreshRead(read);
}

/**
 * A visitor without a session: no `kp_*` cookie (also `__Host-kp_*`) except the anonymous CSRF cookie (other
 * sites' cookies do not count).
 */
export function isAnonymousRequest(cookieHeader: string | undefined): boolean {
  if (!cookieHeader || !cookieHeader.includes('kp_')) return true;
  for (const name of Object.keys(parse(cookieHeader))) {
    const bare = name.startsWith('__Host-') ? name.slice('__Host-'.length) : name;
    if (bare.startsWith('kp_') && name !== ANON_COOKIE) return false;
  }
  return true;
}

/**
 * The cache key: scheme, host and the path with query, from the raw request (proxy headers only when
 * trusted, as Express reads them). Every input React Router builds the page URL from is in it, so a forged
 * Host header only ever reaches pages rendered for that same header.
 */
export function cacheKey(req: IncomingMessage, trustProxy: boolean, url = req.url ?? '/'): string {
  const h = req.headers;
  const tls = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const proto = trustProxy ? String(h['x-forwarded-proto'] ?? tls).split(',')[0]!.trim() : tls;
  const host = (trustProxy ? h['x-forwarded-host'] : undefined) ?? h.host ?? '';
  return `${proto}://${host}${url}`;
}

/** The headers of a page about to be stored: those already on `res` (security headers) and the page's own. */
export function replayableHeaders(res: ServerResponse, content: Headers): [string, string][] {
  const out: [string, string][] = [];
  const seen = new Set<string>();
  // Names as they were set (Content-Security-Policy, not content-security-policy); Node has this on every
  // outgoing message, @types/node declares it on ClientRequest only.
  const raw = (res as unknown as { getRawHeaderNames(): string[] }).getRawHeaderNames();
  for (const name of raw) {
    const lower = name.toLowerCase();
    const value = res.getHeader(name);
    if (NOT_STORED.has(lower) || lower.startsWith('x-kp-') || value === undefined || seen.has(lower)) continue;
    seen.add(lower);
    out.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
  }
  for (const [name, value] of content) {
    if (NOT_STORED.has(name) || name.startsWith('x-kp-') || seen.has(name)) continue;
    out.push([name, value]);
  }
  out.push(['Cache-Control', CACHED_PAGE_CACHE_CONTROL]);
  return out;
}

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

export class PageCache {
  private readonly entries = new Map<string, PageEntry>();
  private bytes = 0;
  private readonly counts = { hits: 0, misses: 0, notModified: 0, stores: 0, evictions: 0 };
  /** Versions the front door read for requests it passed on (a stale entry): the page handler reuses them. */
  private readonly passedOn = new WeakMap<IncomingMessage, number>();
  /** Largest page kept: one page may not take more than an eighth of the cache. */
  private readonly maxEntryBytes: number;

  constructor(
    private readonly maxBytes: number,
    private readonly versions: VersionSource,
    /** Today's date in Helsinki by the app's clock, for pages that opt in as daily (src/web/public-page.ts). */
    readonly today: () => string,
  ) {
    this.maxEntryBytes = Math.floor(maxBytes / 8);
  }

  /** The current data version: never older than a change saved before this call (see versionSource). */
  version(): Promise<number> {
    return this.versions.get();
  }

  /** The version to render `req` with: the one the front door already read for it, else a fresh one. */
  versionFor(req: IncomingMessage): Promise<number> {
    const v = this.passedOn.get(req);
    return v === undefined ? this.version() : Promise.resolve(v);
  }

  stats(): PageCacheStats {
    return { ...this.counts, entries: this.entries.size, bytes: this.bytes, versionReads: this.versions.reads };
  }

  /**
   * The page for `key` if it was rendered at `version` (and, for a daily page, today); an entry of an
   * older version or day is dropped.
   */
  get(key: string, version: number): PageEntry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.version !== version || (e.day !== null && e.day !== this.today())) {
      this.delete(key, e);
      return undefined;
    }
    // Least recently used goes first: move to the end.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /** Builds an entry for a rendered page and keeps it unless it is too big; returns it either way. */
  store(key: string, version: number, headers: [string, string][], body: Buffer, day: string | null = null): PageEntry {
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const size = body.length + key.length + headers.reduce((n, [k, v]) => n + k.length + v.length, 0) + 200;
    const head = [...headers.flat(), 'ETag', etag, 'Content-Length', String(body.length)];
    const entry: PageEntry = { version, day, etag, headers, body, size, head };
    this.counts.misses++;
    if (size > this.maxEntryBytes) return entry;
    const old = this.entries.get(key);
    if (old) this.delete(key, old);
    this.entries.set(key, entry);
    this.bytes += size;
    this.counts.stores++;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k, e);
      this.counts.evictions++;
    }
    return entry;
  }

  private delete(key: string, e: PageEntry) {
    this.entries.delete(key);
    this.bytes -= e.size;
  }

  /**
   * Sends a page (or 304 when the browser has it). With `requestId`, `res` has no headers yet (the front
   * door) and the head goes out in one `writeHead`; without, X-Request-Id is already on `res`.
   */
  send(req: IncomingMessage, res: ServerResponse, entry: PageEntry, requestId?: string): void {
    const notModified = etagMatches(req.headers['if-none-match'], entry.etag);
    if (requestId !== undefined && !notModified) {
      res.writeHead(200, [...entry.head, 'X-Request-Id', requestId]);
      res.end(entry.body);
      return;
    }
    if (requestId !== undefined) res.setHeader('X-Request-Id', requestId);
    for (const [k, v] of entry.headers) res.setHeader(k, v);
    res.setHeader('ETag', entry.etag);
    if (notModified) {
      this.counts.notModified++;
      res.removeHeader('Content-Type');
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('Content-Length', entry.body.length);
    res.statusCode = 200;
    res.end(entry.body);
  }

  /**
   * The request listener to serve: answers anonymous GETs of cached pages at the current data version,
   * hands everything else to `app` (the Express app).
   */
  frontDoor(app: RequestListener, opts: { log: Logger; trustProxy: boolean }): RequestListener {
    return (req, res) => {
      if (req.method !== 'GET' || this.entries.size === 0) return app(req, res);
      const key = cacheKey(req, opts.trustProxy);
      if (!this.entries.has(key) || !isAnonymousRequest(req.headers.cookie)) return app(req, res);
      this.version().then(
        (version) => {
          const entry = this.get(key, version);
          if (!entry) {
            this.passedOn.set(req, version);
            return app(req, res);
          }
          const requestId = requestIdOf(req);
          logWhenFinished(req, res, opts.log, requestId, { trustProxy: opts.trustProxy });
          this.counts.hits++;
          this.send(req, res, entry, requestId);
        },
        () => app(req, res),
      );
    };
  }
}
