import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/** Builders for Sotkanet-shaped test files (see tests/fixtures/indicators/README.md). */
export const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures/indicators');
const REFERENCE = path.resolve(import.meta.dirname, '../../../db/reference');

const csv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];

/** Made-up Sotkanet ids for areas missing from our reference data. */
export const TEST_IDS = { pertunmaa: 9588, country: 9001, seutukunta: 9002, oldPohjoisPohjanmaa: 893, aland: 956 } as const;

/**
 * A /regions answer: every municipality (sotkanet_id_2015) plus Pertunmaa, the 22 counties (Sotkanet codes
 * are Statistics Finland's class codes without the leading zero, '1'…'21', '90'), Åland's county (956, '91'),
 * an area of Sotkanet's older 2021–2022 numbering (893, '15' = Pohjois-Pohjanmaa then, Keski-Suomi now),
 * the regions, the whole country and one SEUTUKUNTA.
 */
export function regionsSnapshot(): object[] {
  const out: object[] = [];
  const t = (fi: string) => ({ fi, sv: fi, en: fi });
  for (const m of csv(path.join(REFERENCE, 'municipalities.csv'))) {
    out.push({ id: Number(m.sotkanet_id_2015), code: m.code, category: 'KUNTA', title: t(m.name_fi!), uri: `http://urn.fi/URN:NBN:fi:au:kunta:${m.code}`, memberOf: [] });
  }
  out.push({ id: TEST_IDS.pertunmaa, code: '588', category: 'KUNTA', title: t('Pertunmaa'), uri: null, memberOf: [] });
  for (const c of csv(path.join(REFERENCE, 'counties.csv'))) {
    out.push({ id: Number(c.sotkanet_id), code: String(Number(c.statfi_class_code)), category: 'HYVINVOINTIALUE', title: t(c.name_fi!), memberOf: [] });
  }
  out.push({ id: TEST_IDS.aland, code: '91', category: 'HYVINVOINTIALUE', title: t('Ahvenanmaa'), memberOf: [] });
  out.push({ id: TEST_IDS.oldPohjoisPohjanmaa, code: '15', category: 'HYVINVOINTIALUE', title: t('Pohjois-Pohjanmaan hyvinvointialue'), memberOf: [] });
  for (const r of csv(path.join(REFERENCE, 'regions.csv'))) {
    out.push({ id: Number(r.sotkanet_id_2015), code: String(Number(r.code)), category: 'MAAKUNTA', title: t(r.name_fi!), memberOf: [] });
  }
  out.push({ id: TEST_IDS.country, code: 'SSS', category: 'MAA', title: t('Koko maa'), memberOf: [] });
  out.push({ id: TEST_IDS.seutukunta, code: '171', category: 'SEUTUKUNTA', title: t('Oulun seutukunta'), memberOf: [] });
  return out;
}

/** Sotkanet region id of a municipality code (reference data; Pertunmaa the made-up id). */
export function municipalityIds(): Map<string, number> {
  const ids = new Map<string, number>();
  for (const m of csv(path.join(REFERENCE, 'municipalities.csv'))) ids.set(m.code!, Number(m.sotkanet_id_2015));
  ids.set('588', TEST_IDS.pertunmaa);
  return ids;
}

export interface TidyRow {
  indicator: string;
  region_code: string;
  year: string;
  gender: string;
  value: string;
}

/** The real 7,107 rows of indicator 127 (THL Sotkanet, CC BY 4.0). */
export function realPopulationRows(): TidyRow[] {
  return csv(path.join(FIXTURES, 'sotkanet_127_population_by_municipality_2000_2022.csv')) as unknown as TidyRow[];
}

/** The real rows as Sotkanet's /json answer, one object per line as the API pretty-prints them. */
export function realPopulationAsSotkanetJson(): string {
  const ids = municipalityIds();
  const rows = realPopulationRows().map((r) => {
    const region = ids.get(r.region_code);
    if (region === undefined) throw new Error(`no Sotkanet id for ${r.region_code}`);
    return JSON.stringify({ indicator: Number(r.indicator), region, year: Number(r.year), gender: r.gender, value: Number(r.value) });
  });
  return `[\n${rows.join(',\n')}\n]\n`;
}

export const META_127 = () => readFileSync(path.join(FIXTURES, 'sotkanet-indicator-127.json'), 'utf8');
