import { describe, expect, it } from 'vitest';
import { parseOwnCsv } from './csv-format.ts';
import { decodeFile, firstInvalidUtf8 } from './file-text.ts';
import { IgnoredRows, IssueList } from './import-report.ts';
import { areaOfCode, parseDecimal, plainText } from './indicator.ts';
import { topLevelElementLines } from './json-lines.ts';
import { prepareRows, resolveMergers } from './merge.ts';
import { parseSotkanetCsv, parseSotkanetIndicatorMeta, parseSotkanetRegions, sotkanetRegionResolver } from './sotkanet-format.ts';
import { statfinArea } from './statfin-format.ts';

describe('reading bytes', () => {
  it('accepts UTF-8 with ä, ö, å, € and emoji, and drops a BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFFPäijät-Häme Åbo € 🙂\n');
    expect(firstInvalidUtf8(bytes)).toBe(-1);
    expect(decodeFile(bytes)).toEqual({ text: 'Päijät-Häme Åbo € 🙂\n' });
  });

  it('names Latin-1, other non-UTF-8 bytes and UTF-16 with the line', () => {
    expect(decodeFile(Buffer.from('a\nb\nP\xe4ij\xe4t\n', 'latin1'))).toEqual({ issue: { line: 3, code: 'encoding_latin1', params: { byte: '0xE4' } } });
    expect(decodeFile(new Uint8Array([0x61, 0x0a, 0xe2, 0x82]))).toEqual({ issue: { line: 2, code: 'encoding_not_utf8', params: { byte: '0xE2' } } });
    expect(decodeFile(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toEqual({ issue: { line: 1, code: 'encoding_utf16' } });
    // An overlong encoding and a surrogate are not UTF-8 either.
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xed, 0xa0, 0x80]))).toBe(1);
  });
});

