/**
 * Indicator suite of `npm run bench` (also runnable alone: `node --import tsx bench/indicators.ts`).
 *
 * 1. Import speed. 1,000,000 values in Sotkanet's /json shape, generated from the real distribution: the real
 *    (municipality, year) pairs of indicator 127 (tests/fixtures/indicators, the same file as
 *    /work/shared/data/sotkanet: 309 municipalities incl. Pertunmaa 588, merged into 507 in 2025, × 2000–2022),
 *    plus the 23 counties (Åland's is left out by design), 19 regions and the whole country for those years,
 *    × 3 genders, with real Sotkanet region ids (db/reference); the number of indicators is scaled to reach the
 *    row count (every other one a count, so merged municipalities are added up; the rest rates). Measured:
 *    (a) the database's own COPY of the same rows (the columns and types of indicator_value) from prepared COPY
 *        text into a bare table without indexes or constraints — the floor for getting rows in;
 *    (b) the import through the real use case (importSotkanetFile: decoding, JSON parsing, checks, merged
 *        municipalities, writing, log and audit in one transaction), as the command line runs it;
 *    (c) the same file again (every row unchanged).
 *    Printed: times and the ratios import / COPY and re-import / COPY (goal ≤ 2).
 * 2. Region dashboard scaling. getRegionSituation(HVA19) for 4 indicators with 100,000 values stored, then
 *    with 10,000,000 stored (the extra rows are other indicators × every area × 1990–2026 × 3 genders,
 *    written straight with INSERT … SELECT generate_series). Printed: median times and the ratio (goal ≤ 1.5),
 *    and the plan of the values query at the large size.
 *    On PGlite the large size is 1,000,000 rows: filling in-memory PGlite took 9–30 s per 1,000,000 rows on the
 *    shared 2-core machine, so 10,000,000 would take up to ≈ 5 minutes (and GBs of memory); 10,000,000 runs on
 *    PostgreSQL only (BENCH_DASHBOARD_LARGE_ROWS_PGLITE=10000000 to try it).
 *
 * PGlite always (in memory); PostgreSQL when BENCH_DATABASE_URL is set: temporary databases next to it,
 * dropped at the end. Environment: BENCH_INDICATOR_ROWS (default 1000000), BENCH_DASHBOARD_ROWS (default
 * 100000), BENCH_DASHBOARD_LARGE_ROWS (default 10000000; PGlite: BENCH_DASHBOARD_LARGE_ROWS_PGLITE, default
 * 1000000), BENCH_DASHBOARD_REPEAT (default 20); for development BENCH_INDICATOR_PARTS (import,dashboard) and
 * BENCH_INDICATOR_DBS (pglite,postgres) pick parts. Run time with the defaults on 2 shared cores: ≈ 4 minutes.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { importSotkanetFile, type Progress } from '../src/modules/indicators/index.ts';
import { loadReferenceData } from '../src/modules/parties/index.ts';
import { getRegionSituation } from '../src/modules/situation/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import { copyTextChunks } from '../src/platform/db/copy-text.ts';
import type { Db } from '../src/platform/db/db.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { PGLITE_PARSERS, wrapPglite } from '../src/platform/db/pglite.ts';
import { openPostgres } from '../src/platform/db/postgres.ts';
import { silentLogger } from '../src/platform/log.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const csv = (file: string) => parse(readFileSync(path.join(ROOT, file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
const envNum = (name: string, fallback: number) => {
  const v = process.env[name];
  const n = v ? Number(v) : fallback;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got ${v}`);
  return n;
};
const ms = (t: number) => `${Math.round(t).toLocaleString('en-US')} ms`;
const ms1 = (t: number) => `${t.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// ------------------------------------------------------------------ data from the real distribution

interface Place {
  sotkanetId: number;
  type: 'municipality' | 'county' | 'region' | 'country';
  code: string;
}

interface Generated {
  /** The Sotkanet /json file. */
  json: string;
  /** /indicators/{id}-shaped metadata for every indicator in it. */
  meta: string;
  /** The /regions snapshot (real ids from db/reference). */
  regions: string;
  /** Catalogue ids in the file, in order. */
  indicatorIds: string[];
  /** The same rows in indicator_value's columns (indicator_num = position in the file), for the COPY baseline. */
  copyColumns: (number | string | null)[][];
  rows: number;
}

