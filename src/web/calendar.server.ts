import { create as contentDisposition } from 'content-disposition';

/**
 * An iCalendar feed response (RFC 5545: text/calendar, UTF-8). Public feeds may be kept by caches for a few
 * minutes (calendar programs poll them); a personal feed is for its owner's calendar program only: never stored
 * by a shared cache, never indexed. Like downloads, it is never run as a page (CSP sandbox).
 */
export function icsResponse(text: string, opts: { fileName: string; personal: boolean }): Response {
  return new Response(text, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': contentDisposition(opts.fileName, { type: 'inline' }),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': opts.personal ? 'private, no-store' : 'public, max-age=300',
      ...(opts.personal ? { 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'no-referrer' } : {}),
    },
  });
}
