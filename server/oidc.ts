import { safeReturnTo as sameSitePath } from '../src/web/return-to.ts';
import { serialize } from 'cookie';
import express, { type Request, type Response } from 'express';
import { signInWithOidc } from '#modules/accounts/index.ts';
import { PUBLIC } from '#platform/actor.ts';
import { readCookie, sessionCookie } from '#platform/auth/cookies.ts';
import type { OidcClient, PendingLogin } from '#platform/auth/oidc.ts';
import { seal, unseal } from '#platform/auth/sealed.ts';
import { isAppError } from '#platform/errors.ts';
import { href, langFromPath } from '#i18n/index.ts';
import type { AppServices } from '../src/web/app-context.ts';

/** Holds state, nonce, PKCE verifier and where to return, sealed (AES-GCM), for ten minutes. */
export const OIDC_COOKIE = 'kp_oidc';
const COOKIE_PATH = '/auth/oidc';
const PENDING_MINUTES = 10;

type Pending = PendingLogin & { returnTo: string };

/** Only same-site paths are accepted as where to go after signing in. */
const safeReturnTo = (value: unknown): string => sameSitePath(value, '/');

/**
 * Sign-in with the organisation's identity provider: GET /auth/oidc/start?returnTo=… redirects there
 * (authorization code flow with PKCE, state and nonce); GET /auth/oidc/callback checks the answer and opens a session.
 */
export function createOidcRouter(services: Pick<AppServices, 'db' | 'clock' | 'log' | 'config'>, client: OidcClient): express.Router {
  const { config, log } = services;
  const router = express.Router();
  const redirectUri = `${config.publicUrl.replace(/\/$/, '')}${COOKIE_PATH}/callback`;
  const cookieOpts = (maxAge: number) => ({ httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, path: COOKIE_PATH, maxAge });
  const fail = (res: Response, returnTo: string, code: string) => {
    const lang = langFromPath(returnTo);
    res.redirect(303, href(lang, `/sign-in?error=${encodeURIComponent(code)}&returnTo=${encodeURIComponent(returnTo)}`));
  };

  router.get('/start', async (req: Request, res: Response) => {
    const returnTo = safeReturnTo(req.query.returnTo);
    res.setHeader('Cache-Control', 'no-store');
    try {
      const { url, pending } = await client.start(redirectUri);
      const expires = new Date(services.clock.now().getTime() + PENDING_MINUTES * 60_000);
      const value = seal(config.sessionSecret, 'oidc', { ...pending, returnTo } satisfies Pending, expires);
      res.append('Set-Cookie', serialize(OIDC_COOKIE, value, cookieOpts(PENDING_MINUTES * 60)));
      res.redirect(303, url.href);
    } catch (e) {
      log.warn('oidc start failed', { requestId: res.locals.requestId, error: e });
      fail(res, returnTo, 'auth.oidc_failed');
    }
  });

  router.get('/callback', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    // The pending login is used once, whatever happens next.
    res.append('Set-Cookie', serialize(OIDC_COOKIE, '', cookieOpts(0)));
    const pending = unseal<Pending>(config.sessionSecret, 'oidc', readCookie(req.headers.cookie, OIDC_COOKIE), services.clock.now());
    if (!pending) {
      log.warn('oidc callback without a valid pending login', { requestId: res.locals.requestId });
      return fail(res, '/', 'auth.oidc_failed');
    }
    const returnTo = safeReturnTo(pending.returnTo);
    const callbackUrl = new URL(redirectUri);
    callbackUrl.search = new URL(req.originalUrl, 'http://x').search;
    try {
      const identity = await client.finish(callbackUrl, pending);
      const ctx = { db: services.db, clock: services.clock, actor: PUBLIC, requestId: String(res.locals.requestId), log: log.child({ requestId: res.locals.requestId }) };
      const session = await signInWithOidc(ctx, identity, config.sessionDays);
      res.append('Set-Cookie', sessionCookie(session.token, { secure: config.secureCookies, maxAgeSeconds: config.sessionDays * 86400 }));
      res.redirect(303, returnTo);
    } catch (e) {
      if (isAppError(e)) return fail(res, returnTo, e.code);
      log.warn('oidc callback refused', { requestId: res.locals.requestId, error: e });
      fail(res, returnTo, 'auth.oidc_failed');
    }
  });
  return router;
}
