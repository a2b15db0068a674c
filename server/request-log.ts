import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '#platform/log.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The caller's X-Request-Id when well-formed, else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** A personal calendar feed's URL is its credential (src/web/routes/personal-calendar-ics.tsx): never logged. */
const FEED_SECRET = /^((?:\/sv|\/en)?\/calendar\/)[^/]+$/;

/** One JSON log line when the response has been sent. */
export function logWhenFinished(req: IncomingMessage, res: ServerResponse, log: Logger, requestId: string): void {
  const path = (req.url ?? '/').split('?')[0]!.replace(FEED_SECRET, '$1…');
  const start = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    log.info('request', { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 });
  });
}

/**
 * Every response carries an X-Request-Id and ends in one JSON log line. The Express app starts each
 * request with this; the page cache's front door (server/page-cache.ts) does the same with the two parts.
 */
export function beginRequest(req: IncomingMessage, res: ServerResponse, log: Logger): string {
  const requestId = requestIdOf(req);
  res.setHeader('X-Request-Id', requestId);
  logWhenFinished(req, res, log, requestId);
  return requestId;
}
