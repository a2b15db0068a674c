import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#platform/actor.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestActor, createTestDb, partyIdByCode, TEST_DB_KIND, testCtx } from '../../../tests/support/db.ts';
import {
  defineCustomIndicator,
  fetchSotkanet,
  getIndicatorValues,
  importOwnCsv,
  importSotkanetFile,
  importStatfinFile,
  listIndicatorImports,
  listIndicators,
  updateIndicator,
  type ImportReport,
} from './index.ts';
import { META_127, municipalityIds, realPopulationAsSotkanetJson, realPopulationRows, regionsSnapshot, TEST_IDS } from './indicator-fixtures.test-support.ts';

let db: Db;
const REGIONS = JSON.stringify(regionsSnapshot(), null, 1);
const ids = municipalityIds();

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params))[0]!.n;
const valueCount = (indicator: string) =>
  count('SELECT count(*)::int AS n FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num WHERE i.id = $1', [indicator]);
async function valueOf(indicator: string, area: string, year: number, gender = 'total') {
  const rows = await db.query<{ value: number; abs_value: number | null; source_area_code: string | null }>(
    `SELECT v.value, v.abs_value, v.source_area_code FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num
      WHERE i.id = $1 AND v.area_code = $2 AND v.year = $3 AND v.gender = $4::indicator_gender`,
    [indicator, area, year, gender],
  );
  return rows[0];
}
/** A small Sotkanet /json answer, one row per line. */
const sotkanetJson = (rows: object[]) => `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]`;
const regionId = (category: string, code: string) =>
  (regionsSnapshot() as { id: number; code: string; category: string }[]).find((r) => r.category === category && r.code === String(Number(code)))!.id;
const row = (region: number, year: number, value: unknown, extra: object = {}) => ({ indicator: 127, region, year, gender: 'total', value, ...extra });

/** Imports a small file with indicator 127's metadata and the regions snapshot, as the CLI would. */
const importJson = (file: string | Uint8Array, opts: { skipInvalid?: boolean; fileName?: string } = {}) =>
  importSotkanetFile(testCtx(db), { format: 'sotkanet-json', file, fileName: opts.fileName ?? 'test.json', regions: REGIONS, indicatorMeta: [META_127()], skipInvalid: opts.skipInvalid ?? false });