function places(): { places: Place[]; years: Map<string, number[]>; population: Map<string, number> } {
  const out: Place[] = [];
  for (const m of csv('db/reference/municipalities.csv')) out.push({ sotkanetId: Number(m.sotkanet_id_2015), type: 'municipality', code: m.code! });
  out.push({ sotkanetId: 9588, type: 'municipality', code: '588' }); // Pertunmaa: merged into Mäntyharju 507 in 2025
  for (const c of csv('db/reference/counties.csv')) out.push({ sotkanetId: Number(c.sotkanet_id), type: 'county', code: c.code! });
  out.push({ sotkanetId: 956, type: 'county', code: 'ALAND' }); // Åland's county: left out by design (county_unmapped)
  for (const r of csv('db/reference/regions.csv')) out.push({ sotkanetId: Number(r.sotkanet_id_2015), type: 'region', code: r.code! });
  out.push({ sotkanetId: 9001, type: 'country', code: 'FI' });
  // The real years per municipality, and the real population as the base of the generated values.
  const years = new Map<string, number[]>();
  const population = new Map<string, number>();
  for (const r of csv('tests/fixtures/indicators/sotkanet_127_population_by_municipality_2000_2022.csv')) {
    years.set(r.region_code!, [...(years.get(r.region_code!) ?? []), Number(r.year)]);
    population.set(`${r.region_code}|${r.year}`, Number(r.value));
  }
  return { places: out, years, population };
}

function regionsSnapshot(ps: Place[]): string {
  const t = (fi: string) => ({ fi, sv: fi, en: fi });
  const counties = new Map(csv('db/reference/counties.csv').map((c) => [c.code!, c]));
  return JSON.stringify(
    ps.map((p) =>
      p.type === 'municipality'
        ? { id: p.sotkanetId, code: p.code, category: 'KUNTA', title: t(p.code), memberOf: [] }
        : p.type === 'county'
          ? p.code === 'ALAND'
            ? { id: p.sotkanetId, code: '91', category: 'HYVINVOINTIALUE', title: t('Ahvenanmaa'), memberOf: [] }
            : { id: p.sotkanetId, code: String(Number(counties.get(p.code)!.statfi_class_code)), category: 'HYVINVOINTIALUE', title: t(counties.get(p.code)!.name_fi!), memberOf: [] }
          : p.type === 'region'
            ? { id: p.sotkanetId, code: String(Number(p.code)), category: 'MAAKUNTA', title: t(p.code), memberOf: [] }
            : { id: p.sotkanetId, code: 'SSS', category: 'MAA', title: t('Koko maa'), memberOf: [] },
    ),
  );
}

/** `rows` Sotkanet /json rows: indicator 127 first, then 5001, 5002, … (every other one a count). */
export function generateSotkanet(rows: number): Generated {
  const { places: ps, years, population } = places();
  const allYears = [...new Set([...years.values()].flat())].sort((a, b) => a - b);
  const lines: string[] = [];
  const cols: (number | string | null)[][] = [[], [], [], [], [], [], [], [], []];
  const ids: number[] = [];
  const genders = ['total', 'male', 'female'] as const;
  for (let k = 0; lines.length < rows; k++) {
    const id = k === 0 ? 127 : 5000 + k;
    const additive = k % 2 === 0;
    ids.push(id);
    for (const y of allYears)
      for (const g of genders)
        for (const p of ps) {
          if (lines.length >= rows) break;
          if (p.type === 'municipality' && !years.get(p.code)?.includes(y)) continue;
          const base = population.get(`${p.code}|${y}`) ?? 5_000_000 / (p.type === 'country' ? 1 : p.type === 'region' ? 19 : 22);
          const share = g === 'total' ? 1 : g === 'male' ? 0.49 : 0.51;
          const value = additive ? Math.round((base * share * (k + 1)) / (k + 2)) : Math.round(((base % 997) / 9.97 + k) * 10) / 10;
          const abs = additive ? null : Math.round(base * share);
          lines.push(
            abs === null
              ? `{"indicator":${id},"region":${p.sotkanetId},"year":${y},"gender":"${g}","value":${value}}`
              : `{"indicator":${id},"region":${p.sotkanetId},"year":${y},"gender":"${g}","value":${value},"absValue":${abs}}`,
          );
          // indicator_value's columns: value, abs_value, import_id, indicator_num, area_type, area_code, year, gender, source_area_code
          cols[0]!.push(value), cols[1]!.push(abs), cols[2]!.push(1), cols[3]!.push(k + 1), cols[4]!.push(p.type);
          cols[5]!.push(p.code), cols[6]!.push(y), cols[7]!.push(g), cols[8]!.push(null);
        }
  }
  const meta = JSON.stringify(
    ids.map((id, k) => ({
      id,
      title: { fi: id === 127 ? 'Väestö 31.12.' : `Testi-indikaattori ${id}`, sv: '', en: '' },
      description: { fi: 'Vertailuaineisto.', sv: '', en: '' },
      primaryValueType: { code: k % 2 === 0 ? 'LKM' : 'PROS' },
      decimals: k % 2 === 0 ? 0 : 1,
      organization: { id: 2, title: { fi: 'THL' } },
    })),
  );
  return { json: `[\n${lines.join(',\n')}\n]\n`, meta, regions: regionsSnapshot(ps), indicatorIds: ids.map((i) => `sotkanet:${i}`), copyColumns: cols, rows: lines.length };
}

