import type { Request, Response } from 'express';
import type { Actor } from '#platform/actor.ts';
import { AppError } from '#platform/errors.ts';
import { DEFAULT_API_RATE_LIMIT, DEFAULT_API_TOKEN_RATE_LIMIT, hitRateLimit, setRateLimitHeaders, type RateLimit } from '#platform/rate-limit.ts';
import type { AppServices } from '../app-context.ts';

const MINUTE = 60 * 1000;

/** The rules of /api/v1 (issue 8 finding 10): per anonymous address and per API token, per minute. */
export function apiRateLimits(config: AppServices['config']): { anonymous: RateLimit; token: RateLimit } {
  return {
    anonymous: { name: 'api-ip', windowMs: MINUTE, limit: config.apiRateLimit ?? DEFAULT_API_RATE_LIMIT },
    token: { name: 'api-token', windowMs: MINUTE, limit: config.apiTokenRateLimit ?? DEFAULT_API_TOKEN_RATE_LIMIT },
  };
}

/**
 * Counts an API request of an anonymous caller (by address, also when its token was refused) or of an API
 * token (by token), in the database so that every instance shares the count (src/platform/rate-limit.ts).
 * Signed-in browsers (sessions) are not counted: their pages are the product. Sets the RateLimit headers and
 * returns the 429 problem to answer when over the limit.
 */
export async function countApiRequest(services: AppServices, req: Request, res: Response, actor: Actor | AppError): Promise<AppError | undefined> {
  const rules = apiRateLimits(services.config);
  let rule: RateLimit;
  let key: string;
  if (actor instanceof AppError || actor.kind === 'public') {
    rule = rules.anonymous;
    key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  } else if (actor.kind === 'token') {
    rule = rules.token;
    key = actor.tokenId;
  } else return undefined;
  if (rule.limit <= 0) return undefined; // turned off (0)
  const r = await hitRateLimit(services.db, services.clock, rule, key);
  setRateLimitHeaders(res, rule, r);
  return r.limited ? new AppError('api.rate_limited', 'rate_limited', [], { retryAfterSeconds: r.retryAfterSeconds }) : undefined;
}
