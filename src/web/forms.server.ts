import { data } from 'react-router';
import { safeEqual } from '#platform/auth/secrets.ts';
import { AppError, HTTP_STATUS, isAppError } from '#platform/errors.ts';
import { translateError, translateIssue, type Lang } from '#i18n/index.ts';
import type { RequestContext } from './app-context.ts';

export interface FormFailure {
  ok: false;
  /** Translated top-level message. */
  message: string;
  /** Field name → translated message, in the order the fields appear in the issues. */
  fieldErrors: Record<string, string>;
  /** The values the user sent, so nothing they typed is lost. */
  values: Record<string, string>;
  code: string;
  details?: Record<string, unknown>;
}

/**
 * Reads a posted form and checks its CSRF token. Every action calls this first.
 * A missing or wrong `_csrf` ends the request with 403 before anything else happens.
 */
export async function readForm(request: Request, context: RequestContext): Promise<FormData> {
  const form = await formDataOf(request);
  const token = form.get('_csrf');
  if (typeof token !== 'string' || !safeEqual(token, context.csrfToken)) {
    throw data({ ok: false, code: 'auth.csrf_failed' }, { status: 403 });
  }
  return form;
}

/** What an HTML form posts: url-encoded fields, or multipart/form-data when it carries files. */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * The posted form, or the error page a client gets for a body that is not one (issue 8 finding 6): another
 * content type (JSON, text) is 415, a form that cannot be read (multipart without a boundary, cut off,
 * malformed) is 400. Nothing of such a body is used.
 */
export async function formDataOf(request: Request): Promise<FormData> {
  if (!FORM_TYPES.test(request.headers.get('content-type') ?? '')) throw data({ ok: false, code: 'http.unsupported_media_type' }, { status: 415 });
  try {
    return await request.formData();
  } catch {
    throw data({ ok: false, code: 'validation.form_unreadable' }, { status: 400 });
  }
}

/** Form fields as plain strings (files and the CSRF token left out). */
export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

/**
 * Runs a use case for an action; a domain error becomes a re-rendered form (status 4xx) with translated
 * field errors and the user's values. Anything else propagates (and is a real 500).
 */
export async function attempt<T>(
  lang: Lang,
  values: Record<string, string>,
  fn: () => Promise<T>,
): Promise<{ ok: true; result: T } | { ok: false; response: ReturnType<typeof failure> }> {
  try {
    return { ok: true, result: await fn() };
  } catch (e) {
    if (isAppError(e)) return { ok: false, response: failure(lang, e, values) };
    throw e;
  }
}

export function failure(lang: Lang, e: AppError, values: Record<string, string>) {
  const fieldErrors: Record<string, string> = {};
  for (const i of e.issues) fieldErrors[i.field] ??= translateIssue(lang, i.code, i.params);
  const body: FormFailure = { ok: false, message: translateError(lang, e.code), fieldErrors, values, code: e.code, details: e.details };
  return data(body, { status: HTTP_STATUS[e.kind] });
}
