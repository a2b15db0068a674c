import { parse, serialize } from 'cookie';

export const SESSION_COOKIE = 'kp_session';
/** Anonymous visitors get a random id so their forms (sign-in, feedback) can carry a CSRF token too. */
export const ANON_COOKIE = 'kp_anon';

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  return parse(header)[name];
}

export function sessionCookie(value: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  return serialize(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    path: '/',
    maxAge: opts.maxAgeSeconds,
  });
}

export function clearSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}

export function anonCookie(value: string, secure: boolean): string {
  return serialize(ANON_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 60 * 60 * 24 * 30 });
}