describe('small rules', () => {
  it('reads numbers with a decimal point or comma, and nothing else', () => {
    expect(['12', '-3.5', '12,5', '+7', '1e3'].map(parseDecimal)).toEqual([12, -3.5, 12.5, 7, 1000]);
    expect(['', '12 345', '1.234,5', 'n/a', '..', '12,'].map(parseDecimal)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('tells the area type from our codes, and StatFin’s prefixed codes', () => {
    expect(['091', 'HVA19', '17', 'FI', 'KU091', '1'].map((c) => areaOfCode(c)?.type)).toEqual(['municipality', 'county', 'region', 'country', undefined, undefined]);
    expect(['KU091', 'HVA19', 'MK17', 'SSS', 'SK171'].map(statfinArea)).toEqual([
      { type: 'municipality', code: '091' },
      { type: 'county', code: 'HVA19' },
      { type: 'region', code: '17' },
      { type: 'country', code: 'FI' },
      undefined,
    ]);
  });

  it('turns Sotkanet’s HTML into text', () => {
    expect(plainText('<p>Rivi &amp; toinen</p><br />kolmas <a href="x">linkki</a>')).toBe('Rivi & toinen\n\nkolmas linkki');
  });

  it('finds the line of each element of a JSON array, skipping strings with brackets and escapes', () => {
    const text = '[\n{"a":"x,{[\\"]"},\n  {"b":[1,\n2]}, 3,\n"s"\n]';
    expect(topLevelElementLines(text)).toEqual([2, 3, 4, 5]);
    expect(JSON.parse(text)).toHaveLength(4);
    expect(topLevelElementLines('[{"a":1},{"a":2}]')).toEqual([1, 1]);
    expect(topLevelElementLines('[]')).toEqual([]);
  });

  it('follows merger chains to today’s municipality', () => {
    const m = resolveMergers(new Map([['001', { successor: '002', year: 2010 }], ['002', { successor: '003', year: 2020 }]]));
    expect(m.get('001')).toEqual({ successor: '003', year: 2010 });
    expect(m.get('002')).toEqual({ successor: '003', year: 2020 });
  });
});

describe('Sotkanet shapes', () => {
  it('reports malformed /regions entries by position and reads the rest', () => {
    const { regions, issues } = parseSotkanetRegions('[\n{"id":1,"code":"091","category":"kunta","title":{"fi":"Helsinki"},"memberOf":[960]},\n{"code":"x"}\n]');
    expect(regions).toEqual([{ id: 1, code: '091', category: 'KUNTA', title: { fi: 'Helsinki', sv: '', en: '' }, uri: null, memberOf: [960] }]);
    expect(issues).toEqual([{ line: 3, row: 2, code: 'region_malformed' }]);
  });

  it('reads the /indicators list (titles only) and one indicator’s metadata', () => {
    const list = parseSotkanetIndicatorMeta('[{"id":127,"title":{"fi":"Väestö 31.12.","sv":"Befolkning","en":"Population"},"organization":{"id":3,"title":{"fi":"Tilastokeskus"}}}]');
    expect(list.metas).toEqual([{ sourceId: '127', title: { fi: 'Väestö 31.12.', sv: 'Befolkning', en: 'Population' }, organisation: 'Tilastokeskus' }]);
    const one = parseSotkanetIndicatorMeta('{"id":186,"data-updated":"2025-04-29","title":{"fi":"Kuolleisuus"},"description":{"fi":"<p>Kuvaus</p>"},"primaryValueType":{"code":"PER100000"},"decimals":1}');
    expect(one.metas[0]).toMatchObject({ sourceId: '186', unit: 'PER100000', decimals: 1, dataUpdated: '2025-04-29', description: { fi: 'Kuvaus' } });
    expect(parseSotkanetIndicatorMeta('{"title":{}}').issues).toEqual([{ line: 1, row: 1, code: 'indicator_meta_malformed' }]);
  });

  it('reports a CSV row with the wrong number of fields by its line', () => {
    const resolve = sotkanetRegionResolver([{ id: 1, code: '91', category: 'KUNTA', title: { fi: '', sv: '', en: '' }, uri: null, memberOf: [] }], []);
    const out = parseSotkanetCsv('indicator;region;year;gender;primary value;absolute value\n127;1;2020;total;5;\n127;1;2021;total\n', resolve);
    expect(out.rows).toHaveLength(1);
    expect(out.rows[0]).toMatchObject({ line: 2, area: { type: 'municipality', code: '091' }, value: 5 });
    expect(out.issues.items).toEqual([{ line: 3, code: 'wrong_field_count', params: { expected: 6, found: 4 } }]);
  });
});

describe('own CSV', () => {
  it('needs the columns region_code, year and value', () => {
    expect(parseOwnCsv('kunta,vuosi,arvo\n091,2020,1\n', 'custom:x').issues.items).toEqual([{ line: 1, code: 'missing_column', params: { column: 'region_code, year, value' } }]);
  });

  it('names the line of a bad code, year, gender and value', () => {
    const out = parseOwnCsv('region_code;year;value;gender\n91;2020;1;\nHVA19;20x0;1;\nFI;2020;1;naiset\n17;2020;abc;\n091;2020;;\n', 'custom:x');
    expect(out.issues.items.map((i) => [i.line, i.code])).toEqual([
      [3, 'bad_year'],
      [4, 'bad_gender'],
      [5, 'not_a_number'],
    ]);
    // '91' reads as a region code here; prepareRows refuses it as an unknown region.
    expect(out.rows.map((r) => r.area)).toEqual([{ type: 'region', code: '91' }]);
    expect(out.ignored.counts).toEqual({ missing_value: 1 });
    const issues = new IssueList();
    prepareRows(out.rows, { indicators: new Map([['custom:x', { num: 1, additive: false }]]), municipalities: new Set(), mergers: new Map(), counties: new Set(), regions: new Set(['17']), years: { min: 1990, max: 2027 } }, issues, new IgnoredRows());
    expect(issues.items).toEqual([{ line: 2, code: 'unknown_area', params: { value: '91' } }]);
  });
});

describe('texts', () => {
  it('has a Finnish, Swedish and English text for every issue and every reason a row is left out', async () => {
    const { readFileSync } = await import('node:fs');
    const { catalogs, LANGS } = await import('#i18n/index.ts');
    const files = ['file-text.ts', 'sotkanet-format.ts', 'statfin-format.ts', 'csv-format.ts', 'merge.ts', 'sotkanet-import-steps.ts', 'run-import.ts'];
    const src = files.map((f) => readFileSync(new URL(`./${f}`, import.meta.url), 'utf8')).join('\n');
    const issueCodes = new Set([...src.matchAll(/code: '([a-z0-9_]+)'/g)].map((m) => m[1]!));
    const reasons = new Set([...src.matchAll(/countIgnored\([^,]+, '([a-z_]+)'/g)].map((m) => m[1]!));
    expect(issueCodes.size).toBeGreaterThan(30);
    expect([...reasons].sort()).toEqual(['aland_outside_county_reform', 'invalid', 'merged_code_not_in_force', 'merged_incomplete', 'merged_not_additive', 'merged_split', 'missing_value', 'period_not_year_end']);
    for (const lang of LANGS) {
      const t = catalogs[lang].indicators;
      expect([...issueCodes].filter((c) => !(c in t.issues)), lang).toEqual([]);
      expect([...reasons, 'invalid', 'county_unmapped', 'aland_outside_county_reform'].filter((r) => !(r in t.ignored)), lang).toEqual([]);
    }
  });
});
