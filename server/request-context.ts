import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { resolveSession } from '#modules/accounts/index.ts';
import { PUBLIC } from '#platform/actor.ts';
import { ANON_COOKIE, anonCookie, readCookie, readSessionCookie } from '#platform/auth/cookies.ts';
import { hmac, randomToken } from '#platform/auth/secrets.ts';
import type { AppServices, RequestContext } from '../src/web/app-context.ts';

/**
 * Builds the per-request context: who is acting (session cookie) and the CSRF token their forms carry.
 * Anonymous visitors get a random `kp_anon` cookie; their CSRF token is an HMAC of it.
 */
export async function buildRequestContext(services: AppServices, req: ExpressRequest, res: ExpressResponse): Promise<RequestContext> {
  const requestId = String(res.locals.requestId);
  const log = services.log.child({ requestId });
  const sessionToken = readSessionCookie(req.headers.cookie, services.config.secureCookies);
  const session = await resolveSession(services.db, services.clock, sessionToken, services.config.sessionIdleMinutes);
  if (session) {
    res.locals.actor = session.actor; // for the request's log line (server/request-log.ts)
    return {
      services,
      actor: session.actor,
      user: {
        id: session.user.id,
        displayName: session.user.displayName,
        isPlatformAdmin: session.user.isPlatformAdmin,
        memberships: session.user.memberships,
      },
      csrfToken: session.csrfToken,
      sessionToken,
      requestId,
      log,
    };
  }
  let anon = readCookie(req.headers.cookie, ANON_COOKIE);
  if (!anon || !/^[A-Za-z0-9_-]{20,64}$/.test(anon)) {
    anon = randomToken(24);
    res.append('Set-Cookie', anonCookie(anon, services.config.secureCookies));
  }
  return {
    services,
    actor: PUBLIC,
    user: null,
    csrfToken: hmac(services.config.sessionSecret, `csrf:${anon}`),
    requestId,
    log,
  };
}
