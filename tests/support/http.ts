import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import type { Clock } from '../../src/platform/clock.ts';
import type { Config } from '../../src/platform/config.ts';
import type { Db } from '../../src/platform/db/db.ts';
import { silentLogger, type Logger } from '../../src/platform/log.ts';
import { createApp } from '../../server/app.ts';
import { installOptionalIntegrations } from '../../server/integrations.ts';
import type { PageCache } from '../../server/page-cache.ts';

/**
 * HTTP-level tests: the real Express app (server/app.ts, with server/integrations.ts) around a test
 * database, on 127.0.0.1 and a free port. Pages come from the production build (build/server/index.js);
 * `npm test` builds it first, and it is built here if missing.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVER_BUILD = path.join(ROOT, 'build/server/index.js');

function loadBuild(): Promise<ServerBuild> {
  if (!existsSync(SERVER_BUILD)) {
    const r = spawnSync('npx', ['react-router', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('react-router build failed');
  }
  return import(pathToFileURL(SERVER_BUILD).href) as Promise<ServerBuild>;
}

export interface TestApp {
  url: string;
  config: Config;
  /** The app's page cache (server/page-cache.ts), unless `config.pageCacheBytes` is 0. */
  pageCache?: PageCache;
  close(): Promise<void>;
}

/**
 * The clock is required: the server must run on the same clock as the use cases the test calls directly
 * (`testCtx(db, actor, clock)`), or sessions, deadlines and "today" would depend on the day the test runs.
 */
export async function startTestApp(db: Db, opts: { config?: Partial<Config>; clock: Clock; log?: Logger }): Promise<TestApp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: Config = {
    host: '127.0.0.1',
    port: 0,
    dataDir: path.join(ROOT, 'data-test-unused'),
    publicUrl: url,
    sessionSecret: 'test-session-secret-0123456789abcdefghijklmnop',
    sessionDays: 7,
    secureCookies: false,
    trustProxy: false,
    logLevel: 'error',
    seedDemo: false,
    loginRateLimit: 1000,
    // The API limits are counted per test app's tests only where a test sets them (tests/http/rate-limits.test.ts).
    apiRateLimit: 1_000_000,
    apiTokenRateLimit: 1_000_000,
    ...opts.config,
  };
  const services = { db, clock: opts.clock, log: opts.log ?? silentLogger, config, extras: {} as Record<string, unknown> };
  await installOptionalIntegrations(services);
  const { handler, pageCache } = createApp({ services, build: loadBuild, clientDir: path.join(ROOT, 'build/client') });
  server.on('request', handler);
  return {
    url,
    config,
    pageCache,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Cookies by name (paths ignored: fine for one test site at a time). */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  /** The raw Set-Cookie headers of the last response, for checking attributes. */
  lastSetCookie: string[] = [];
  take(res: Response): void {
    this.lastSetCookie = res.headers.getSetCookie();
    for (const c of this.lastSetCookie) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** A browser without JavaScript: carries cookies, never follows redirects by itself. */
export class Visitor {
  readonly jar = new CookieJar();
  constructor(readonly base: string) {}

  async get(p: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(new URL(p, this.base), { redirect: 'manual', headers: { cookie: this.jar.header(), ...headers } });
    this.jar.take(res);
    return res;
  }

  async post(p: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(new URL(p, this.base), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.jar.header(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
    this.jar.take(res);
    return res;
  }

  async json(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(new URL(p, this.base), {
      method,
      redirect: 'manual',
      headers: { cookie: this.jar.header(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.jar.take(res);
    return res;
  }

  /** The page's CSRF token (every PostForm carries it in `_csrf`). */
  async csrf(p = '/'): Promise<string> {
    const html = await (await this.get(p)).text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error(`no _csrf on ${p}`);
    return m[1]!;
  }

  /** Signs in with e-mail and password through the real form; returns the response of the POST. */
  async signIn(email: string, password: string): Promise<Response> {
    const csrf = await this.csrf('/sign-in');
    return this.post('/sign-in', { _csrf: csrf, email, password, returnTo: '/' });
  }
}
