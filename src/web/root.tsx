import type { ReactNode } from 'react';
import { isRouteErrorResponse, Links, Meta, Outlet, useLocation, useRouteError, type LinksFunction } from 'react-router';
import { LANGS, pathInLang } from '#i18n/index.ts';
import type { Route } from './+types/root';
import { useI18n, useRootData } from './i18n.tsx';
import appCss from './styles/app.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appCss },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ context }: Route.LoaderArgs) {
  const u = context.user;
  return {
    user: u
      ? {
          id: u.id,
          displayName: u.displayName,
          isPlatformAdmin: u.isPlatformAdmin,
          adminPartyIds: u.memberships.filter((m) => m.role === 'admin').map((m) => m.partyId),
        }
      : null,
    csrfToken: context.csrfToken,
    requestId: context.requestId,
  };
}

/** Loader data is per-user; never let a shared cache keep it. */
export function headers() {
  return { 'Cache-Control': 'private, no-store' };
}

export function Layout({ children }: { children: ReactNode }) {
  const { lang, t, href } = useI18n();
  const root = useRootData();
  const location = useLocation();
  const user = root?.user ?? null;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <script src="/enhance.js" defer />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t.common.skipToContent}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <a className="site-header__brand" href={href('/')}>
              <span className="site-header__name">{t.common.appName}</span>
              <span className="site-header__tagline">{t.common.appTagline}</span>
            </a>
            <nav className="lang-switcher" aria-label={t.common.languageSwitcher}>
              <ul>
                {LANGS.map((l) => (
                  <li key={l}>
                    <a href={pathInLang(location.pathname, l) + location.search} lang={l} hrefLang={l} aria-current={l === lang ? 'true' : undefined}>
                      {t.common.languageNames[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="site-header__account">
              {user ? (
                <form method="post" action={href('/sign-out')}>
                  <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
                  <span className="site-header__user">{t.common.signedInAs(user.displayName)}</span>{' '}
                  <button type="submit" className="button button--secondary">
                    {t.common.signOut}
                  </button>
                </form>
              ) : (
                <a className="button button--secondary" href={href(`/sign-in?returnTo=${encodeURIComponent(location.pathname)}`)}>
                  {t.common.signIn}
                </a>
              )}
            </div>
          </div>
          <nav className="main-nav" aria-label={t.common.mainNav}>
            <ul>
              <li>
                <a href={href('/')} aria-current={location.pathname === href('/') ? 'page' : undefined}>
                  {t.common.nav.home}
                </a>
              </li>
              <li>
                <a href={href('/parties')} aria-current={location.pathname === href('/parties') ? 'page' : undefined}>
                  {t.common.nav.parties}
                </a>
              </li>
              {user && (user.isPlatformAdmin || user.adminPartyIds.length > 0) && (
                <li>
                  <a href={href('/audit')}>{t.common.nav.audit}</a>
                </li>
              )}
              {user && (user.isPlatformAdmin || user.adminPartyIds.length > 0) && (
                <li>
                  <a href={href('/tokens')}>{t.common.nav.tokens}</a>
                </li>
              )}
              {user && (
                <li>
                  <a href={href('/my-calendar')} aria-current={location.pathname === href('/my-calendar') ? 'page' : undefined}>
                    {t.calendar.navLink}
                  </a>
                </li>
              )}
              {user?.isPlatformAdmin && (
                <li>
                  <a href={href('/admin/feedback')}>{t.common.nav.feedback}</a>
                </li>
              )}
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <ul>
            <li>
              <a href={href('/accessibility')}>{t.common.footer.accessibility}</a>
            </li>
            <li>
              <a href="/api/v1/openapi.json">{t.common.footer.openApi}</a>
            </li>
          </ul>
          <p className="site-footer__attribution">{t.common.footer.attribution}</p>
        </footer>
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t, href } = useI18n();
  const root = useRootData();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = status === 404 ? t.common.notFoundTitle : status === 403 || status === 401 ? t.common.forbiddenTitle : t.common.errorTitle;
  const code = isRouteErrorResponse(error) && typeof error.data === 'object' && error.data ? (error.data as { code?: string }).code : undefined;
  return (
    <div className="page">
      <title>{`${title} – ${t.common.appName}`}</title>
      <h1>{title}</h1>
      {status === 404 && <p>{t.common.notFoundText}</p>}
      {code && <p>{(t.errors as Record<string, string>)[code] ?? t.errors.generic}</p>}
      {status === 401 && (
        <p>
          <a href={href('/sign-in')}>{t.common.signIn}</a>
        </p>
      )}
      <p>
        <a href={href('/')}>{t.common.toFrontPage}</a>
      </p>
      {root?.requestId && status >= 500 && <p className="muted">{t.common.requestId(root.requestId)}</p>}
    </div>
  );
}
