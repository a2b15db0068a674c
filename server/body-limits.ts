import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { bodyLimit, bodyTooLarge, declaredTooLarge } from '#platform/body-limit.ts';
import { catalogs, href, langFromPath, translateIssue } from '#i18n/index.ts';
import type { AppServices } from '../src/web/app-context.ts';
import { apiLang } from '../src/web/api/define.ts';
import { sendProblem } from '../src/web/api/problem.ts';
import { sendStatusPage } from './limits.ts';

/** The 413 of a body over `limit`: a Problem for the API, a translated page naming the limit for pages. */
export function sendBodyTooLarge(req: ExpressRequest, res: ExpressResponse, limit: number): void {
  if (res.headersSent) return;
  // The rest of the body is not read: the connection closes after this answer.
  res.setHeader('Connection', 'close');
  const e = bodyTooLarge(limit);
  if (new URL(req.originalUrl, 'http://x').pathname.startsWith('/api/')) {
    sendProblem(res, apiLang(req), e);
    return;
  }
  const issue = e.issues[0]!;
  const lang = langFromPath(new URL(req.originalUrl, 'http://x').pathname);
  const t = catalogs[lang];
  sendStatusPage(res, 413, lang, t.errors['http.body_too_large'], [translateIssue(lang, issue.code, issue.params)], { href: href(lang, '/'), text: t.common.toFrontPage });
}

/**
 * Refuses at once a request whose declared Content-Length is over the limit of its content type
 * (src/platform/body-limit.ts), before any reader (forms, CSRF check, JSON, multipart) starts on it.
 * Bodies without a length are cut off by their readers (server/pages.ts, the API's JSON and multipart readers).
 */
export function refuseDeclaredLargeBodies(services: Pick<AppServices, 'config'>) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const length = req.headers['content-length'];
    if (length === undefined) return next();
    const limit = bodyLimit(services.config, req.headers['content-type']);
    if (declaredTooLarge(length, limit)) return sendBodyTooLarge(req, res, limit);
    next();
  };
}
