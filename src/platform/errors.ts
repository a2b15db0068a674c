/**
 * Errors carry stable codes, never user-facing text; the web layer translates them (src/i18n).
 * `kind` decides the HTTP status. Codes are namespaced by module: 'parties.not_found'.
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'method_not_allowed' | 'too_large' | 'unsupported_media_type' | 'rate_limited' | 'unavailable';

export interface FieldIssue {
  /** Dotted path of the field, e.g. 'businessId' or 'bodies.2.name_fi', or 'line:12:col:3' for files. */
  field: string;
  /** Stable code translated by the web layer, e.g. 'required', 'business_id_checksum'. */
  code: string;
  /** Values for the translated message (line numbers, limits). */
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly issues: FieldIssue[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (code: string) => new AppError(code, 'not_found');
export const forbidden = (code = 'auth.forbidden') => new AppError(code, 'forbidden');
export const unauthenticated = () => new AppError('auth.sign_in_required', 'unauthenticated');
export const conflict = (code: string, details: Record<string, unknown> = {}) =>
  new AppError(code, 'conflict', [], details);
export const invalid = (issues: FieldIssue[], code = 'validation.invalid_input') => new AppError(code, 'invalid', issues);

export const HTTP_STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  method_not_allowed: 405,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

/** Seconds a client should wait before it retries after a 503 (the database is restarting or failing over). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AppError');
}
