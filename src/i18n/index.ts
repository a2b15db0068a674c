import { TIME_ZONE } from '#platform/clock.ts';
import { en } from './en/index.ts';
import { fi, type Catalog } from './fi/index.ts';
import { sv } from './sv/index.ts';

export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type { Catalog };

export const catalogs: Record<Lang, Catalog> = { fi, sv, en };

export function isLang(s: unknown): s is Lang {
  return typeof s === 'string' && (LANGS as readonly string[]).includes(s);
}

/** '/sv/regions/HVA19' → 'sv'; unprefixed paths are Finnish. */
export function langFromPath(pathname: string): Lang {
  const seg = pathname.split('/')[1];
  return seg === 'sv' || seg === 'en' ? seg : 'fi';
}

/** The path of the same page in another language. */
export function pathInLang(pathname: string, lang: Lang): string {
  const rest = langFromPath(pathname) === 'fi' ? pathname : pathname.replace(/^\/(sv|en)(?=\/|$)/, '') || '/';
  if (lang === 'fi') return rest;
  return rest === '/' ? `/${lang}` : `/${lang}${rest}`;
}

/** Prefix an app path with the language: href('sv', '/regions') → '/sv/regions'. */
export function href(lang: Lang, path: string): string {
  if (lang === 'fi') return path;
  return path === '/' ? `/${lang}` : `/${lang}${path}`;
}

const locales: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

// Building an Intl.NumberFormat costs far more than using one, and a table formats dozens of numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Lang, n: number, fractionDigits?: number): string {
  const key = `${lang}:${fractionDigits ?? ''}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits ?? 2 });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** Dates in Helsinki time: 14.9.2023 (fi), 14.9.2023 (sv), 14 Sept 2023 (en). */
export function formatDate(lang: Lang, d: Date | string): string {
  const date = typeof d === 'string' ? new Date(d.length === 10 ? `${d}T12:00:00Z` : d) : d;
  return new Intl.DateTimeFormat(locales[lang], { timeZone: TIME_ZONE, day: 'numeric', month: lang === 'en' ? 'short' : 'numeric', year: 'numeric' }).format(date);
}

export function formatDateTime(lang: Lang, d: Date | string): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  return new Intl.DateTimeFormat(locales[lang], {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: lang === 'en' ? 'short' : 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** Translates an error or field-issue code; unknown codes fall back to a generic text in the language. */
export function translateError(lang: Lang, code: string): string {
  const errors = catalogs[lang].errors as Record<string, string>;
  return errors[code] ?? catalogs[lang].errors.generic;
}

export function translateIssue(lang: Lang, code: string, params: Record<string, string | number> = {}): string {
  const v = catalogs[lang].validation as Record<string, string | ((p: Record<string, string | number>) => string)>;
  const entry = v[code];
  if (typeof entry === 'function') return entry(params);
  return entry ?? catalogs[lang].validation.invalid;
}
