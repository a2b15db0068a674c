import { data, redirect } from 'react-router';
import { safeReturnTo } from '../return-to.ts';
import { signInWithPassword } from '#modules/accounts/index.ts';
import { sessionCookie } from '#platform/auth/cookies.ts';
import { href } from '#i18n/index.ts';
import type { Route } from './+types/sign-in';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, PostForm, SubmitButton, TextField } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf } from '../run.server.ts';

/** Only same-site paths are accepted as where to go after signing in. */

export async function loader({ context, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const returnTo = safeReturnTo(url.searchParams.get('returnTo'), href(langOf(request), '/'));
  if (context.user) throw redirect(returnTo);
  const oidc = context.services.config.oidc;
  return { returnTo, oidcLabel: oidc ? oidc.label : null, oidcError: url.searchParams.get('error') };
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const lang = langOf(request);
  const cfg = context.services.config;
  const res = await attempt(lang, { email: values.email ?? '', returnTo: values.returnTo ?? '' }, () =>
    signInWithPassword(ctxOf(context), values, cfg.sessionDays, { accountLimit: cfg.loginAccountRateLimit }),
  );
  if (!res.ok) {
    // A throttled account: say when to try again.
    const retryAfter = res.response.data.details?.retryAfterSeconds;
    return typeof retryAfter === 'number' ? data(res.response.data, { status: 429, headers: { 'Retry-After': String(retryAfter) } }) : res.response;
  }
  return redirect(safeReturnTo(values.returnTo, href(lang, '/')), {
    headers: { 'Set-Cookie': sessionCookie(res.result.token, { secure: cfg.secureCookies, maxAgeSeconds: cfg.sessionDays * 86400 }) },
  });
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  return (
    <div className="page page--narrow">
      <title>{`${t.common.signIn} – ${t.common.appName}`}</title>
      <h1>{t.common.signIn}</h1>
      {loaderData.oidcError && <ErrorSummary message={(t.errors as Record<string, string>)[loaderData.oidcError] ?? t.errors['auth.oidc_failed']} />}
      {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} labels={{ email: t.auth.email, password: t.auth.password }} />}
      {loaderData.oidcLabel && (
        <form method="get" action="/auth/oidc/start" className="card">
          <input type="hidden" name="returnTo" value={loaderData.returnTo} />
          <button type="submit" className="button">
            {`${t.auth.signInWithOidc} (${loaderData.oidcLabel})`}
          </button>
        </form>
      )}
      <PostForm>
        <input type="hidden" name="returnTo" value={loaderData.returnTo} />
        <TextField name="email" type="email" label={t.auth.email} autoComplete="username" required defaultValue={failed?.values.email} error={failed?.fieldErrors.email} />
        <TextField name="password" type="password" label={t.auth.password} autoComplete="current-password" required error={failed?.fieldErrors.password} />
        <SubmitButton>{t.common.signIn}</SubmitButton>
      </PostForm>
    </div>
  );
}