// ------------------------------------------------------------------ databases

interface Target {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** The database's own COPY of prepared COPY text into `table`; returns milliseconds. */
  rawCopy(table: string, columns: readonly string[], chunks: readonly string[]): Promise<number>;
  /**
   * CPU time used so far in ms: this process (PGlite runs in it) plus, on PostgreSQL, the server processes of the
   * database's connections (Linux /proc). Steadier than wall time when other work shares the cores.
   */
  cpu(): Promise<number>;
  close(): Promise<void>;
}

const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** utime + stime of a process in ms (USER_HZ 100), 0 without /proc. */
function procCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

async function openTarget(kind: 'pglite' | 'postgres', baseUrl?: string): Promise<Target> {
  if (kind === 'pglite') {
    const raw = await PGlite.create({ parsers: PGLITE_PARSERS });
    const db = wrapPglite(raw);
    await prepare(db);
    return {
      kind,
      db,
      async rawCopy(table, columns, chunks) {
        const blob = new Blob([...chunks]);
        const t0 = performance.now();
        await raw.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob });
        return performance.now() - t0;
      },
      cpu: async () => ownCpu(),
      close: () => db.close(),
    };
  }
  const name = `kp_bench_ind_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(baseUrl!), { pathname: `/${name}` }).toString();
  const db = await openPostgres(url, 4);
  const backends = new Map<number, number>();
  try {
    await prepare(db);
  } catch (e) {
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw e;
  }
  return {
    kind,
    db,
    async rawCopy(table, columns, chunks) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
        backends.set(pid, procCpu(pid));
        const t0 = performance.now();
        await pipeline(Readable.from(chunks), c.query(copyFromStdin(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
        backends.set(pid, procCpu(pid));
        return performance.now() - t0;
      } finally {
        await c.end();
      }
    },
    async cpu() {
      // Backends that ended keep their time in `ended` (sampled pids are remembered).
      const rows = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
      for (const { pid } of rows) backends.set(pid, Math.max(backends.get(pid) ?? 0, procCpu(pid)));
      let total = 0;
      for (const [pid, last] of backends) {
        const now = procCpu(pid);
        if (now > 0) backends.set(pid, now);
        total += now > 0 ? now : last;
      }
      return ownCpu() + total;
    },
    async close() {
      await db.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function prepare(db: Db) {
  await migrate(db);
  await loadReferenceData(benchCtx(db));
}

function benchCtx(db: Db): Ctx {
  return { db, clock: systemClock, log: silentLogger, actor: { kind: 'system', label: 'bench' }, requestId: 'bench' };
}

// ------------------------------------------------------------------ 1. import vs COPY

interface ImportResult {
  db: string;
  rows: number;
  copyMs: number;
  importMs: number;
  reimportMs: number;
  /** CPU time (this process + the database's server processes). */
  copyCpuMs: number;
  importCpuMs: number;
  reimportCpuMs: number;
  phases: string[];
  counts: string[];
}

async function importRun(t: Target, file: Generated, bytes: Uint8Array): Promise<{ ms: number; cpu: number; phases: string; counts: string }> {
  const marks: string[] = [];
  const c0 = await t.cpu();
  const t0 = performance.now();
  let last = t0;
  const onProgress = (p: Progress) => {
    if (p.phase === 'done' || p.done < p.total || marks.some((m) => m.startsWith(`${p.phase} `))) return;
    const now = performance.now();
    marks.push(`${p.phase} ${ms(now - last)}`);
    last = now;
  };
  const r = await importSotkanetFile(benchCtx(t.db), { format: 'sotkanet-json', file: bytes, fileName: 'bench.json', regions: file.regions, indicatorMeta: [file.meta], onProgress });
  const took = performance.now() - t0;
  const cpu = (await t.cpu()) - c0;
  if (r.status !== 'imported') throw new Error(`bench import ${r.status}: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return { ms: took, cpu, phases: marks.join(', '), counts: `inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}, skipped ${r.skipped}, merged ${r.merged}` };
}

