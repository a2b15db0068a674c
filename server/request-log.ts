import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '#platform/actor.ts';
import type { Logger } from '#platform/log.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The caller's X-Request-Id when well-formed, else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * The client's address: the socket's peer, or behind a trusted proxy (TRUST_PROXY) the first address of
 * X-Forwarded-For, as Express's req.ip gives it with `trust proxy` on.
 */
export function clientAddressOf(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || 'unknown';
}

/**
 * Who acted in a request, once known: `res.locals.actor`, set by the page handler from the session
 * (server/request-context.ts) and by the API from its caller (src/web/api/define.ts).
 */
const actingIn = (res: ServerResponse) => (res as ServerResponse & { locals?: { actor?: Actor } }).locals?.actor;

/** The acting user's or API token's id for the log line; nothing for the public. */
function actorFields(actor: Actor | undefined): Record<string, string> {
  if (actor?.kind === 'user') return { userId: actor.userId };
  if (actor?.kind === 'token') return { tokenId: actor.tokenId, partyId: actor.partyId };
  return {};
}

/**
 * URLs that are credentials are never logged whole: a personal calendar feed (src/web/routes/personal-calendar-ics.tsx)
 * and an invitation's answer link (src/web/routes/invitation.tsx).
 */
const SECRET_PATHS = /^((?:\/sv|\/en)?\/(?:calendar|invitations)\/)[^/]+$/;

/** One JSON log line when the response has been sent: who (address, user or token), what, the status and time. */
export function logWhenFinished(req: IncomingMessage, res: ServerResponse, log: Logger, requestId: string, opts: { trustProxy: boolean }): void {
  const path = (req.url ?? '/').split('?')[0]!.replace(SECRET_PATHS, '$1…');
  const start = process.hrtime.bigint();
  const client = clientAddressOf(req, opts.trustProxy);
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    log.info('request', { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10, client, ...actorFields(actingIn(res)) });
  });
}

/**
 * Every response carries an X-Request-Id and ends in one JSON log line. The Express app starts each
 * request with this; the page cache's front door (server/page-cache.ts) does the same with the two parts.
 */
export function beginRequest(req: IncomingMessage, res: ServerResponse, log: Logger, opts: { trustProxy: boolean }): string {
  const requestId = requestIdOf(req);
  res.setHeader('X-Request-Id', requestId);
  logWhenFinished(req, res, log, requestId, opts);
  return requestId;
}
