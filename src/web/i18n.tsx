import { useLocation, useRouteLoaderData } from 'react-router';
import { catalogs, formatDate, formatDateTime, formatNumber, href, langFromPath, type Catalog, type Lang } from '#i18n/index.ts';

export interface I18n {
  lang: Lang;
  t: Catalog;
  href: (path: string) => string;
  date: (d: Date | string) => string;
  dateTime: (d: Date | string) => string;
  number: (n: number, fractionDigits?: number) => string;
}

export function i18nFor(lang: Lang): I18n {
  return {
    lang,
    t: catalogs[lang],
    href: (p) => href(lang, p),
    date: (d) => formatDate(lang, d),
    dateTime: (d) => formatDateTime(lang, d),
    number: (n, f) => formatNumber(lang, n, f),
  };
}

/** The language of the current page comes from its URL prefix (/sv/…, /en/…; Finnish unprefixed). */
export function useI18n(): I18n {
  const location = useLocation();
  return i18nFor(langFromPath(location.pathname));
}

export function useRootData() {
  return useRouteLoaderData('root') as
    | { user: { id: string; displayName: string; isPlatformAdmin: boolean; adminPartyIds: string[] } | null; csrfToken: string; requestId: string }
    | undefined;
}