async function benchImport(t: Target, file: Generated, log: (s: string) => void): Promise<ImportResult> {
  const columns = ['value', 'abs_value', 'import_id', 'indicator_num', 'area_type', 'area_code', 'year', 'gender', 'source_area_code'];
  const chunks = [...copyTextChunks(file.copyColumns)];
  // A bare table with indicator_value's columns and types: no primary key, no indexes, no checks.
  await t.db.exec('CREATE TABLE bench_copy_baseline (LIKE indicator_value)');
  log(`[${t.kind}] COPY baseline (median of 3)…`);
  const copies: number[] = [];
  const copyCpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c0 = await t.cpu();
    copies.push(await t.rawCopy('bench_copy_baseline', columns, chunks));
    copyCpu.push((await t.cpu()) - c0);
    const copied = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_copy_baseline');
    if (copied[0]!.n !== file.rows) throw new Error(`COPY baseline loaded ${copied[0]!.n} rows, expected ${file.rows}`);
    await t.db.exec('TRUNCATE bench_copy_baseline');
  }
  const copyMs = median(copies);
  await t.db.exec('DROP TABLE bench_copy_baseline');
  if (t.kind === 'postgres') await t.db.exec('CHECKPOINT');

  const bytes = new TextEncoder().encode(file.json);
  log(`[${t.kind}] import…`);
  const first = await importRun(t, file, bytes);
  log(`[${t.kind}] re-import…`);
  const second = await importRun(t, file, bytes);
  return {
    db: t.kind,
    rows: file.rows,
    copyMs,
    importMs: first.ms,
    reimportMs: second.ms,
    copyCpuMs: median(copyCpu),
    importCpuMs: first.cpu,
    reimportCpuMs: second.cpu,
    phases: [first.phases, second.phases],
    counts: [first.counts, second.counts],
  };
}

// ------------------------------------------------------------------ 2. dashboard scaling

interface DashboardResult {
  db: string;
  small: number;
  large: number;
  smallMs: number;
  largeMs: number;
  /** Mean CPU time per call (this process + the database's server processes). */
  smallCpuMs: number;
  largeCpuMs: number;
  fillMs: number;
  plan: string;
}

async function timeDashboard(t: Target, ctx: Ctx, indicators: string[], repeat: number): Promise<{ wall: number; cpu: number }> {
  const run = async () => {
    const s = await getRegionSituation(ctx, 'HVA19', { indicators });
    if (s.situations.length !== indicators.length || !s.situations.every((x) => x.years.length > 0)) throw new Error('the dashboard shows no values');
  };
  for (let i = 0; i < 3; i++) await run();
  const c0 = await t.cpu();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return { wall: median(times), cpu: ((await t.cpu()) - c0) / repeat };
}

