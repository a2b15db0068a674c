import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#platform/db/db.ts';
import { importReference } from '#modules/parties/index.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from '../../../tests/support/db.ts';
import { defineCustomIndicator, importOwnCsv, importSotkanetFile, importStatfinFile, listIndicatorImports } from './index.ts';
import { FIXTURES, META_127, realPopulationAsSotkanetJson, regionsSnapshot } from './indicator-fixtures.test-support.ts';
import type { Progress } from './import-report.ts';

/** Every real file shape (tests/fixtures/indicators, written from the Sotkanet REST and JSON-stat 2 docs). */
let db: Db;
const REGIONS = JSON.stringify(regionsSnapshot());
const fixture = (f: string) => readFileSync(path.join(FIXTURES, f));

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

const sotkanet = (format: 'sotkanet-json' | 'sotkanet-csv', file: Uint8Array | string, fileName: string, skipInvalid = false) =>
  importSotkanetFile(testCtx(db), { format, file, fileName, regions: REGIONS, indicatorMeta: [META_127()], skipInvalid });

async function stored(indicator: string) {
  const rows = await db.query<{ k: string }>(
    `SELECT v.area_code || '/' || v.year || '/' || v.gender || '=' || v.value || '/' || coalesce(v.abs_value::text, '-') || '/' ||
            coalesce(v.source_area_code, '-') || '/' || coalesce(v.period, '-') AS k
       FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num WHERE i.id = $1 ORDER BY 1`,
    [indicator],
  );
  return rows.map((r) => r.k);
}
const lastImport = async () => (await listIndicatorImports(testCtx(db), { limit: 1 }))[0]!;

describe('Sotkanet: the same data in every shape stores identical values', () => {
  const expected = ['091/2022/total=664028/-/-/-', '478/2022/total=11743/-/-/-', '564/2022/female=106025.5/-/-/-', '564/2022/total=211848/211848/-/-', 'HVA19/2022/total=418000/-/-/-'];

  it('reads the REST /json shape (numbers, absValue)', async () => {
    const r = await sotkanet('sotkanet-json', fixture('sotkanet-127-current.json'), 'current.json');
    expect(r).toMatchObject({ status: 'imported', rowsRead: 5, inserted: 5, skipped: 0, issueCount: 0 });
    expect(await stored('sotkanet:127')).toEqual(expected);
  });

  it('reads the older JSON keys "primary value" / "absolute value" with string values and decimal comma: nothing changes', async () => {
    const r = await sotkanet('sotkanet-json', fixture('sotkanet-127-older-keys.json'), 'older.json');
    expect(r).toMatchObject({ status: 'imported', rowsRead: 5, inserted: 0, updated: 0, unchanged: 5, issueCount: 0 });
    expect(await stored('sotkanet:127')).toEqual(expected);
  });

  it('reads both CSV header variants (primary value;absolute value and value;absValue): nothing changes', async () => {
    for (const f of ['sotkanet-127-primary-value.csv', 'sotkanet-127-value.csv']) {
      const r = await sotkanet('sotkanet-csv', fixture(f), f);
      expect(r, f).toMatchObject({ status: 'imported', rowsRead: 5, inserted: 0, updated: 0, unchanged: 5, issueCount: 0 });
    }
    expect(await stored('sotkanet:127')).toEqual(expected);
  });

  it('refuses JSON rows with neither value key, naming what was expected, and logs the rejection', async () => {
    const r = await sotkanet('sotkanet-json', '[\n{"indicator":127,"region":46,"year":2022,"gender":"total","arvo":5}\n]', 'unknown.json');
    expect(r.status).toBe('rejected');
    expect(r.issues).toEqual([{ line: 2, row: 1, code: 'sotkanet_unknown_shape', params: { expected: expect.stringContaining('"primary value"'), found: 'indicator, region, year, gender, arvo' } }]);
    expect(await lastImport()).toMatchObject({ status: 'rejected', fileName: 'unknown.json' });
  });
});

