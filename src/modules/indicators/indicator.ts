/** Indicators of the shared situational picture: types and the rules that need no database. */
export const INDICATOR_SOURCES = ['sotkanet', 'statfin', 'custom'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const DIRECTIONS = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const AREA_TYPES = ['municipality', 'county', 'region', 'country'] as const;
export type AreaType = (typeof AREA_TYPES)[number];

export const GENDERS = ['total', 'male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** The file formats the importers read. */
export const IMPORT_FORMATS = ['sotkanet-json', 'sotkanet-csv', 'statfin', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface LocalisedText {
  fi: string;
  sv: string;
  en: string;
}

export interface Indicator {
  id: string;
  source: IndicatorSource;
  sourceId: string;
  title: LocalisedText;
  description: LocalisedText;
  unit: string;
  decimals: number;
  direction: Direction;
  additive: boolean;
  organisation: string;
  ownerPartyId: string | null;
  dataUpdated: string | null;
  licence: string;
  attribution: string;
  rowVersion: number;
}

export interface IndicatorValue {
  indicatorId: string;
  areaType: AreaType;
  areaCode: string;
  year: number;
  gender: Gender;
  value: number;
  absValue: number | null;
  /** The merged municipality code(s) whose value was mapped onto this area ('588'). */
  sourceAreaCode: string | null;
}

export interface Area {
  type: AreaType;
  code: string;
}

/** The country as an area code. */
export const COUNTRY_CODE = 'FI';

/**
 * Our area codes: municipality '091', county 'HVA19', region '17', country 'FI'. The formats never collide,
 * so a code alone tells its type. Returns undefined for anything else.
 */
export function areaOfCode(code: string): Area | undefined {
  if (/^\d{3}$/.test(code)) return { type: 'municipality', code };
  if (/^HVA\d{2}$/.test(code)) return { type: 'county', code };
  if (/^\d{2}$/.test(code)) return { type: 'region', code };
  if (code === COUNTRY_CODE) return { type: 'country', code };
  return undefined;
}

/**
 * The area types of codes (unknown codes left out), for reading indicator_value by its primary key
 * (indicator_num, area_type, area_code, …): `area_type = ANY(types) AND area_code = ANY(codes)`.
 */
export function areaTypesOf(codes: readonly string[]): AreaType[] {
  const types = new Set<AreaType>();
  for (const c of codes) {
    const a = areaOfCode(c);
    if (a) types.add(a.type);
  }
  return [...types];
}

/** Years a value may have: from 1990 to next year (figures are sometimes published for the coming year). */
export function yearRange(now: Date): { min: number; max: number } {
  return { min: 1990, max: now.getUTCFullYear() + 1 };
}

/**
 * A number as statistics files write it: '12', '-3.5', '12,5' (decimal comma), '1e3'. Returns undefined when
 * the text is not a plain number ('12 345', '1.234,5', 'n/a', '').
 */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  if (!/^[-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?$/.test(t)) return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** Removes HTML from a source's description (Sotkanet sends <br>, <p>, <a>) so pages can show it as text. */
export function plainText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*p\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export const SOTKANET_ATTRIBUTION = 'THL, Sotkanet';
export const STATFIN_ATTRIBUTION = 'Tilastokeskus';
export const CC_BY_4 = 'CC BY 4.0';