async function benchDashboard(t: Target, small: number, large: number, repeat: number, log: (s: string) => void): Promise<DashboardResult> {
  const ctx = benchCtx(t.db);
  const file = generateSotkanet(small);
  const r = await importSotkanetFile(ctx, { format: 'sotkanet-json', file: file.json, fileName: 'dashboard.json', regions: file.regions, indicatorMeta: [file.meta] });
  const stored = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM indicator_value'))[0]!.n;
  if (r.status !== 'imported') throw new Error('dashboard data import failed');
  const shown = file.indicatorIds.slice(0, 4);
  await t.db.exec('ANALYZE indicator_value');
  log(`[${t.kind}] dashboard with ${(await stored()).toLocaleString('en-US')} values…`);
  const smallT = await timeDashboard(t, ctx, shown, repeat);

  // Filler: other indicators (numbers no catalogue entry uses) × every area code × 1990–2026 × 3 genders.
  const areas = await t.db.query<{ type: string; code: string }>(
    `SELECT 'municipality' AS type, code FROM party WHERE type IN ('municipality', 'city_of_helsinki') AND ended_on IS NULL
     UNION ALL SELECT 'county', code FROM county UNION ALL SELECT 'region', code FROM region UNION ALL SELECT 'country', 'FI'`,
  );
  const perIndicator = areas.length * 37 * 3;
  const t0 = performance.now();
  let next = 100_000;
  for (let have = await stored(); have < large; ) {
    const indicators = Math.min(25, Math.ceil((large - have) / perIndicator));
    await t.db.query(
      `INSERT INTO indicator_value (value, abs_value, import_id, indicator_num, area_type, area_code, year, gender)
       SELECT ((i * 31 + y * 7 + length(a.code)) % 1000) / 10.0, NULL, 0, i, a.type::indicator_area_type, a.code, y, g
         FROM generate_series($1::int, $2::int) AS i,
              unnest($3::text[], $4::text[]) AS a(type, code),
              generate_series(1990, 2026) AS y,
              unnest(enum_range(NULL::indicator_gender)) AS g
        LIMIT $5`,
      [next, next + indicators - 1, areas.map((a) => a.type), areas.map((a) => a.code), large - have],
    );
    next += indicators;
    have = await stored();
    log(`[${t.kind}]   filled to ${have.toLocaleString('en-US')} values (${ms(performance.now() - t0)})`);
  }
  const fillMs = performance.now() - t0;
  await t.db.exec('ANALYZE indicator_value');
  log(`[${t.kind}] dashboard with ${(await stored()).toLocaleString('en-US')} values…`);
  const largeT = await timeDashboard(t, ctx, shown, repeat);

  const members = (await getRegionSituation(ctx, 'HVA19', {})).municipalities.map((m) => m.code);
  // The query findValues (indicator-queries.ts) runs for the dashboard's first indicator.
  const plan = await t.db.query<Record<string, unknown>>(
    `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
     SELECT v.area_type, v.area_code, v.year, v.gender, v.value, v.abs_value, v.source_area_code
       FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num
      WHERE i.id = $1 AND v.area_type = ANY($3::text[]::indicator_area_type[]) AND v.area_code = ANY($2::text[])
        AND v.gender = 'total'::indicator_gender
      ORDER BY v.area_type, v.area_code, v.year, v.gender`,
    [shown[0], [...members, 'HVA19', 'FI'], ['municipality', 'county', 'country']],
  );
  return { db: t.kind, small: small, large: await stored(), smallMs: smallT.wall, largeMs: largeT.wall, smallCpuMs: smallT.cpu, largeCpuMs: largeT.cpu, fillMs, plan: plan.map((p) => String(Object.values(p)[0])).join('\n') };
}

// ------------------------------------------------------------------ the suite

function table(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}

export interface IndicatorBenchOptions {
  /** BENCH_DATABASE_URL: also run on PostgreSQL (temporary databases, dropped after). */
  postgresUrl?: string;
  log?: (line: string) => void;
}

