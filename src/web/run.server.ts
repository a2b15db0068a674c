import { data, redirect } from 'react-router';
import { HTTP_STATUS, isAppError } from '#platform/errors.ts';
import { href, langFromPath, type Lang } from '#i18n/index.ts';

/** The page language of a request (from its URL prefix). */
export const langOf = (request: Request): Lang => langFromPath(new URL(request.url).pathname);

/**
 * Runs a use case for a loader. Domain errors become HTTP errors with the code (rendered translated by
 * the error boundary); an anonymous user hitting a protected page is sent to sign in and back.
 */
export async function load<T>(request: Request, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.kind === 'unauthenticated') {
      const url = new URL(request.url);
      throw redirect(href(langOf(request), `/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`));
    }
    throw data({ code: e.code }, { status: HTTP_STATUS[e.kind] });
  }
}