describe('files that would lose values silently', () => {
  it('rejects UTF-16 without a byte order mark, and logs it', async () => {
    const text = 'indicator;region;year;gender;primary value;absolute value\n127;46;2022;total;1;\n';
    const le = Buffer.from(text, 'utf16le');
    expect(le[0]).not.toBe(0xff);
    const r = await sotkanet('sotkanet-csv', le, 'utf16.csv');
    expect(r).toMatchObject({ status: 'rejected', issues: [{ line: 1, code: 'encoding_utf16' }] });
    expect(await lastImport()).toMatchObject({ status: 'rejected', fileName: 'utf16.csv', report: { issues: [{ code: 'encoding_utf16' }] } });
  });

  it('rejects a header without rows and an empty array as "no rows", and logs both', async () => {
    const a = await sotkanet('sotkanet-csv', 'indicator;region;year;gender;primary value;absolute value\n', 'header-only.csv');
    expect(a).toMatchObject({ status: 'rejected', rowsRead: 0, issues: [{ code: 'no_rows' }] });
    expect(await lastImport()).toMatchObject({ status: 'rejected', fileName: 'header-only.csv' });
    const b = await sotkanet('sotkanet-json', '[]', 'empty.json');
    expect(b).toMatchObject({ status: 'rejected', issues: [{ code: 'no_rows' }] });
    expect(await lastImport()).toMatchObject({ status: 'rejected', fileName: 'empty.json' });
  });

  it('rejects a file whose every row is left out, even with skipInvalid', async () => {
    const r = await sotkanet('sotkanet-json', '[\n{"indicator":127,"region":46,"year":2022,"gender":"total","value":null},\n{"indicator":127,"region":46,"year":2021,"gender":"total","value":"x"}\n]', 'nothing.json', true);
    expect(r).toMatchObject({ status: 'rejected', ignored: { missing_value: 1, invalid: 1 }, ignoredLines: { missing_value: [2] } });
    // File-level issues first, then by line.
    expect(r.issues.map((i) => i.code)).toEqual(['all_rows_left_out', 'not_a_number']);
  });

  it('lists issues sorted by line without repeats, and each reason with its total and first lines', async () => {
    const lines = ['indicator;region;year;gender;primary value;absolute value'];
    for (let i = 0; i < 30; i++) lines.push(i % 3 === 0 ? '127;46;1900;total;1;' : `127;46;20${10 + (i % 10)};total;x${i % 2};`);
    const r = await sotkanet('sotkanet-csv', `${lines.join('\n')}\n`, 'bad.csv');
    expect(r.status).toBe('rejected');
    const at = r.issues.map((i) => i.line!);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(new Set(r.issues.map((i) => JSON.stringify(i))).size).toBe(r.issues.length);
    expect(r.issuesByCode.year_out_of_range).toEqual({ count: 10, lines: [2, 5, 8, 11, 14, 17, 20, 23, 26, 29] });
    expect(r.issuesByCode.not_a_number!.count).toBe(20);
  });
});

describe('Statistics Finland JSON-stat 2: months and quarters', () => {
  it('takes each year’s last month (year-end stock 2024M12; 2025 so far: 2025M01), stores the period, and leaves Åland out as outside the county reform', async () => {
    const r = await importStatfinFile(testCtx(db), { file: fixture('statfin-11s5-monthly.json'), fileName: '11s5.json' });
    expect(r).toMatchObject({
      status: 'imported',
      rowsRead: 15,
      inserted: 8,
      ignored: { aland_outside_county_reform: 3, period_not_year_end: 4 },
      ignoredLines: { aland_outside_county_reform: [10, 11, 12], period_not_year_end: [1, 4, 7, 13] },
      issueCount: 0,
    });
    expect(await stored('statfin:11s5:vaesto')).toEqual([
      '091/2024/total=1001/-/-/2024M12',
      '091/2025/total=1002/-/-/2025M01',
      '564/2024/total=2001/-/-/2024M12',
      '564/2025/total=2002/-/-/2025M01',
      'FI/2024/total=5001/-/-/2024M12',
      'FI/2025/total=5002/-/-/2025M01',
      'HVA19/2024/total=3001/-/-/2024M12',
      'HVA19/2025/total=3002/-/-/2025M01',
    ]);
    expect(await importStatfinFile(testCtx(db), { file: fixture('statfin-11s5-monthly.json'), fileName: '11s5.json' })).toMatchObject({ inserted: 0, updated: 0, unchanged: 8 });
  });

  it('takes each year’s last quarter (YYYYQ4; the year in progress its latest), a missing value there is left out, not replaced', async () => {
    const r = await importStatfinFile(testCtx(db), { file: fixture('statfin-135z-quarterly.json'), fileName: '135z.json' });
    expect(r).toMatchObject({ status: 'imported', rowsRead: 12, inserted: 5, ignored: { missing_value: 1, period_not_year_end: 6 }, ignoredLines: { missing_value: [12] } });
    expect(await stored('statfin:135z:tyottomyysaste')).toEqual([
      '091/2023/total=11.5/-/-/2023Q4',
      '091/2024/total=13.5/-/-/2024Q2',
      '17/2023/total=22/-/-/2023Q4',
      '17/2024/total=24/-/-/2024Q2',
      'FI/2023/total=32.5/-/-/2023Q4',
    ]);
  });

  it('refuses a time category that is no year, quarter or month', async () => {
    const d = JSON.parse(fixture('statfin-135z-quarterly.json').toString('utf8')) as { dimension: { Vuosineljännes: { category: { index: string[] } } } };
    d.dimension.Vuosineljännes.category.index[0] = '2023K3';
    const r = await importStatfinFile(testCtx(db), { file: JSON.stringify(d), fileName: 'x.json' });
    expect(r.status).toBe('rejected');
    expect(r.issues[0]).toMatchObject({ cell: 1, code: 'bad_period', params: { value: '2023K3' } });
  });
});

