import type { Response } from 'express';
import { AppError, HTTP_STATUS, isAppError, UNAVAILABLE_RETRY_AFTER_SECONDS } from '#platform/errors.ts';
import { translateError, translateIssue, type Lang } from '#i18n/index.ts';

/** RFC 9457 problem details with a stable `code`, a translated `detail` and the fields at fault. */
export function sendProblem(res: Response, lang: Lang, e: AppError): void {
  const status = HTTP_STATUS[e.kind];
  if (e.kind === 'unavailable') res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  res
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: `https://kumppanuus.fi/problems/${e.code}`,
        title: translateError(lang, e.code),
        status,
        code: e.code,
        detail: translateError(lang, e.code),
        requestId: res.locals.requestId,
        errors: e.issues.map((i) => ({ field: i.field, code: i.code, message: translateIssue(lang, i.code, i.params), ...(i.params ? { params: i.params } : {}) })),
        ...(e.kind === 'conflict' && e.details.current ? { current: e.details.current } : {}),
      }),
    );
}

export function handleApiError(res: Response, lang: Lang, e: unknown): boolean {
  if (!isAppError(e)) return false;
  sendProblem(res, lang, e);
  return true;
}

/** The 500 of the API: a Problem like the others (issue 8 finding 8), with the request id to report. */
export function sendInternalProblem(res: Response, lang: Lang): void {
  res
    .status(500)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: 'https://kumppanuus.fi/problems/internal',
        title: translateError(lang, 'generic'),
        status: 500,
        code: 'internal',
        detail: translateError(lang, 'generic'),
        requestId: res.locals.requestId,
        errors: [],
      }),
    );
}