/** The `indicators` suite: prints the tables and returns them as JSON-friendly results. */
export async function benchIndicators(opts: IndicatorBenchOptions = {}): Promise<{ imports: ImportResult[]; dashboards: DashboardResult[] }> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const rows = envNum('BENCH_INDICATOR_ROWS', 1_000_000);
  const small = envNum('BENCH_DASHBOARD_ROWS', 100_000);
  const large = envNum('BENCH_DASHBOARD_LARGE_ROWS', 10_000_000);
  const largePglite = envNum('BENCH_DASHBOARD_LARGE_ROWS_PGLITE', 1_000_000);
  const repeat = envNum('BENCH_DASHBOARD_REPEAT', 20);
  const parts = new Set((process.env.BENCH_INDICATOR_PARTS ?? 'import,dashboard').split(',').map((x) => x.trim()));
  const kinds: ('pglite' | 'postgres')[] = process.env.BENCH_INDICATOR_DBS
    ? (process.env.BENCH_INDICATOR_DBS.split(',') as ('pglite' | 'postgres')[]).filter((k) => k === 'pglite' || (k === 'postgres' && opts.postgresUrl))
    : opts.postgresUrl
      ? ['pglite', 'postgres']
      : ['pglite'];
  const t0 = performance.now();
  const file = generateSotkanet(rows);
  log(`indicators: ${file.rows.toLocaleString('en-US')} Sotkanet values (${file.indicatorIds.length} indicators), ${(file.json.length / 1e6).toFixed(1)} MB of JSON, generated in ${ms(performance.now() - t0)}`);

  const imports: ImportResult[] = [];
  const dashboards: DashboardResult[] = [];
  for (const kind of kinds) {
    if (parts.has('import')) {
      const t = await openTarget(kind, opts.postgresUrl);
      try {
        imports.push(await benchImport(t, file, log));
      } finally {
        await t.close();
      }
    }
    if (!parts.has('dashboard')) continue;
    const d = await openTarget(kind, opts.postgresUrl);
    try {
      dashboards.push(await benchDashboard(d, small, kind === 'pglite' ? Math.min(large, largePglite) : large, repeat, log));
    } finally {
      await d.close();
    }
  }

  if (imports.length) {
  log('');
  log(`Indicator import: ${rows.toLocaleString('en-US')} Sotkanet values vs the database's own COPY of the same rows into a bare table (goal ≤ 2×)`);
  log(
    table(
      ['db', 'rows', 'time:', 'COPY', 'import', 'import/COPY', 're-import', 're-import/COPY'],
      imports.flatMap((r) => [
        [r.db, r.rows.toLocaleString('en-US'), 'wall', ms(r.copyMs), ms(r.importMs), ratio(r.importMs, r.copyMs), ms(r.reimportMs), ratio(r.reimportMs, r.copyMs)],
        ['', '', 'cpu', ms(r.copyCpuMs), ms(r.importCpuMs), ratio(r.importCpuMs, r.copyCpuMs), ms(r.reimportCpuMs), ratio(r.reimportCpuMs, r.copyCpuMs)],
      ]),
    ),
  );
  log('  (cpu: CPU time of this process, which runs PGlite, plus the PostgreSQL server processes of the bench database)');
  for (const r of imports) log(`  ${r.db}: import ${r.counts[0]} (${r.phases[0]}); re-import ${r.counts[1]} (${r.phases[1]})`);
  }
  if (dashboards.length) {
  log('');
  log('Region dashboard (HVA19, 4 indicators; wall: median per call, cpu: mean per call) as stored values grow (goal ≤ 1.5×)');
  log(
    table(
      ['db', 'small', 'time:', 'dashboard', 'large', 'dashboard', 'large/small', 'fill time'],
      dashboards.flatMap((d) => [
        [d.db, d.small.toLocaleString('en-US'), 'wall', ms1(d.smallMs), d.large.toLocaleString('en-US'), ms1(d.largeMs), ratio(d.largeMs, d.smallMs), ms(d.fillMs)],
        ['', '', 'cpu', ms1(d.smallCpuMs), '', ms1(d.largeCpuMs), ratio(d.largeCpuMs, d.smallCpuMs), ''],
      ]),
    ),
  );
  if (dashboards.some((d) => d.db === 'pglite' && d.large < large)) log(`  pglite: ${largePglite.toLocaleString('en-US')} values at the large size (10,000,000 in in-memory PGlite takes up to ≈ 5 minutes to fill); PostgreSQL runs the full size`);
  for (const d of dashboards) log(`  ${d.db}, plan of the values query at ${d.large.toLocaleString('en-US')} values:\n${d.plan.replace(/^/gm, '    ')}`);
  }
  log(`indicators suite: ${ms(performance.now() - t0)}`);
  return { imports, dashboards };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchIndicators(process.env.BENCH_DATABASE_URL ? { postgresUrl: process.env.BENCH_DATABASE_URL } : {});
  console.log(JSON.stringify({ bench: 'indicators', imports: r.imports, dashboards: r.dashboards.map(({ plan, ...d }) => d) }));
}