describe('municipal mergers since 2000 (shipped history)', () => {
  it('sums counts of a year only when every merged part is there, and lists each merged row with its line', async () => {
    const ctx = testCtx(db);
    await defineCustomIndicator(ctx, { key: 'merge-count', titleFi: 'Määrä', additive: true });
    const csv = [
      'region_code,year,value',
      '214,2020,100', // Kankaanpää, with Honkajoki (099, merged 2021): summed
      '099,2020,10',
      '214,2021,120', // after the merger: as it is
      '507,2020,50', // Mäntyharju, with Pertunmaa (588, merged 2025): summed
      '588,2020,5',
      '734,2008,300', // Salo 2008: nine municipalities merged into it in 2009, only one given → left out
      '073,2008,30',
      '091,2020,7', // no merger involved
      '099,2022,1', // Honkajoki no longer existed in 2022
    ].join('\n');
    const r = await importOwnCsv(ctx, { indicator: 'custom:merge-count', file: `${csv}\n`, fileName: 'mix.csv' });
    expect(r).toMatchObject({
      status: 'imported',
      inserted: 4,
      merged: 2,
      ignored: { merged_incomplete: 2, merged_code_not_in_force: 1 },
      ignoredLines: { merged_incomplete: [7, 8], merged_code_not_in_force: [10] },
    });
    expect(r.mergedRows).toEqual([
      { at: 3, from: '099', to: '214', year: 2020 },
      { at: 6, from: '588', to: '507', year: 2020 },
    ]);
    expect(await stored('custom:merge-count')).toEqual([
      '091/2020/total=7/-/-/-',
      '214/2020/total=110/-/099/-',
      '214/2021/total=120/-/-/-',
      '507/2020/total=55/-/588/-',
    ]);
  });

  it('follows chains and merged_into_new: Jäppilä (184) and Pieksämäen mlk (594) in 2003 make Pieksämäki (593) with Pieksämäki and Virtasalmi', async () => {
    const ctx = testCtx(db);
    await defineCustomIndicator(ctx, { key: 'merge-chain', titleFi: 'Määrä', additive: true });
    // 2003: 184, 594, 937 (Virtasalmi) → Pieksänmaa 640 in 2004 → Pieksämäki 593 in 2007; 593 existed too.
    const ok = await importOwnCsv(ctx, { indicator: 'custom:merge-chain', file: 'region_code,year,value\n593,2003,1\n184,2003,2\n594,2003,3\n937,2003,4\n', fileName: 'chain.csv' });
    expect(ok).toMatchObject({ status: 'imported', inserted: 1, merged: 3 });
    expect(await stored('custom:merge-chain')).toEqual(['593/2003/total=10/-/184,594,937/-']);
    // 2005: Pieksänmaa (640) and Pieksämäki (593) were the parts.
    const r = await importOwnCsv(ctx, { indicator: 'custom:merge-chain', file: 'region_code,year,value\n593,2005,1\n640,2005,2\n', fileName: 'chain2.csv' });
    expect(r).toMatchObject({ status: 'imported', inserted: 1, merged: 1 });
    expect(await stored('custom:merge-chain')).toContain('593/2005/total=3/-/640/-');
  });

  it('learns a newer merger from import-reference --changes (municipality_change), and a future one waits for its date', async () => {
    const ctx = testCtx(db);
    await defineCustomIndicator(ctx, { key: 'merge-new', titleFi: 'Määrä', additive: true });
    const shipped = readFileSync(path.join(FIXTURES, '../../../db/reference/municipalities.csv'), 'utf8').replace(/\r\n/g, '\n');
    // A made-up merger of Alavieska (009) into Ylivieska (977) on 2026-01-01, and one of Sievi (746) in 2027.
    const withoutAlavieska = shipped.split('\n').filter((l) => !l.startsWith('009,')).join('\n');
    const changes = 'effective_date,old_code,old_name_fi,old_name_sv,new_code,new_name_fi,change\n2026-01-01,009,Alavieska,,977,Ylivieska,merged_into_existing\n2027-01-01,746,Sievi,,977,Ylivieska,merged_into_existing\n';
    const ref = await importReference(ctx, { municipalitiesCsv: withoutAlavieska, changesCsv: changes, source: 'test' });
    expect(ref).toMatchObject({ changesStored: 2, merged: [{ oldCode: '009', newCode: '977' }] });
    const stored2 = await db.query<{ old_code: string }>('SELECT old_code FROM municipality_change ORDER BY old_code');
    expect(stored2.map((r) => r.old_code)).toEqual(['009', '746']);
    const r = await importOwnCsv(ctx, { indicator: 'custom:merge-new', file: 'region_code,year,value\n977,2025,10\n009,2025,2\n746,2025,3\n', fileName: 'new.csv' });
    expect(r).toMatchObject({ status: 'imported', inserted: 2, merged: 1, mergedRows: [{ at: 3, from: '009', to: '977', year: 2025 }] });
    expect(await stored('custom:merge-new')).toEqual(['746/2025/total=3/-/-/-', '977/2025/total=12/-/009/-']);
    const again = await importReference(ctx, { municipalitiesCsv: withoutAlavieska, changesCsv: changes, source: 'test' });
    expect(again.changesStored).toBe(0);
  });
});

