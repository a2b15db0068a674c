import express, { type Request, type Response } from 'express';
import { resolveSession } from '#modules/accounts/index.ts';
import { PUBLIC, type Actor } from '#platform/actor.ts';
import { readSessionCookie } from '#platform/auth/cookies.ts';
import { AppError } from '#platform/errors.ts';
import type { AppServices } from '../app-context.ts';
import { agreementOperations } from './agreements-api.ts';
import { auditOperations } from './audit-api.ts';
import { goalOperations } from './goals-api.ts';
import { apiRateLimits } from './api-limits.ts';
import { apiLang, mountOperations, type Operation, type ResolveActor } from './define.ts';
import { buildOpenApi } from './openapi.ts';
import { partyOperations } from './parties-api.ts';
import { forumOperations } from './forums-api.ts';
import { obligationOperations } from './obligations-api.ts';
import { sendProblem } from './problem.ts';
import { tokenOperations } from './tokens-api.ts';
import { situationOperations } from './situation-api.ts';
import { reportOperations } from './reports-api.ts';

/** Every operation of /api/v1; modules add theirs here. */
export const operations: Operation[] = [...partyOperations, ...tokenOperations, ...auditOperations, ...agreementOperations, ...goalOperations, ...situationOperations, ...reportOperations, ...forumOperations, ...obligationOperations];

/**
 * Who calls: a bearer API token (integrations), else a session cookie (the signed-in browser), else the public.
 * Session-authenticated writes must also send the session's CSRF token in `X-CSRF-Token`.
 */
export const resolveApiActor: ResolveActor = async (services, req) => {
  const auth = req.get('authorization');
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const resolver = services.extras.resolveApiToken as ((token: string) => Promise<Actor | undefined>) | undefined;
    const actor = m && resolver ? await resolver(m[1]!) : undefined;
    return actor ?? new AppError('auth.invalid_token', 'unauthenticated');
  }
  const session = await resolveSession(services.db, services.clock, readSessionCookie(req.headers.cookie, services.config.secureCookies), services.config.sessionIdleMinutes);
  if (!session) return PUBLIC;
  if (req.method !== 'GET' && req.get('x-csrf-token') !== session.csrfToken) return new AppError('auth.csrf_failed', 'forbidden');
  return session.actor;
};

export function createApiRouter(services: AppServices) {
  const router = express.Router();
  let doc: unknown;
  router.get('/openapi.json', (_req, res) => {
    const limits = apiRateLimits(services.config);
    doc ??= buildOpenApi(operations, services.config.publicUrl, { anonymousPerMinute: limits.anonymous.limit, tokenPerMinute: limits.token.limit });
    res.json(doc);
  });
  router.use(mountOperations(services, operations, resolveApiActor));
  router.use((req: Request, res: Response) => sendProblem(res, apiLang(req), new AppError('api.not_found', 'not_found')));
  return router;
}
