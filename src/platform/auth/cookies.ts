import { parse, serialize } from 'cookie';

export const SESSION_COOKIE = 'kp_session';
/**
 * With secure cookies (https) the session cookie carries the `__Host-` prefix (ASVS L2 3.4.4): the browser keeps
 * it only when it is Secure, has Path=/ and no Domain, so neither plain http nor a sibling subdomain can plant or
 * overwrite it. Over plain http (tests, local development) browsers refuse such a cookie, so the name is bare.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

/** The session token from a Cookie header, under the name this configuration uses (no fallback to the other). */
export function readSessionCookie(header: string | null | undefined, secure: boolean): string | undefined {
  return readCookie(header, sessionCookieName(secure));
}
/** Anonymous visitors get a random id so their forms (sign-in, feedback) can carry a CSRF token too. */
export const ANON_COOKIE = 'kp_anon';

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  return parse(header)[name];
}

export function sessionCookie(value: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  return serialize(sessionCookieName(opts.secure), value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    path: '/',
    maxAge: opts.maxAgeSeconds,
  });
}

export function clearSessionCookie(secure: boolean): string {
  return serialize(sessionCookieName(secure), '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}

export function anonCookie(value: string, secure: boolean): string {
  return serialize(ANON_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 60 * 60 * 24 * 30 });
}
