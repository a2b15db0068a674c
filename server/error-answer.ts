import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { HTTP_STATUS, UNAVAILABLE_RETRY_AFTER_SECONDS, type AppError } from '#platform/errors.ts';
import { catalogs, href, langFromPath, translateError } from '#i18n/index.ts';
import { apiLang } from '../src/web/api/define.ts';
import { sendInternalProblem, sendProblem } from '../src/web/api/problem.ts';
import { sendStatusPage } from './limits.ts';

const isApi = (req: ExpressRequest) => new URL(req.originalUrl, 'http://x').pathname.startsWith('/api/');

/**
 * The answer to a request that failed outside React Router and the API's operations (e.g. the session lookup
 * while the database is down): `e` with its status, or without one a 500; a Problem for the API, a page for pages.
 */
export function sendErrorAnswer(req: ExpressRequest, res: ExpressResponse, e: AppError | undefined): void {
  if (isApi(req)) return e ? sendProblem(res, apiLang(req), e) : sendInternalProblem(res, apiLang(req));
  const lang = langFromPath(new URL(req.originalUrl, 'http://x').pathname);
  const t = catalogs[lang];
  if (e?.kind === 'unavailable') res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  const paragraphs = [translateError(lang, e?.code ?? 'generic'), ...(e ? [] : [t.common.requestId(String(res.locals.requestId))])];
  sendStatusPage(res, e ? HTTP_STATUS[e.kind] : 500, lang, t.common.errorTitle, paragraphs, { href: href(lang, '/'), text: t.common.toFrontPage });
}