describe('progress', () => {
  it('moves while reading and checking a file, not only while saving', async () => {
    const seen: Progress[] = [];
    const r = await importSotkanetFile(testCtx(db), { format: 'sotkanet-json', file: realPopulationAsSotkanetJson(), fileName: 'p.json', regions: REGIONS, indicatorMeta: [META_127()], onProgress: (p) => seen.push(p) });
    expect(r.status).toBe('imported');
    for (const phase of ['read', 'validate'] as const) {
      const between = seen.filter((p) => p.phase === phase && p.done > 0 && p.done < p.total);
      expect(between.length, phase).toBeGreaterThan(3);
      expect(between.map((p) => p.done)).toEqual([...between.map((p) => p.done)].sort((a, b) => a - b));
    }
  });
});

describe('preview', () => {
  it('tells what an import would add, change and leave out, and writes and logs nothing', async () => {
    const ctx = testCtx(db);
    await defineCustomIndicator(ctx, { key: 'preview', titleFi: 'Määrä', additive: true });
    await importOwnCsv(ctx, { indicator: 'custom:preview', file: 'region_code,year,value\n091,2020,1\n564,2020,2\n', fileName: 'a.csv' });
    const before = await stored('custom:preview');
    const logs = (await listIndicatorImports(ctx, { limit: 500 })).length;
    const p = await importOwnCsv(ctx, { indicator: 'custom:preview', file: 'region_code,year,value\n091,2020,1\n564,2020,5\n564,2021,3\n588,2020,\n', fileName: 'b.csv', preview: true });
    expect(p).toMatchObject({ status: 'imported', importId: null, inserted: 1, updated: 1, unchanged: 1, ignored: { missing_value: 1 }, ignoredLines: { missing_value: [5] } });
    expect((p as { changedRows?: unknown[] }).changedRows).toEqual([expect.objectContaining({ areaCode: '564', year: 2020, value: 5 })]);
    expect(await stored('custom:preview')).toEqual(before);
    expect((await listIndicatorImports(ctx, { limit: 500 })).length).toBe(logs);
  });
});

describe('who may import from Sotkanet and StatFin (declared in indicator-policy.ts)', () => {
  it('the county’s administrators and platform administrators; not a municipality’s administrator nor a county editor', async () => {
    const county = await partyIdByCode(db, 'HVA19');
    const oulu = await partyIdByCode(db, '564');
    const countyAdmin = await createTestActor(db, [{ partyId: county, role: 'admin' }]);
    const countyEditor = await createTestActor(db, [{ partyId: county, role: 'editor' }]);
    const municipalityAdmin = await createTestActor(db, [{ partyId: oulu, role: 'admin' }]);
    const input = { format: 'sotkanet-json' as const, file: fixture('sotkanet-127-current.json'), fileName: 'c.json' };
    expect(await importSotkanetFile(testCtx(db, countyAdmin), input)).toMatchObject({ status: 'imported' });
    expect((await listIndicatorImports(testCtx(db, countyAdmin), { limit: 1 }))[0]).toMatchObject({ fileName: 'c.json' });
    for (const a of [countyEditor, municipalityAdmin]) {
      await expect(importSotkanetFile(testCtx(db, a), input)).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(importStatfinFile(testCtx(db, a), { file: fixture('statfin-135z-quarterly.json'), fileName: 'q.json' })).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(listIndicatorImports(testCtx(db, a))).rejects.toMatchObject({ kind: 'forbidden' });
    }
  });
});