describe('Sotkanet /json with the real 7,107 rows of indicator 127', () => {
  let first: ImportReport;
  it('imports every row, maps Pertunmaa (588) onto Mäntyharju (507) adding the populations, and fills the catalogue', async () => {
    const json = realPopulationAsSotkanetJson();
    const t0 = performance.now();
    first = await importJson(new TextEncoder().encode(json), { fileName: 'sotkanet_127.json' });
    const ms = performance.now() - t0;
    console.info(`[measure] ${TEST_DB_KIND}: imported 7,107 real Sotkanet rows in ${Math.round(ms)} ms (report ${first.durationMs} ms)`);
    expect(first).toMatchObject({ status: 'imported', rowsRead: 7107, inserted: 7084, updated: 0, unchanged: 0, merged: 23, skipped: 0, issueCount: 0 });
    expect(await valueCount('sotkanet:127')).toBe(308 * 23);

    const tidy = realPopulationRows();
    const pop = (code: string, year: string) => Number(tidy.find((r) => r.region_code === code && r.year === year)!.value);
    expect(await valueOf('sotkanet:127', '507', 2022)).toEqual({ value: pop('507', '2022') + pop('588', '2022'), abs_value: null, source_area_code: '588' });
    expect(await valueOf('sotkanet:127', '588', 2022)).toBeUndefined();
    expect(await valueOf('sotkanet:127', '091', 2000)).toEqual({ value: pop('091', '2000'), abs_value: null, source_area_code: null });

    const { items } = await listIndicators(testCtx(db), { source: 'sotkanet' });
    const ind = items.find((i) => i.id === 'sotkanet:127')!;
    expect(ind).toMatchObject({ title: { fi: 'Väestö 31.12.', sv: 'Befolkning 31.12', en: 'Population 31 Dec' }, unit: 'LKM', additive: true, licence: 'CC BY 4.0', attribution: 'THL, Sotkanet', organisation: 'Tilastokeskus', dataUpdated: '2023-05-31' });
    // Sotkanet's HTML is stored as text.
    expect(ind.description.fi).toBe('Indikaattori ilmaisee alueella vakinaisesti asuvan väestön määrän vuoden viimeisenä päivänä.\n\nVäestötietona käytetään Tilastokeskuksen väestötilastoa.');
  });

  it('changes nothing when the same file is imported again, and says so', async () => {
    const again = await importJson(realPopulationAsSotkanetJson());
    expect(again).toMatchObject({ status: 'imported', inserted: 0, updated: 0, unchanged: 7084, merged: 23 });
    expect(await valueCount('sotkanet:127')).toBe(7084);
    const rows = await db.query<{ import_id: number }>(
      `SELECT DISTINCT v.import_id FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num WHERE i.id = 'sotkanet:127'`,
    );
    expect(rows.map((r) => Number(r.import_id))).toEqual([first.importId]);
  });

  it('logs and audits every import with its counts', async () => {
    const log = await listIndicatorImports(testCtx(db));
    expect(log[0]).toMatchObject({ status: 'imported', source: 'sotkanet-json', rowsRead: 7107, inserted: 0, updated: 0, unchanged: 7084, actor: 'system:test' });
    expect(log[1]).toMatchObject({ fileName: 'sotkanet_127.json', inserted: 7084 });
    const audit = await db.query<{ summary: { after: Record<string, unknown> } }>(
      `SELECT summary FROM audit_event WHERE action = 'indicator.import' AND target_id = $1`,
      [String(first.importId)],
    );
    expect(audit[0]!.summary.after).toMatchObject({ status: 'imported', rows_read: 7107, inserted: 7084, merged: 23 });
  });

  it('serves values by indicator, areas and years', async () => {
    const { values } = await getIndicatorValues(testCtx(db), { indicator: 'sotkanet:127', areas: '564,507', yearFrom: 2021, yearTo: 2022 });
    expect(values.map((v) => `${v.areaCode}/${v.year}`)).toEqual(['507/2021', '507/2022', '564/2021', '564/2022']);
    expect(values.find((v) => v.areaCode === '507')?.sourceAreaCode).toBe('588');
    await expect(getIndicatorValues(testCtx(db), { indicator: 'sotkanet:999999' })).rejects.toMatchObject({ code: 'indicators.not_found' });
    await expect(getIndicatorValues(testCtx(db), { indicator: 'sotkanet:127', areas: 'Oulu' })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('updates only the values that changed', async () => {
    const oulu = ids.get('564')!;
    const file = sotkanetJson([row(oulu, 2022, 1), row(oulu, 2021, Number(realPopulationRows().find((r) => r.region_code === '564' && r.year === '2021')!.value))]);
    const r = await importJson(file);
    expect(r).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect((await valueOf('sotkanet:127', '564', 2022))?.value).toBe(1);
  });
});

describe('Sotkanet /csv', () => {
  const header = 'indicator;region;year;gender;primary value;absolute value';
  it('reads decimal commas and absolute values, counties by Sotkanet id, regions, the whole country; leaves other categories out', async () => {
    const csv = [
      header,
      `127;973;2022;total;416584;`, // Pohjois-Pohjanmaan hyvinvointialue
      `127;960;2022;male;330123,0;`, // City of Helsinki as a county
      `127;${regionId('MAAKUNTA', '17')};2022;female;12,5;3`, // Pohjois-Pohjanmaa
      `127;${TEST_IDS.country};2022;total;5563970;`,
      `127;${TEST_IDS.seutukunta};2022;total;250000;`,
      `127;${TEST_IDS.aland};2022;total;30000;`,
      `127;${TEST_IDS.oldPohjoisPohjanmaa};2022;total;1;`,
    ].join('\r\n');
    const r = await importSotkanetFile(testCtx(db), { format: 'sotkanet-csv', file: csv, fileName: 'a.csv' });
    expect(r).toMatchObject({ status: 'imported', rowsRead: 7, inserted: 4, skipped: 3, ignored: { 'category:SEUTUKUNTA': 1, county_unmapped: 1, aland_outside_county_reform: 1 } });
    expect(await valueOf('sotkanet:127', 'HVA19', 2022)).toMatchObject({ value: 416584 });
    expect(await valueOf('sotkanet:127', 'HVA90', 2022, 'male')).toMatchObject({ value: 330123 });
    expect(await valueOf('sotkanet:127', '17', 2022, 'female')).toEqual({ value: 12.5, abs_value: 3, source_area_code: null });
    expect(await valueOf('sotkanet:127', 'FI', 2022)).toMatchObject({ value: 5563970 });
    // Sotkanet's 2021–2022 numbering ('15' was Pohjois-Pohjanmaa) must not land on Keski-Suomi (HVA15).
    expect(await valueOf('sotkanet:127', 'HVA15', 2022)).toBeUndefined();
  });

  it('refuses a comma-separated file given as Sotkanet CSV, on line 1', async () => {
    const r = await importSotkanetFile(testCtx(db), { format: 'sotkanet-csv', file: 'indicator,region,year,gender,primary value,absolute value\n127,973,2022,total,1,\n', fileName: 'comma.csv' });
    expect(r).toMatchObject({ status: 'rejected', issues: [{ line: 1, code: 'wrong_delimiter', params: { expected: ';', found: ',' } }] });
  });

  it('refuses a Latin-1 file, naming the line of the first non-UTF-8 byte', async () => {
    const latin1 = Buffer.from(`${header}\n127;973;2022;total;1;\n127;973;2021;total;1;# P\xe4ij\xe4t-H\xe4me\n`, 'latin1');
    const r = await importSotkanetFile(testCtx(db), { format: 'sotkanet-csv', file: latin1, fileName: 'latin1.csv' });
    expect(r).toMatchObject({ status: 'rejected', issueCount: 1, issues: [{ line: 3, code: 'encoding_latin1', params: { byte: '0xE4' } }] });
    expect(await valueOf('sotkanet:127', 'HVA19', 2021)).toBeUndefined();
  });

  it('refuses a header that is not Sotkanet’s', async () => {
    const r = await importSotkanetFile(testCtx(db), { format: 'sotkanet-csv', file: 'indicator;region;year;value\n', fileName: 'h.csv' });
    expect(r.issues[0]).toMatchObject({ line: 1, code: 'bad_header' });
  });
});

describe('a file with bad rows', () => {
  const oulu = () => ids.get('564')!;
  const bad = () =>
    sotkanetJson([
      row(oulu(), 2019, 100),
      row(oulu(), 2018, 'n/a'), // line 3: not a number
      row(123456, 2018, 5), // line 4: region id not in the snapshot
      row(oulu(), 1985, 5), // line 5: year out of range
      { ...row(oulu(), 2017, 5), indicator: 99999 }, // line 6: indicator not in the catalogue
      row(oulu(), 2019, 101), // line 7: duplicate of line 2
      row(oulu(), 2016, 7), // good
    ]);

  it('changes nothing by default and reports every bad line with its reason', async () => {
    const before = [await valueOf('sotkanet:127', '564', 2019), await valueOf('sotkanet:127', '564', 2016)];
    const audits = await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'indicator.import'`);
    const r = await importSotkanetFile(testCtx(db), { format: 'sotkanet-json', file: bad(), fileName: 'bad.json' });
    expect(r.status).toBe('rejected');
    expect(r.issues.map((i) => [i.line, i.row, i.code])).toEqual([
      [3, 2, 'not_a_number'],
      [4, 3, 'unknown_region'],
      [5, 4, 'year_out_of_range'],
      [6, 5, 'unknown_indicator'],
      [7, 6, 'duplicate_row'],
    ]);
    expect(r.issues.find((i) => i.code === 'duplicate_row')?.params).toEqual({ first: 2 });
    expect(r.issues.find((i) => i.code === 'year_out_of_range')?.params).toEqual({ value: 1985, min: 1990, max: 2027 });
    expect([await valueOf('sotkanet:127', '564', 2019), await valueOf('sotkanet:127', '564', 2016)]).toEqual(before);
    expect(before[0]?.value).not.toBe(100);
    const log = (await listIndicatorImports(testCtx(db), { limit: 1 }))[0]!;
    expect(log).toMatchObject({ status: 'rejected', fileName: 'bad.json', inserted: 0, report: { issueCount: 5 } });
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'indicator.import'`)).toBe(audits + 1);
  });

  it('imports the good rows and reports the bad ones with skipInvalid', async () => {
    const r = await importSotkanetFile(testCtx(db), { format: 'sotkanet-json', file: bad(), fileName: 'bad.json', skipInvalid: true });
    expect(r).toMatchObject({ status: 'imported', rowsRead: 7, issueCount: 5, skipped: 5, ignored: { invalid: 5 } });
    expect(r.inserted + r.updated + r.unchanged).toBe(2);
    expect(await valueOf('sotkanet:127', '564', 2016)).toMatchObject({ value: 7 });
    expect(await valueOf('sotkanet:127', '564', 2019)).toMatchObject({ value: 100 });
  });

  it('leaves nothing behind when an import is killed half-way (one transaction)', async () => {
    const imports = await count('SELECT count(*)::int AS n FROM indicator_import');
    const file = sotkanetJson([row(oulu(), 2010, 1), row(oulu(), 2011, 2)]);
    await expect(
      importSotkanetFile(testCtx(db), {
        format: 'sotkanet-json',
        file,
        fileName: 'killed.json',
        regions: JSON.stringify(regionsSnapshot().filter((r) => (r as { id: number }).id !== TEST_IDS.seutukunta)),
        onProgress: (p) => {
          // After the values were written inside the transaction, before it commits.
          if (p.phase === 'write' && p.done > 0) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(await count('SELECT count(*)::int AS n FROM indicator_import')).toBe(imports);
    expect((await valueOf('sotkanet:127', '564', 2010))?.value).not.toBe(1);
    // The regions snapshot given with the killed import was rolled back too.
    expect(await count('SELECT count(*)::int AS n FROM sotkanet_region')).toBe(regionsSnapshot().length);
  });
});

describe('writing values (compared with what is stored, then only new rows inserted and changed rows updated)', () => {
  const importCsv = (key: string, csv: string, onProgress?: (p: { phase: string; done: number }) => void) =>
    importOwnCsv(testCtx(db), { indicator: `custom:${key}`, file: csv, fileName: `${key}.csv`, ...(onProgress ? { onProgress } : {}) });
  const stored = async (key: string) =>
    (
      await db.query<{ k: string }>(
        `SELECT v.area_code || '/' || v.year || '/' || v.gender || '=' || v.value || '/' || coalesce(v.abs_value::text, '-') || '/' || coalesce(v.source_area_code, '-') || '#' || v.import_id AS k
           FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num WHERE i.id = $1 ORDER BY 1`,
        [`custom:${key}`],
      )
    ).map((r) => r.k.replace(/#\d+$/, ''));

  it('counts inserted, updated and unchanged rows exactly when new, changed and equal rows are mixed', async () => {
    await defineCustomIndicator(testCtx(db), { key: 'write-mix', titleFi: 'Määrä', additive: true });
    const first = await importCsv('write-mix', 'region_code,year,value,gender\n564,2020,1.5,total\n564,2021,2,total\n564,2021,3,male\n091,2021,4,female\n');
    expect(first).toMatchObject({ status: 'imported', inserted: 4, updated: 0, unchanged: 0 });
    // 564/2020 unchanged, 564/2021 total changed, 564/2021 male unchanged, 091/2021 female missing (kept), 091/2022 and 507/2020 (with 588) new.
    const second = await importCsv('write-mix', 'region_code,year,value,gender\n564,2020,1.5,total\n564,2021,2.25,total\n564,2021,3,male\n091,2022,5,total\n507,2020,10,total\n588,2020,1,total\n');
    expect(second).toMatchObject({ status: 'imported', inserted: 2, updated: 1, unchanged: 2, merged: 1 });
    expect(await stored('write-mix')).toEqual([
      '091/2021/female=4/-/-',
      '091/2022/total=5/-/-',
      '507/2020/total=11/-/588',
      '564/2020/total=1.5/-/-',
      '564/2021/male=3/-/-',
      '564/2021/total=2.25/-/-',
    ]);
    // The changed row carries the import that changed it; the unchanged ones keep theirs.
    const imports = await db.query<{ area_code: string; year: number; gender: string; import_id: number }>(
      `SELECT v.area_code, v.year, v.gender::text, v.import_id FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num
        WHERE i.id = 'custom:write-mix' AND v.area_code = '564' ORDER BY v.year, v.gender`,
    );
    expect(imports.map((r) => r.import_id)).toEqual([first.importId, second.importId, first.importId]);
    // Only the provenance changes (the same sum, now without a merged part): an update too.
    const third = await importCsv('write-mix', 'region_code,year,value,gender\n507,2020,11,total\n');
    expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await stored('write-mix')).toContain('507/2020/total=11/-/-');
    const again = await importCsv('write-mix', 'region_code,year,value,gender\n507,2020,11,total\n564,2021,2.25,total\n');
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('compares a re-import with what is stored: thousands of awkward doubles unchanged, exactly one value and one provenance updated', async () => {
    await defineCustomIndicator(testCtx(db), { key: 'write-one-each', titleFi: 'Määrä', additive: true });
    const codes = (
      await db.query<{ code: string }>(
        `SELECT code FROM party WHERE type = 'municipality' AND ended_on IS NULL AND code NOT IN ('507', '588') ORDER BY code LIMIT 40`,
      )
    ).map((r) => r.code);
    const genders = ['total', 'male', 'female'];
    // Doubles whose shortest form has 16–17 digits (1/7, 0.1 + 0.2 …), tiny and huge ones: they must compare equal after a round trip.
    const value = (i: number) => [i / 7, 0.1 * i + 0.2, i * 1e-9 + 1 / 3, 1.7976931348623157e300 / (i + 1)][i % 4]!;
    const lines = (changed?: { at: number; to: number }) => {
      const out: string[] = [];
      let i = 0;
      for (const c of codes)
        for (let y = 2000; y <= 2022; y++)
          for (const g of genders) {
            out.push(`${c},${y},${i === changed?.at ? changed.to : value(i)},${g}`);
            i++;
          }
      return out;
    };
    const first = lines();
    const n = first.length;
    expect(n).toBe(40 * 23 * 3);
    // 507 in 2020 with merged Pertunmaa (588): stored as 10 + 1 = 11 with provenance 588.
    const a = `region_code,year,value,gender\n${first.join('\n')}\n507,2020,10,total\n588,2020,1,total\n`;
    const imported = await importCsv('write-one-each', a);
    expect(imported).toMatchObject({ status: 'imported', inserted: n + 1, updated: 0, unchanged: 0, merged: 1 });
    expect(await importCsv('write-one-each', a)).toMatchObject({ status: 'imported', inserted: 0, updated: 0, unchanged: n + 1 });
    // One value changed (row 1000), and 507's 11 now given as its own value: the same number, only the provenance differs.
    const b = `region_code,year,value,gender\n${lines({ at: 1000, to: 12.5 }).join('\n')}\n507,2020,11,total\n`;
    const second = await importCsv('write-one-each', b);
    expect(second).toMatchObject({ status: 'imported', inserted: 0, updated: 2, unchanged: n - 1, merged: 0 });
    const changedRow = first[1000]!.split(',');
    expect(await valueOf('custom:write-one-each', changedRow[0]!, Number(changedRow[1]), changedRow[3])).toEqual({ value: 12.5, abs_value: null, source_area_code: null });
    expect(await valueOf('custom:write-one-each', '507', 2020)).toEqual({ value: 11, abs_value: null, source_area_code: null });
    const byImport = await db.query<{ import_id: number; n: number }>(
      `SELECT v.import_id, count(*)::int AS n FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num
        WHERE i.id = 'custom:write-one-each' GROUP BY v.import_id ORDER BY v.import_id`,
    );
    expect(byImport.map((r) => [Number(r.import_id), r.n])).toEqual([
      [imported.importId, n - 1],
      [second.importId, 2],
    ]);
    // Every stored double is the one the file gave, bit for bit.
    const stored = await db.query<{ value: number }>(
      `SELECT v.value FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num
        WHERE i.id = 'custom:write-one-each' AND v.area_code = $1 ORDER BY v.year, v.gender`,
      [codes[0]],
    );
    expect(stored.map((r) => r.value)).toEqual(first.slice(0, 69).map((l) => Number(l.split(',')[2])));
    expect(await importCsv('write-one-each', b)).toMatchObject({ inserted: 0, updated: 0, unchanged: n + 1 });
  });

  it('leaves nothing behind when killed while inserting on a first import, or after inserting or updating later', async () => {
    await defineCustomIndicator(testCtx(db), { key: 'write-kill', titleFi: 'Määrä', additive: true });
    const kill = (p: { phase: string; done: number }) => {
      if (p.phase === 'write' && p.done > 0) throw new Error('killed');
    };
    const imports = await count('SELECT count(*)::int AS n FROM indicator_import');
    await expect(importCsv('write-kill', 'region_code,year,value\n564,2020,1\n091,2020,2\n', kill)).rejects.toThrow('killed');
    expect(await stored('write-kill')).toEqual([]);
    expect(await importCsv('write-kill', 'region_code,year,value\n564,2020,1\n')).toMatchObject({ inserted: 1 });
    await expect(importCsv('write-kill', 'region_code,year,value\n564,2020,7\n091,2020,2\n', kill)).rejects.toThrow('killed');
    expect(await stored('write-kill')).toEqual(['564/2020/total=1/-/-']);
    // Killed after the UPDATE of a changed row (the only write of this import): rolled back too.
    await expect(importCsv('write-kill', 'region_code,year,value\n564,2020,9\n', kill)).rejects.toThrow('killed');
    expect(await stored('write-kill')).toEqual(['564/2020/total=1/-/-']);
    expect(await count('SELECT count(*)::int AS n FROM indicator_import')).toBe(imports + 1);
    // Nothing of the rolled-back transactions is left over: the next import works on the same connection.
    expect(await importCsv('write-kill', 'region_code,year,value\n564,2020,7\n091,2020,2\n')).toMatchObject({ inserted: 1, updated: 1 });
  });
});

describe('merged municipalities for indicators that do not add up', () => {
  it('keeps the successor’s own rate and never maps a merged municipality’s rate onto it (left out with its line)', async () => {
    const ctx = testCtx(db);
    await defineCustomIndicator(ctx, { key: 'rate-test', titleFi: 'Osuus', unit: '%', decimals: 1, additive: false });
    const csv = 'region_code,year,value\n507,2020,10.5\n588,2020,20.5\n588,2019,30\n';
    const r = await importOwnCsv(ctx, { indicator: 'custom:rate-test', file: csv, fileName: 'rate.csv' });
    expect(r).toMatchObject({ status: 'imported', inserted: 1, merged: 0, ignored: { merged_not_additive: 2 }, ignoredLines: { merged_not_additive: [3, 4] } });
    expect(await valueOf('custom:rate-test', '507', 2020)).toEqual({ value: 10.5, abs_value: null, source_area_code: null });
    expect(await valueOf('custom:rate-test', '507', 2019)).toBeUndefined();
  });

  it('stores no partial sum for a count when a municipality of the merger is missing that year', async () => {
    const ctx = testCtx(db);
    await defineCustomIndicator(ctx, { key: 'count-test', titleFi: 'Määrä', additive: true });
    const r = await importOwnCsv(ctx, { indicator: 'custom:count-test', file: 'region_code;year;value\n588;2020;5\n507;2021;7\n', fileName: 'count.csv' });
    expect(r).toMatchObject({ inserted: 1, ignored: { merged_incomplete: 1 } });
    expect(await valueOf('custom:count-test', '507', 2020)).toBeUndefined();
  });
});

describe('Statistics Finland JSON-stat', () => {
  // Alue × Vuosi × Sukupuoli × Tiedot = 4 × 2 × 2 × 2 = 32 values, row-major (Tiedot changes fastest).
  const dataset = () => {
    const area = ['KU091', 'KU588', 'HVA19', 'SSS'];
    const years = ['2022', '2023'];
    const sex = ['SSS', '2'];
    const contents = ['vaesto', 'osuus'];
    const value: (number | null)[] = [];
    area.forEach((_, a) => years.forEach((_, y) => sex.forEach((_, s) => contents.forEach((_, c) => value.push(a * 1000 + y * 100 + s * 10 + c)))));
    value[31] = null; // SSS 2023 female osuus: missing ('.')
    return {
      version: '2.0',
      class: 'dataset',
      label: 'Väestö alueittain',
      source: 'Tilastokeskus',
      updated: '2024-03-28T05:00:00Z',
      id: ['Alue', 'Vuosi', 'Sukupuoli', 'Tiedot'],
      size: [4, 2, 2, 2],
      role: { time: ['Vuosi'], metric: ['Tiedot'] },
      dimension: {
        Alue: { label: 'Alue', category: { index: Object.fromEntries(area.map((c, i) => [c, i])), label: Object.fromEntries(area.map((c) => [c, c])) } },
        Vuosi: { label: 'Vuosi', category: { index: years } },
        Sukupuoli: { label: 'Sukupuoli', category: { index: { SSS: 0, '2': 1 }, label: { SSS: 'Yhteensä', '2': 'Naiset' } } },
        Tiedot: {
          label: 'Tiedot',
          category: {
            index: { vaesto: 0, osuus: 1 },
            label: { vaesto: 'Väestö 31.12.', osuus: 'Osuus väestöstä, %' },
            unit: { vaesto: { base: 'henkilöä', decimals: 0 }, osuus: { base: '%', decimals: 1 } },
          },
        },
      },
      value,
      extension: { px: { tableid: '11ra' } },
    };
  };

  it('imports one indicator per content, in row-major order, mapping KU/HVA/SSS codes and merged municipalities', async () => {
    const r = await importStatfinFile(testCtx(db), { file: JSON.stringify(dataset()), fileName: '11ra.json' });
    // KU588 (area index 1, cells 9–16): StatFin contents are not additive until an administrator says so, and
    // 507 has no value of its own: a rate is never mapped onto today's Mäntyharju, left out with its cells.
    expect(r).toMatchObject({
      status: 'imported',
      rowsRead: 32,
      inserted: 23,
      ignored: { missing_value: 1, merged_not_additive: 8 },
      ignoredLines: { missing_value: [32], merged_not_additive: [9, 10, 11, 12, 13, 14, 15, 16] },
      indicators: ['statfin:11ra:osuus', 'statfin:11ra:vaesto'],
    });
    expect(await valueOf('statfin:11ra:vaesto', '507', 2023, 'female')).toBeUndefined();
    expect(await valueOf('statfin:11ra:osuus', '091', 2022, 'total')).toMatchObject({ value: 1 });
    expect(await valueOf('statfin:11ra:vaesto', 'HVA19', 2023, 'total')).toMatchObject({ value: 2100 });
    expect(await valueOf('statfin:11ra:vaesto', 'FI', 2023, 'female')).toMatchObject({ value: 3110 });
    expect(await valueOf('statfin:11ra:osuus', 'FI', 2023, 'female')).toBeUndefined();
    const { items } = await listIndicators(testCtx(db), { source: 'statfin' });
    expect(items.find((i) => i.id === 'statfin:11ra:osuus')).toMatchObject({ title: { fi: 'Osuus väestöstä, %' }, unit: '%', decimals: 1, attribution: 'Tilastokeskus', licence: 'CC BY 4.0', dataUpdated: '2024-03-28' });
    const again = await importStatfinFile(testCtx(db), { file: JSON.stringify(dataset()), fileName: '11ra.json' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 23 });
  });

  it('refuses an unknown area code and a dimension it cannot place', async () => {
    const d = dataset();
    d.dimension.Alue.category.index = { KU091: 0, XX1: 1, HVA19: 2, SSS: 3 } as never;
    const r = await importStatfinFile(testCtx(db), { file: JSON.stringify(d), fileName: 'x.json' });
    expect(r.status).toBe('rejected');
    expect(r.issues[0]).toMatchObject({ cell: 9, code: 'unknown_area_code', params: { value: 'XX1' } });
    const e = { ...dataset(), id: ['Alue', 'Vuosi', 'Ikä', 'Tiedot'] };
    (e.dimension as Record<string, unknown>)['Ikä'] = e.dimension.Sukupuoli;
    const r2 = await importStatfinFile(testCtx(db), { file: JSON.stringify(e), fileName: 'y.json' });
    expect(r2.issues).toEqual([{ code: 'jsonstat_unsupported_dimension', params: { dimension: 'Ikä' } }]);
  });
});

describe('who may import', () => {
  let ouluId: string;
  let editor: Actor;
  let viewer: Actor;
  beforeAll(async () => {
    ouluId = await partyIdByCode(db, '564');
    editor = await createTestActor(db, [{ partyId: ouluId, role: 'editor' }]);
    viewer = await createTestActor(db, [{ partyId: ouluId, role: 'viewer' }]);
  });

  it('lets only platform administrators import Sotkanet and StatFin files', async () => {
    const file = sotkanetJson([row(ids.get('564')!, 2015, 1)]);
    await expect(importSotkanetFile(testCtx(db, editor), { format: 'sotkanet-json', file, fileName: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(importSotkanetFile(testCtx(db, { kind: 'public' }), { format: 'sotkanet-json', file, fileName: 'x' })).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(importStatfinFile(testCtx(db, editor), { file: '{}', fileName: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    const admin = await createTestActor(db, [], { isPlatformAdmin: true });
    expect((await importSotkanetFile(testCtx(db, admin), { format: 'sotkanet-json', file, fileName: 'x' })).status).toBe('imported');
  });

  it('lets a party’s editor define its own indicator and import values for its own area only', async () => {
    const ctx = testCtx(db, editor);
    const ind = await defineCustomIndicator(ctx, { key: 'oulu-liikunta', ownerPartyId: ouluId, titleFi: 'Liikuntapaikkojen käyntikerrat', titleSv: 'Besök', unit: 'kpl', additive: true });
    expect(ind).toMatchObject({ id: 'custom:oulu-liikunta', source: 'custom', ownerPartyId: ouluId, rowVersion: 1 });
    const ok = await importOwnCsv(ctx, { indicator: ind.id, partyId: ouluId, file: 'region_code,year,value,gender\n564,2024,"1234,5",\n564,2024,600,female\n', fileName: 'oma.csv' });
    expect(ok).toMatchObject({ status: 'imported', inserted: 2 });
    expect(await valueOf(ind.id, '564', 2024)).toMatchObject({ value: 1234.5 });
    const audit = await db.query<{ party_id: string }>(`SELECT party_id FROM audit_event WHERE action = 'indicator.import' AND target_id = $1`, [String(ok.importId)]);
    expect(audit[0]!.party_id).toBe(ouluId);

    const other = await importOwnCsv(ctx, { indicator: ind.id, partyId: ouluId, file: 'region_code,year,value\n564,2023,1\n091,2023,2\n', fileName: 'muu.csv' });
    expect(other).toMatchObject({ status: 'rejected', issues: [{ line: 3, code: 'area_not_own', params: { value: '091' } }] });

    await expect(importOwnCsv(ctx, { indicator: 'sotkanet:127', partyId: ouluId, file: 'region_code,year,value\n564,2023,1\n', fileName: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(importOwnCsv(ctx, { indicator: ind.id, file: 'region_code,year,value\n564,2023,1\n', fileName: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(importOwnCsv(testCtx(db, viewer), { indicator: ind.id, partyId: ouluId, file: 'region_code,year,value\n564,2023,1\n', fileName: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(defineCustomIndicator(testCtx(db, viewer), { key: 'x-y', ownerPartyId: ouluId, titleFi: 'X' })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('edits a catalogue entry with optimistic locking', async () => {
    const ctx = testCtx(db, editor);
    const fields = { titleFi: 'Liikuntapaikkojen käyntikerrat', unit: 'kpl', additive: true, direction: 'higher_is_better' };
    const saved = await updateIndicator(ctx, 'custom:oulu-liikunta', { ...fields, rowVersion: 1 });
    expect(saved).toMatchObject({ direction: 'higher_is_better', rowVersion: 2 });
    await expect(updateIndicator(ctx, 'custom:oulu-liikunta', { ...fields, rowVersion: 1 })).rejects.toMatchObject({ kind: 'conflict', code: 'indicators.edited_by_someone_else' });
    await expect(updateIndicator(ctx, 'sotkanet:127', { ...fields, rowVersion: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('live fetch from the Sotkanet REST API (a local server)', () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];
  beforeAll(async () => {
    const oulu = ids.get('564')!;
    server = createServer((req: IncomingMessage, res) => {
      const url = new URL(req.url!, 'http://x');
      requests.push(url.pathname + url.search);
      const send = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(body);
      };
      if (url.pathname === '/rest/1.1/regions') return send(200, REGIONS);
      if (url.pathname === '/rest/1.1/indicators/127') return send(200, META_127());
      if (url.pathname === '/rest/1.1/indicators/128') return send(200, META_127().replace('"id": 127', '"id": 128'));
      if (url.pathname === '/rest/1.1/json' && url.searchParams.get('indicator') === '128') {
        return send(200, JSON.stringify(url.searchParams.getAll('years').map((y) => ({ ...row(oulu, Number(y), 5), indicator: 128 }))));
      }
      if (url.pathname === '/rest/1.1/json' && url.searchParams.get('indicator') === '127') {
        const years = url.searchParams.getAll('years').map(Number);
        const rows = years.flatMap((y) => [row(oulu, y, 200000 + y, { absValue: 1 }), row(TEST_IDS.seutukunta, y, 1)]);
        return send(200, JSON.stringify(rows));
      }
      return send(404, '{"error":"not found"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest/1.1`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('fetches /regions, /indicators/{id} and /json with repeated years, and imports in one go', async () => {
    await db.query('DELETE FROM sotkanet_region');
    const phases = new Set<string>();
    const r = await fetchSotkanet(testCtx(db), { indicators: [127], years: [2020, 2021], baseUrl: base, onProgress: (p) => phases.add(p.phase) });
    expect(requests).toEqual(['/rest/1.1/regions', '/rest/1.1/indicators/127', '/rest/1.1/json?indicator=127&years=2020&years=2021&genders=total']);
    expect(r).toMatchObject({ status: 'imported', format: 'sotkanet-api', rowsRead: 4, ignored: { 'category:SEUTUKUNTA': 2 } });
    expect(await valueOf('sotkanet:127', '564', 2021)).toEqual({ value: 202021, abs_value: 1, source_area_code: null });
    expect([...phases]).toEqual(['read', 'validate', 'write', 'done']);
  });

  it('reuses the stored regions snapshot, and reports an indicator Sotkanet does not know', async () => {
    requests.length = 0;
    const r = await fetchSotkanet(testCtx(db), { indicators: [127], years: [2020, 2021], baseUrl: base });
    expect(requests.some((u) => u.includes('/regions'))).toBe(false);
    expect(r).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    await expect(fetchSotkanet(testCtx(db), { indicators: [5], years: [2020], baseUrl: base })).rejects.toMatchObject({ code: 'indicators.source_not_found' });
    await expect(fetchSotkanet(testCtx(db), { indicators: [127], years: [1980], baseUrl: base })).rejects.toMatchObject({ kind: 'invalid', issues: [{ field: 'years' }] });
  });

  it('fetches several indicators as one import', async () => {
    const r = await fetchSotkanet(testCtx(db), { indicators: [127, 128], years: [2022], baseUrl: base });
    expect(r).toMatchObject({ status: 'imported', rowsRead: 3, indicators: ['sotkanet:127', 'sotkanet:128'] });
    expect(await valueOf('sotkanet:128', '564', 2022)).toMatchObject({ value: 5 });
  });
});
