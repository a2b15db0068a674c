import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { matchRoutes, type RouteObject, type ServerBuild } from 'react-router';
import { hitRateLimit, setRateLimitHeaders, type RateLimit } from '#platform/rate-limit.ts';
import { catalogs, href, isLang, type Lang } from '#i18n/index.ts';
import type { AppServices } from '../src/web/app-context.ts';

/** Which page a request reaches: the route module and the language of the route React Router matches. */
export interface PageRoute {
  /** The route module, e.g. 'routes/sign-in.tsx'. */
  file: string;
  lang: Lang;
}

/**
 * The route React Router will run for a URL, found the way React Router finds it: the URL as WHATWG parses
 * it (dot segments resolved), the single-fetch `.data` suffix and a trailing slash dropped, each segment
 * percent-decoded and matched case-insensitively. A limit keyed on this cannot be passed by spelling the
 * path differently (`/%73ign-in`, `/./sign-in`, `/en/../sign-in`, `/SIGN-IN/`, `/sign-in.data`).
 */
export function pageRouteMatcher(build: ServerBuild | (() => Promise<ServerBuild>)) {
  let tree: Promise<RouteObject[]> | undefined;
  const routes = () => (tree ??= Promise.resolve(typeof build === 'function' ? build() : build).then(routeTree));
  return async (url: URL): Promise<PageRoute | undefined> => {
    let pathname = url.pathname;
    if (pathname === '/_root.data') pathname = '/';
    else if (pathname.endsWith('.data')) pathname = pathname.slice(0, -'.data'.length);
    if (pathname !== '/' && pathname.endsWith('/')) pathname = pathname.slice(0, -1);
    let matches;
    try {
      matches = matchRoutes(await routes(), pathname);
    } catch {
      return undefined; // a malformed percent-escape: React Router answers it with an error page, no action runs
    }
    const id = matches?.at(-1)?.route.id;
    const m = id ? /^(fi|sv|en):(.+)$/.exec(id) : null;
    return m && isLang(m[1]) ? { file: m[2]!, lang: m[1] } : undefined;
  };
}

function routeTree(build: ServerBuild): RouteObject[] {
  const byParent = new Map<string | undefined, ServerBuild['routes'][string][]>();
  for (const r of Object.values(build.routes)) {
    if (!r) continue;
    const list = byParent.get(r.parentId) ?? [];
    list.push(r);
    byParent.set(r.parentId, list);
  }
  const make = (parentId: string | undefined): RouteObject[] =>
    (byParent.get(parentId) ?? []).map(
      (r) => ({ id: r!.id, path: r!.path, index: r!.index, caseSensitive: r!.caseSensitive, children: r!.index ? undefined : make(r!.id) }) as RouteObject,
    );
  return make(undefined);
}

/** A client's address: the socket's peer, or with TRUST_PROXY the address the proxy reports (Express's req.ip). */
export const clientAddress = (req: ExpressRequest): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

interface PageLimit {
  rule: RateLimit;
  message: 'auth.rate_limited' | 'feedback.rate_limited';
  linkText: (lang: Lang) => string;
  path: string;
}

/**
 * Per-address limits on the anonymous forms that cost something: sign-in (password guessing) and accessibility
 * feedback (each one mails every platform administrator). Counted in the database, shared by all instances.
 */
export function pageLimits(services: Pick<AppServices, 'config'>): Record<string, PageLimit> {
  return {
    'routes/sign-in.tsx': {
      rule: { name: 'sign-in-ip', windowMs: 15 * 60 * 1000, limit: services.config.loginRateLimit },
      message: 'auth.rate_limited',
      linkText: (lang) => catalogs[lang].common.signIn,
      path: '/sign-in',
    },
    'routes/accessibility.tsx': {
      rule: { name: 'feedback-ip', windowMs: 60 * 60 * 1000, limit: services.config.feedbackRateLimit ?? 30 },
      message: 'feedback.rate_limited',
      linkText: (lang) => catalogs[lang].a11y.title,
      path: '/accessibility',
    },
  };
}


/** Counts a POST to a limited page; when over the limit answers 429 with a translated page and returns true. */
export async function limitPagePost(services: AppServices, req: ExpressRequest, res: ExpressResponse, route: PageRoute | undefined): Promise<boolean> {
  if (req.method !== 'POST' || !route) return false;
  const limit = pageLimits(services)[route.file];
  if (!limit) return false;
  const r = await hitRateLimit(services.db, services.clock, limit.rule, clientAddress(req));
  if (!r.limited) return false;
  setRateLimitHeaders(res, limit.rule, r);
  sendStatusPage(res, 429, route.lang, catalogs[route.lang].errors[limit.message], [], { href: href(route.lang, limit.path), text: limit.linkText(route.lang) });
  return true;
}

/**
 * A small translated page answered by the server itself, before React Router runs (429, 413): a heading,
 * paragraphs and a link. The texts come from the catalogs (no user input).
 */
export function sendStatusPage(res: ExpressResponse, status: number, lang: Lang, heading: string, paragraphs: string[], link?: { href: string; text: string }): void {
  const t = catalogs[lang];
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${heading} – ${t.common.appName}</title></head>` +
        `<body><main><h1>${heading}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}` +
        `${link ? `<p><a href="${link.href}">${link.text}</a></p>` : ''}</main></body></html>`,
    );
}
