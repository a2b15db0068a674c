/**
 * Opt-in to the page cache (server/page-cache.ts). A route exports `headers = publicPageHeaders` when the
 * HTML it renders for an anonymous visitor depends on nothing but the URL and the data in the database:
 * no forms (a form carries the visitor's CSRF token), no clock (“today”, “3 days ago”), no cookies or
 * request headers. Such a page is rendered once per data version and served from memory to anonymous
 * visitors until the next change; signed-in users always get a fresh render.
 *
 * The server checks the promise anyway: a response that sets a cookie, or whose HTML contains the
 * visitor's CSRF token, is never cached. The marker header is removed before the response is sent.
 */
export const PUBLIC_PAGE_HEADER = 'X-Kp-Public-Page';

export function publicPageHeaders({ parentHeaders }: { parentHeaders: Headers }): Headers {
  const headers = new Headers(parentHeaders);
  headers.set(PUBLIC_PAGE_HEADER, '1');
  return headers;
}

/**
 * As `publicPageHeaders`, for a page that also depends on the clock, but only through today's date in
 * Helsinki (an agreement's current status, whether a comment deadline has passed): the cached page is
 * also dropped when the date changes.
 */
export function dailyPublicPageHeaders({ parentHeaders }: { parentHeaders: Headers }): Headers {
  const headers = new Headers(parentHeaders);
  headers.set(PUBLIC_PAGE_HEADER, 'daily');
  return headers;
}
