import { redirect } from 'react-router';
import { signOut } from '#modules/accounts/index.ts';
import { clearSessionCookie } from '#platform/auth/cookies.ts';
import { href } from '#i18n/index.ts';
import type { Route } from './+types/sign-out';
import { ctxOf } from '../app-context.ts';
import { readForm } from '../forms.server.ts';
import { langOf } from '../run.server.ts';

export function loader({ request }: Route.LoaderArgs) {
  return redirect(href(langOf(request), '/'));
}

export async function action({ context, request }: Route.ActionArgs) {
  await readForm(request, context);
  await signOut(ctxOf(context), context.sessionToken);
  return redirect(href(langOf(request), '/'), { headers: { 'Set-Cookie': clearSessionCookie(context.services.config.secureCookies) } });
}
