import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { META_127, municipalityIds, realPopulationAsSotkanetJson, regionsSnapshot } from '../modules/indicators/indicator-fixtures.test-support.ts';
import { createTestDb } from '../../tests/support/db.ts';
import type { CliIo } from './command.ts';
import { parseYears } from './fetch-sotkanet.ts';
import { runCli } from './main.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kp-ind-cli-'));
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function capture(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env, out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '', db, clock: fixedClock('2026-11-23T08:00:00Z') };
  return { io, out, err };
}
let n = 0;
function file(content: string | Buffer, ext = 'json'): string {
  const f = path.join(tmp, `f${++n}.${ext}`);
  writeFileSync(f, content);
  return f;
}

describe('npm run cli -- import-indicators', () => {
  it('imports a Sotkanet /json file with its regions and metadata, prints the counts and a progress bar', async () => {
    const c = capture();
    const code = await runCli(
      ['import-indicators', '--format', 'sotkanet-json', file(realPopulationAsSotkanetJson()), '--regions', file(JSON.stringify(regionsSnapshot())), '--meta', file(META_127())],
      c.io,
    );
    expect(code).toBe(0);
    const out = c.out.join('\n');
    expect(out).toContain('Rivejä luettu: 7');
    expect(out).toMatch(/Uusia arvoja: 7\s?084/);
    expect(out).toContain('Yhdistyneiden kuntien rivejä nykyisille kunnille: 23');
    expect(out).toContain('Indikaattorit: sotkanet:127');
    expect(c.err).toContain(`Tallennetaan   [${'#'.repeat(30)}] 100 %  7084/7084`);
    // Reading and checking show the rows done too, not only saving.
    expect(c.err).toContain(`Luetaan        [${'#'.repeat(30)}] 100 %  7107/7107`);
    expect(c.err).toContain(`Tarkistetaan   [${'#'.repeat(30)}] 100 %  7107/7107`);
    expect(c.err.filter((l) => l.startsWith('Tallennetaan'))).toHaveLength(1);
  });

  it('rejects a file with bad rows (exit 1), naming each line and reason, in the chosen language', async () => {
    const oulu = municipalityIds().get('564')!;
    const bad = file(`[\n${JSON.stringify({ indicator: 127, region: oulu, year: 2020, gender: 'total', value: 1 })},\n${JSON.stringify({ indicator: 127, region: oulu, year: 2021, gender: 'total', value: 'x' })}\n]`);
    const c = capture();
    expect(await runCli(['import-indicators', '--format', 'sotkanet-json', bad, '--lang', 'en'], c.io)).toBe(1);
    expect(c.err).toContain('  Line 3 (record 2): value “x” is not a number.');
    expect(c.err).toContain('1 error:');
    expect(c.err.join('\n')).toContain('was rejected; nothing was changed.');
    const two = file(`[\n${JSON.stringify({ indicator: 127, region: oulu, year: 2020, gender: 'total', value: 'y' })},\n${JSON.stringify({ indicator: 127, region: oulu, year: 2021, gender: 'total', value: 'x' })}\n]`);
    const c2 = capture();
    expect(await runCli(['import-indicators', '--format', 'sotkanet-json', two, '--lang', 'en'], c2.io)).toBe(1);
    expect(c2.err).toContain('2 errors:');
    const fi = capture();
    expect(await runCli(['import-indicators', '--format', 'sotkanet-json', two], fi.io)).toBe(1);
    expect(fi.err).toContain('2 virhettä:');
    const ok = capture();
    expect(await runCli(['import-indicators', '--format', 'sotkanet-json', bad, '--skip-invalid'], ok.io)).toBe(0);
    expect(ok.out.join('\n')).toContain('1 × virheellinen rivi (--skip-invalid)');
  });

  it('names a Latin-1 file and a comma CSV given as Sotkanet CSV', async () => {
    const c = capture();
    const latin1 = file(Buffer.from('indicator;region;year;gender;primary value;absolute value\n127;973;2020;total;1;\n# H\xe4me\n', 'latin1'), 'csv');
    expect(await runCli(['import-indicators', '--format', 'sotkanet-csv', latin1], c.io)).toBe(1);
    expect(c.err).toContain('  Rivi 3: tiedosto ei ole UTF-8-muodossa vaan ilmeisesti Latin-1/Windows-1252 (tavu 0xE4). Tallenna se UTF-8-muodossa.');
    const d = capture();
    expect(await runCli(['import-indicators', '--format', 'sotkanet-csv', file('indicator,region,year,gender,primary value,absolute value\n', 'csv')], d.io)).toBe(1);
    expect(d.err).toContain('  Rivi 1: sarakkeet on erotettu merkillä ”,”; Sotkanetin CSV:ssä erotin on ”;”.');
  });

  it('refuses an unknown format and a missing --indicator for csv', async () => {
    const c = capture();
    expect(await runCli(['import-indicators', '--format', 'xlsx', file('x')], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('sotkanet-json, sotkanet-csv, statfin, csv');
    const d = capture();
    expect(await runCli(['import-indicators', '--format', 'csv', file('region_code,year,value\n', 'csv')], d.io)).toBe(2);
    expect(d.err.join('\n')).toContain('--indicator');
  });
});

describe('npm run cli -- fetch-sotkanet', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];
  beforeAll(async () => {
    const oulu = municipalityIds().get('564')!;
    server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      seen.push(url.pathname + url.search);
      res.setHeader('content-type', 'application/json');
      if (url.pathname.endsWith('/regions')) return res.end(JSON.stringify(regionsSnapshot()));
      if (url.pathname.endsWith('/indicators/127')) return res.end(META_127());
      if (url.pathname.endsWith('/json')) {
        return res.end(JSON.stringify(url.searchParams.getAll('years').map((y) => ({ indicator: 127, region: oulu, year: Number(y), gender: 'total', value: 1 }))));
      }
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest/1.1`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('fetches the years of a range from SOTKANET_BASE_URL and imports them', async () => {
    const c = capture({ SOTKANET_BASE_URL: `${base}/` });
    expect(await runCli(['fetch-sotkanet', '--indicator', '127', '--years', '2020-2023', '--refresh-regions'], c.io)).toBe(0);
    expect(seen).toContain('/rest/1.1/json?indicator=127&years=2020&years=2021&years=2022&years=2023&genders=total');
    expect(c.out.join('\n')).toContain('Rivejä luettu: 4');
  });

  it('refuses years it cannot read', async () => {
    const c = capture({ SOTKANET_BASE_URL: base });
    expect(await runCli(['fetch-sotkanet', '--indicator', '127', '--years', '20-23'], c.io)).toBe(2);
    expect(parseYears('2020,2022, 2020')).toEqual([2020, 2022]);
    expect(parseYears('2023-2020')).toBeUndefined();
  });
});
