import { createReadableStreamFromReadable, writeReadableStreamToWritable } from '@react-router/node';
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { createRequestHandler, type AppLoadContext, type ServerBuild } from 'react-router';
import { ANON_COOKIE } from '#platform/auth/cookies.ts';
import { bodyLimit, limitedBody } from '#platform/body-limit.ts';
import { isAppError, UNAVAILABLE_RETRY_AFTER_SECONDS } from '#platform/errors.ts';
import type { AppServices, RequestContext } from '../src/web/app-context.ts';
import { PUBLIC_PAGE_HEADER } from '../src/web/public-page.ts';
import { sendBodyTooLarge } from './body-limits.ts';
import { cacheKey, isAnonymousRequest, replayableHeaders, type PageCache } from './page-cache.ts';
import { limitPagePost, type PageRoute } from './limits.ts';
import { buildRequestContext } from './request-context.ts';

/** Renders one request to a Fetch API response. */
export type Renderer = (request: Request, context: RequestContext) => Promise<globalThis.Response>;

/** The React Router app as a Renderer. */
export function reactRouterRenderer(build: ServerBuild | (() => Promise<ServerBuild>), mode: string): Renderer {
  const handle = createRequestHandler(build, mode);
  return (request, context) => handle(request, context as AppLoadContext);
}

/**
 * The pages as an Express handler (what `@react-router/express` does, plus the page cache): builds the
 * request context (session, CSRF token), renders, and keeps the pages that qualify for anonymous visitors
 * (server/page-cache.ts) so that the cache's front door can answer the next anonymous request.
 */
export function createPageHandler(opts: {
  services: AppServices;
  render: Renderer;
  cache?: PageCache;
  /** The route React Router will run for a URL (server/limits.ts): rate limits are keyed on it, not on the raw path. */
  routeOf?: (url: URL) => Promise<PageRoute | undefined>;
}) {
  const { services, render, cache, routeOf } = opts;

  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD' && routeOf) {
        const route = await routeOf(new URL(requestOrigin(req) + req.originalUrl));
        if (await limitPagePost(services, req, res, route)) return;
      }
      const cacheable = cache !== undefined && req.method === 'GET' && isAnonymousRequest(req.headers.cookie);
      // Read before rendering: the page then shows data at least as new as the version it is stored under.
      const version = cacheable ? await cache.versionFor(req) : undefined;
      const day = cacheable ? cache.today() : null;
      const context = await buildRequestContext(services, req, res);
      res.locals.context = context;
      const response = await render(fetchRequest(req, res, services), context);

      if (
        cache &&
        version !== undefined &&
        context.actor.kind === 'public' &&
        response.status === 200 &&
        (response.headers.get(PUBLIC_PAGE_HEADER) === '1' || response.headers.get(PUBLIC_PAGE_HEADER) === 'daily') &&
        response.headers.get('content-type')?.startsWith('text/html') &&
        !response.headers.has('set-cookie')
      ) {
        const body = Buffer.from(await response.arrayBuffer());
        const html = body.toString('utf8');
        // The route promised a page without per-visitor content; check the two values we know of.
        const personal = html.includes(context.csrfToken) || html.includes(context.requestId);
        const otherCookies = setCookies(res).filter((c) => !c.startsWith(`${ANON_COOKIE}=`));
        if (!personal && otherCookies.length === 0) {
          // Nothing on this page needs the anonymous CSRF cookie: do not hand one out (a cached answer would not).
          res.removeHeader('Set-Cookie');
          const key = cacheKey(req, services.config.trustProxy, req.originalUrl);
          const daily = response.headers.get(PUBLIC_PAGE_HEADER) === 'daily';
          cache.send(req, res, cache.store(key, version, replayableHeaders(res, response.headers), body, daily ? day : null));
          return;
        }
        sendHeaders(res, response);
        res.end(body);
        return;
      }
      await send(res, await unavailableWhenDatabaseIs(services, response));
    } catch (e) {
      next(e);
    }
  };
}

/**
 * A page that failed while the database cannot be reached is a 503 with Retry-After, not a 500 (issue 8
 * finding 6): loaders that go through load() get 503 from the mapped error already; for the others one
 * `SELECT 1` tells. (The read itself was retried once on PostgreSQL: src/platform/db/postgres.ts.)
 */
async function unavailableWhenDatabaseIs(services: AppServices, response: globalThis.Response): Promise<globalThis.Response> {
  if (response.status === 500) {
    const down = await services.db.query('SELECT 1').then(
      () => false,
      (e: unknown) => isAppError(e) && e.kind === 'unavailable',
    );
    if (down) response = new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers: response.headers });
  }
  if (response.status === 503 && !response.headers.has('Retry-After')) response.headers.set('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  return response;
}

function setCookies(res: ExpressResponse): string[] {
  const v = res.getHeader('Set-Cookie');
  return v === undefined ? [] : Array.isArray(v) ? v : [String(v)];
}

function sendHeaders(res: ExpressResponse, response: globalThis.Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers) {
    if (key === PUBLIC_PAGE_HEADER.toLowerCase()) continue;
    res.append(key, value);
  }
}

async function send(res: ExpressResponse, response: globalThis.Response) {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel();
    return;
  }
  sendHeaders(res, response);
  if (!response.body) {
    res.end();
    return;
  }
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (e) {
    if (res.destroyed || res.writableEnded) return;
    throw e;
  }
}

/** Scheme, host and port for React Router's request URL (the rules of @react-router/express; proxies when trusted). */
function requestOrigin(req: ExpressRequest): string {
  const [, forwardedPort] = req.app?.enabled('trust proxy') ? (req.get('X-Forwarded-Host')?.split(':') ?? []) : [];
  const [, hostPort] = req.get('host')?.split(':') ?? [];
  const p1 = Number.parseInt(forwardedPort ?? '', 10);
  const p2 = Number.parseInt(hostPort ?? '', 10);
  const port = Number.isSafeInteger(p1) ? p1 : Number.isSafeInteger(p2) ? p2 : '';
  const hostname = req.hostname?.split(/[\\/?#@]/)[0] || 'localhost';
  return `${req.protocol}://${hostname}${port ? `:${port}` : ''}`;
}

/** The Fetch API request React Router wants, from Express's (as in @react-router/express). */
function fetchRequest(req: ExpressRequest, res: ExpressResponse, services: Pick<AppServices, 'config'>): Request {
  const url = new URL(requestOrigin(req) + req.originalUrl);
  const controller = new AbortController();
  let finished = false;
  res.on('finish', () => (finished = true));
  res.on('close', () => {
    if (!finished) controller.abort();
  });
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    if (Array.isArray(values)) for (const v of values) headers.append(key, v);
    else headers.set(key, values);
  }
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    // Read at most the body limit (a declared length over it was refused before: server/body-limits.ts); a body
    // that streams past it is answered 413 at once, and the form reader (readForm) fails without using it.
    const limit = bodyLimit(services.config, req.headers['content-type']);
    init.body = createReadableStreamFromReadable(limitedBody(req, limit, () => sendBodyTooLarge(req, res, limit)));
    init.duplex = 'half';
  }
  return new Request(url.href, init);
}
