/**
 * `npm run bench`: how fast the built app serves its pages, compared with a bare `node:http` server that
 * returns the very same bytes. Both servers run in their own processes; the load generator (autocannon,
 * programmatic API) runs here. On a 2-core machine all three share the cores, so read the ratio
 * (app / bare), not the absolute numbers. On Linux the table also gives each server's CPU time per
 * request (from /proc): steadier than req/s when other work shares the machine, and `cpu ratio`
 * (bare µs / app µs) is what the req/s ratio would be if the servers alone were the limit.
 *
 * Per database (PGlite; PostgreSQL too with BENCH_DATABASE_URL) the app gets a fresh database, prepared
 * before it starts by bench/seed.ts (PGlite lets one process in at a time): migrations, reference data, the
 * demo region, the big agreement when the agreement suite runs, and a session of Oulu's demo editor.
 * Suites (BENCH_SUITES, comma-separated, default all):
 *   pages      the public pages of BENCH_PATHS, as a first-time visitor gets them
 *   agreement  the agreement page of a 32-party agreement (HVA19) with 40 sections and 300 comments, in
 *              its comment round: as the public sees it and as a signed-in party editor does (signed-in
 *              pages never come from the page cache); then the DOCX and PDF of its version, fi and sv,
 *              fetched BENCH_EXPORT_RUNS times one after another (table: size, first and median ms)
 *   dashboard  the region situation page (/regions/HVA19/situation, the indicators a visitor sees by
 *              default), public (page cache) and signed in (rendered every time)
 *   calendar   the region calendar (/regions/HVA19/calendar, upcoming and one year) and the region's iCalendar feed
 *              with 2,000 meetings of the region over ten years (bench/calendar-seed.ts), as ratios to the region page
 *              (/regions/HVA19), signed in (never from the page cache; the feed as the public fetches it); then
 *              BENCH_CALENDAR_OTHERS (default 100,000) meetings more in the other regions, the app restarted, and the
 *              feed and the calendar measured again: the ratio many / few shows whether their cost grows with other
 *              regions' meetings (it should not: ≈ 1); about 3 minutes per database
 *   indicators bench/indicators.ts, without the app: a 1,000,000-value Sotkanet import (and the same file
 *              again) against the database's own COPY of the same rows, and the region dashboard's use case
 *              with 100,000 vs 10,000,000 values stored (PGlite: 1,000,000); about 4 minutes more
 * Run time on 2 shared cores, all suites: about 3½ minutes per database with the defaults (6 page rows ×
 * 2 servers × 12 s, 15–40 s of seeding, ≈ 20 s of exports); about 2½ minutes with BENCH_SECONDS=5.
 *
 * Environment:
 *   BENCH_SUITES           comma-separated suites to run (default all)
 *   BENCH_SECONDS          measured seconds per page and server (default 10)
 *   BENCH_WARMUP_SECONDS   warm-up before each measurement (default 2)
 *   BENCH_CONNECTIONS      concurrent connections (default 50)
 *   BENCH_PATHS            comma-separated paths of the pages suite (default "/,/regions/HVA19,/obligations": the national obligations overview is a cached daily page)
 *   BENCH_EXPORT_RUNS      timed downloads per export after the first one (default 5)
 *   BENCH_LOG_LEVEL        the app's LOG_LEVEL (default info: one JSON line per request, as in production)
 *   BENCH_DATABASE_URL     also run on PostgreSQL: the bench creates a temporary database there and drops it
 *   PAGE_CACHE_MB          passed to the app as is (0 turns the page cache off, for before/after numbers)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, closeSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { benchIndicators } from './indicators.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const num = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${v}`);
  return n;
};
const SECONDS = num('BENCH_SECONDS', 10);
const WARMUP = num('BENCH_WARMUP_SECONDS', 2);
const CONNECTIONS = num('BENCH_CONNECTIONS', 50);
const PATHS = (process.env.BENCH_PATHS ?? '/,/regions/HVA19,/obligations').split(',').map((s) => s.trim()).filter(Boolean);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const EXPORT_RUNS = num('BENCH_EXPORT_RUNS', 5);
const SUITES = ['pages', 'agreement', 'dashboard', 'calendar', 'indicators'] as const;
type Suite = (typeof SUITES)[number];
const CHOSEN = new Set((process.env.BENCH_SUITES ?? SUITES.join(',')).split(',').map((s) => s.trim()).filter(Boolean));
for (const s of CHOSEN) if (!(SUITES as readonly string[]).includes(s)) throw new Error(`BENCH_SUITES: unknown suite ${s} (known: ${SUITES.join(', ')})`);
const wants = (suite: Suite) => CHOSEN.has(suite);

interface Captured {
  status: number;
  contentType: string;
  body: Buffer;
}

interface Stats {
  rps: number;
  /** CPU time of the server process per request in µs (Linux), null elsewhere. */
  cpuUs: number | null;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

type DbKind = 'pglite' | 'postgres';

interface Row {
  db: DbKind;
  /** What was measured, e.g. "agreement (public)". */
  page: string;
  path: string;
  bytes: number;
  app: Stats;
  bare: Stats;
  ratio: number;
  cpuRatio: number | null;
}

interface ExportRow {
  db: DbKind;
  format: 'docx' | 'pdf';
  lang: 'fi' | 'sv';
  bytes: number;
  /** The first download (nothing warmed up for this document yet). */
  firstMs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

/** The app of one database, started on data prepared by bench/seed.ts. */
interface App {
  db: DbKind;
  dir: string;
  url: string;
  child: ChildProcess;
  seed: Seeded;
}

/** What bench/seed.ts wrote. */
interface Seeded {
  /** `kp_session=…` of Oulu's demo editor (a party of the big agreement). */
  sessionCookie: string;
  agreement: { id: string; versionNumber: number; parties: number; sections: number; comments: number } | null;
}

/** One page to compare: fetched from the app with `headers`, served by the bare server as the same bytes. */
interface PageSpec {
  page: string;
  path: string;
  headers?: Record<string, string>;
}

const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void> | void)[] = [];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when there is no build or the sources are newer than it (as `npm start` does). */
function ensureBuild() {
  const buildFile = path.join(ROOT, 'build/server/index.js');
  if (existsSync(buildFile) && newestMtime(path.join(ROOT, 'src')) <= statSync(buildFile).mtimeMs) return;
  console.log('building the web app (react-router build)…');
  const r = spawnSync('npx', ['react-router', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('react-router build failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(t);
      children.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The environment of the app (and of bench/seed.ts, which prepares the same database before it). */
function appEnv(dir: string, databaseUrl: string | undefined, port?: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: path.join(dir, 'data'),
    SEED_DEMO: 'true',
    HOST: '127.0.0.1',
    PORT: String(port ?? 0),
    LOG_LEVEL: LOG_LEVEL,
  };
  for (const k of ['DATABASE_URL', 'PUBLIC_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']) delete env[k];
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

/** Runs bench/seed.ts on the app's database (before the app starts) and returns what it wrote. */
function seed(dir: string, databaseUrl: string | undefined, withAgreement: boolean): Seeded {
  const out = path.join(dir, 'seeded.json');
  const args = ['--import', 'tsx', path.join(ROOT, 'bench/seed.ts'), out, ...(withAgreement ? ['--agreement'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: appEnv(dir, databaseUrl), stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`bench/seed.ts failed (${r.status ?? r.signal})`);
  return JSON.parse(readFileSync(out, 'utf8')) as Seeded;
}

/** Starts the built production server (`server/main.ts`) on 127.0.0.1 and waits until /readyz answers. */
async function startApp(dir: string, databaseUrl?: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const env = appEnv(dir, databaseUrl, port);
  const logFile = path.join(dir, `app-${databaseUrl ? 'postgres' : 'pglite'}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) before it was ready:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`the app was not ready in 180 s:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
    const ok = await get(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { url, child };
    await sleep(250);
  }
}

/** One GET, with no cookies (a first-time visitor) unless `headers` has them: the exact status, content type and body. */
function get(url: string, headers: Record<string, string> = {}): Promise<Captured & { headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks), headers: res.headers }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

async function startBare(dir: string, pages: Map<string, Captured>): Promise<{ url: string; child: ChildProcess }> {
  const specFile = path.join(dir, 'bare-responses.json');
  const spec = Object.fromEntries([...pages].map(([p, c]) => [p, { status: c.status, contentType: c.contentType, body: c.body.toString('base64') }]));
  writeFileSync(specFile, JSON.stringify(spec));
  const child = spawn(process.execPath, [path.join(ROOT, 'bench/bare-server.mjs'), specFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error('the bare server did not start in 10 s')), 10_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** utime + stime of a process in clock ticks (USER_HZ, 100 on Linux), or null without /proc. */
function cpuTicks(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * Waits until the server has finished the requests the load generator gave up on when the warm-up ended
 * (a slow page can leave seconds of work behind): until its CPU time stops growing, at most 60 s.
 */
async function settle(pid: number | undefined) {
  const deadline = Date.now() + 60_000;
  let last = cpuTicks(pid);
  while (last !== null && Date.now() < deadline) {
    await sleep(200);
    const now = cpuTicks(pid);
    if (now === null || now - last <= 2) return;
    last = now;
  }
}

async function measure(url: string, pid: number | undefined, headers: Record<string, string> = {}): Promise<Stats> {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP, headers });
  await settle(pid);
  const t0 = cpuTicks(pid);
  const r: Result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const t1 = cpuTicks(pid);
  return {
    rps: Math.round(r.requests.average),
    cpuUs: t0 !== null && t1 !== null && r.requests.total > 0 ? Math.round(((t1 - t0) * 10_000) / r.requests.total) : null,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/**
 * Compares the app with a bare server for each page: the page is fetched from the app once (with the
 * spec's headers), a bare server is started that answers exactly those bytes, and both are loaded in turn
 * with the same request headers.
 */
async function comparePages(app: App, specs: PageSpec[]): Promise<Row[]> {
  const captured = new Map<string, Captured>();
  for (const [i, spec] of specs.entries()) {
    const r = await get(app.url + spec.path, spec.headers);
    if (r.status !== 200 || !r.contentType.startsWith('text/html')) throw new Error(`${spec.page} ${spec.path}: expected a 200 HTML page, got ${r.status} ${r.contentType}`);
    captured.set(`/${i}`, { status: r.status, contentType: r.contentType, body: r.body });
  }
  const bare = await startBare(app.dir, captured);
  const rows: Row[] = [];
  try {
    for (const [i, spec] of specs.entries()) {
      const c = captured.get(`/${i}`)!;
      const check = await get(`${bare.url}/${i}`);
      if (!check.body.equals(c.body) || check.contentType !== c.contentType) throw new Error(`the bare server does not return the app's bytes for ${spec.page}`);
      console.log(`[${app.db}] ${spec.page}: app…`);
      const a = await measure(app.url + spec.path, app.child.pid, spec.headers);
      console.log(`[${app.db}] ${spec.page}: bare…`);
      const b = await measure(`${bare.url}/${i}`, bare.child.pid, spec.headers);
      if (a.non2xx || a.errors) console.warn(`[${app.db}] ${spec.page}: the app answered ${a.non2xx} non-2xx responses and ${a.errors} errors`);
      const cpuRatio = a.cpuUs && b.cpuUs ? Math.round((b.cpuUs / a.cpuUs) * 1000) / 1000 : null;
      rows.push({ db: app.db, page: spec.page, path: spec.path, bytes: c.body.length, app: a, bare: b, ratio: Math.round((a.rps / b.rps) * 1000) / 1000, cpuRatio });
    }
  } finally {
    await stop(bare.child);
  }
  return rows;
}

/** Downloads a file `1 + EXPORT_RUNS` times, one after another: size, the first time, and the median of the rest. */
async function timeDownload(url: string, contentType: string): Promise<Omit<ExportRow, 'db' | 'format' | 'lang'>> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= EXPORT_RUNS; i++) {
    const t0 = performance.now();
    const r = await get(url);
    times.push(performance.now() - t0);
    if (r.status !== 200 || r.contentType !== contentType) throw new Error(`${url}: expected 200 ${contentType}, got ${r.status} ${r.contentType}`);
    bytes = r.body.length;
  }
  const [first, ...rest] = times.map((t) => Math.round(t));
  rest.sort((x, y) => x - y);
  return { bytes, firstMs: first!, medianMs: rest[Math.floor(rest.length / 2)]!, minMs: rest[0]!, maxMs: rest.at(-1)!, runs: rest.length };
}

const signedIn = (app: App) => ({ cookie: app.seed.sessionCookie });

// ------------------------------------------------------------------ suites (one call each in main)

async function pagesSuite(app: App): Promise<Row[]> {
  return comparePages(
    app,
    PATHS.map((p) => ({ page: 'public page', path: p })),
  );
}

async function agreementSuite(app: App): Promise<{ rows: Row[]; exports: ExportRow[] }> {
  const a = app.seed.agreement;
  if (!a) throw new Error('the agreement suite needs the big agreement (bench/seed.ts --agreement)');
  const pagePath = `/agreements/${a.id}`;
  const rows = await comparePages(app, [
    { page: 'agreement (public)', path: pagePath },
    { page: 'agreement (party editor)', path: pagePath, headers: signedIn(app) },
  ]);
  const exports: ExportRow[] = [];
  const types = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;
  for (const format of ['docx', 'pdf'] as const) {
    for (const lang of ['fi', 'sv'] as const) {
      console.log(`[${app.db}] export ${format} ${lang}: ${1 + EXPORT_RUNS} downloads…`);
      const t = await timeDownload(`${app.url}${pagePath}/versions/${a.versionNumber}/export.${format}?lang=${lang}`, types[format]);
      exports.push({ db: app.db, format, lang, ...t });
    }
  }
  return { rows, exports };
}

async function dashboardSuite(app: App): Promise<Row[]> {
  const p = '/regions/HVA19/situation';
  return comparePages(app, [
    { page: 'dashboard (public)', path: p },
    { page: 'dashboard (party editor)', path: p, headers: signedIn(app) },
  ]);
}

/** A fresh database (seeded by bench/seed.ts) and the app on it, for the suites that load the app. */
async function withApp(db: DbKind, databaseUrl: string | undefined, run: (app: App) => Promise<void>): Promise<void> {
  ensureBuild();
  const dir = mkdtempSync(path.join(os.tmpdir(), `kp-bench-${db}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  console.log(`[${db}] preparing the database (demo region${wants('agreement') ? ', the big agreement' : ''})…`);
  const t0 = performance.now();
  const seeded = seed(dir, databaseUrl, wants('agreement'));
  console.log(`[${db}] prepared in ${((performance.now() - t0) / 1000).toFixed(0)} s; starting the app…`);
  const { url, child } = await startApp(dir, databaseUrl);
  try {
    await run({ db, dir, url, child, seed: seeded });
  } finally {
    await stop(child);
  }
}

/** A throw-away database on the PostgreSQL server of BENCH_DATABASE_URL, dropped at the end. */
async function tempPostgres(baseUrl: string): Promise<string> {
  const name = `kp_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const a = new pg.Client({ connectionString: baseUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

function printTable(rows: Row[]) {
  const header = ['db', 'page', 'path', 'KB', 'app req/s', 'bare req/s', 'app/bare', 'app p50 ms', 'app p99 ms', 'bare p50 ms', 'bare p99 ms', 'app µs/req', 'bare µs/req', 'cpu ratio'];
  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
  const lines = rows.map((r) => [
    r.db,
    r.page,
    r.path,
    (r.bytes / 1024).toFixed(1),
    String(r.app.rps),
    String(r.bare.rps),
    pct(r.ratio),
    String(r.app.p50),
    String(r.app.p99),
    String(r.bare.p50),
    String(r.bare.p99),
    String(r.app.cpuUs ?? '–'),
    String(r.bare.cpuUs ?? '–'),
    pct(r.cpuRatio),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log('');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  console.log('');
}

// ------------------------------------------------------------------ calendar suite

interface CalendarRow {
  db: DbKind;
  page: string;
  path: string;
  /** How many other regions' meetings the database held. */
  others: number;
  bytes: number;
  stats: Stats;
}

/** Runs bench/calendar-seed.ts on the app's database (the app must not be running: PGlite) and returns what it wrote. */
function calendarSeed(dir: string, databaseUrl: string | undefined, args: string[]): Record<string, unknown> {
  const out = path.join(dir, `calendar-${args[0]}.json`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/calendar-seed.ts'), ...args, out], { cwd: ROOT, env: appEnv(dir, databaseUrl), stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`bench/calendar-seed.ts ${args[0]} failed (${r.status ?? r.signal})`);
  return JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
}

/**
 * The calendar page and the region feed against the region page, then the same after many more meetings in
 * other regions. Measured in the app only (req/s and CPU µs per request): the ratios are what matters.
 */
async function calendarSuite(db: DbKind, databaseUrl: string | undefined): Promise<{ rows: CalendarRow[]; plan: string[] }> {
  ensureBuild();
  const dir = mkdtempSync(path.join(os.tmpdir(), `kp-bench-calendar-${db}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  console.log(`[${db}] calendar: preparing the database (demo region, 2,000 meetings in HVA19)…`);
  const t0 = performance.now();
  const seeded = seed(dir, databaseUrl, false);
  const region = calendarSeed(dir, databaseUrl, ['region']);
  console.log(`[${db}] calendar: prepared in ${((performance.now() - t0) / 1000).toFixed(0)} s (${region.regionMeetings} meetings in HVA19, ${region.otherMeetings} in ${region.otherForums} other regions)`);
  const year = new Date().getFullYear() + 1;
  const specs: PageSpec[] = [
    { page: 'region page (signed in)', path: '/regions/HVA19', headers: { cookie: seeded.sessionCookie } },
    { page: 'region calendar, upcoming (signed in)', path: '/regions/HVA19/calendar', headers: { cookie: seeded.sessionCookie } },
    { page: `region calendar, year ${year} (signed in)`, path: `/regions/HVA19/calendar?when=${year}`, headers: { cookie: seeded.sessionCookie } },
    { page: 'region iCalendar feed (public)', path: '/regions/HVA19/calendar.ics' },
  ];
  const rows: CalendarRow[] = [];
  const run = async (list: PageSpec[], others: number) => {
    const { url, child } = await startApp(dir, databaseUrl);
    try {
      for (const spec of list) {
        const r = await get(url + spec.path, spec.headers);
        if (r.status !== 200) throw new Error(`${spec.page} ${spec.path}: expected 200, got ${r.status}`);
        console.log(`[${db}] calendar: ${spec.page} with ${others.toLocaleString('en-US')} other regions' meetings…`);
        const stats = await measure(url + spec.path, child.pid, spec.headers);
        if (stats.non2xx || stats.errors) console.warn(`[${db}] ${spec.page}: ${stats.non2xx} non-2xx responses and ${stats.errors} errors`);
        rows.push({ db, page: spec.page, path: spec.path, others, bytes: r.body.length, stats });
      }
    } finally {
      await stop(child);
    }
  };
  const few = Number(region.otherMeetings);
  await run(specs, few);
  const many = Number(process.env.BENCH_CALENDAR_OTHERS ?? 100_000);
  console.log(`[${db}] calendar: adding ${many.toLocaleString('en-US')} meetings to the other regions…`);
  const more = calendarSeed(dir, databaseUrl, ['others', String(many)]);
  await run([specs[0]!, specs[1]!, specs[3]!], few + many);
  return { rows, plan: more.plan as string[] };
}

function printCalendarTable(rows: CalendarRow[], plans: { db: DbKind; plan: string[] }[]) {
  if (rows.length === 0) return;
  const header = ['db', 'page', 'other meetings', 'KB', 'req/s', 'p50 ms', 'p99 ms', 'µs/req', 'vs region page (req/s)', 'vs region page (cpu)'];
  const base = (r: CalendarRow) => rows.find((x) => x.db === r.db && x.others === r.others && x.path === '/regions/HVA19')!;
  const times = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`);
  const lines = rows.map((r) => {
    const b = base(r);
    return [
      r.db,
      r.page,
      r.others.toLocaleString('en-US'),
      (r.bytes / 1024).toFixed(1),
      String(r.stats.rps),
      String(r.stats.p50),
      String(r.stats.p99),
      String(r.stats.cpuUs ?? '–'),
      times(b.stats.rps / r.stats.rps),
      times(r.stats.cpuUs && b.stats.cpuUs ? r.stats.cpuUs / b.stats.cpuUs : null),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log('');
  console.log('calendar: cost per request as a multiple of the region page (req/s: region req/s ÷ page req/s; cpu: page µs ÷ region µs)');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  console.log('');
  console.log("calendar: does the cost grow with other regions' meetings? (many ÷ few, ≈ 1 when it does not)");
  for (const r of rows) {
    const few = rows.find((x) => x.db === r.db && x.path === r.path && x.others < r.others);
    if (!few) continue;
    const cpu = r.stats.cpuUs && few.stats.cpuUs ? `${(r.stats.cpuUs / few.stats.cpuUs).toFixed(2)}×` : '–';
    console.log(
      `  [${r.db}] ${r.page}: ${few.others.toLocaleString('en-US')} → ${r.others.toLocaleString('en-US')} other meetings: req/s ${few.stats.rps} → ${r.stats.rps} (${(few.stats.rps / r.stats.rps).toFixed(2)}× the time), cpu µs/req ${few.stats.cpuUs ?? '–'} → ${r.stats.cpuUs ?? '–'} (${cpu})`,
    );
  }
  for (const p of plans) console.log(`\n  [${p.db}] plan of the region feed's meeting query with many other meetings:\n    ${p.plan.join('\n    ')}`);
  console.log('');
}

function printExportTable(rows: ExportRow[]) {
  if (rows.length === 0) return;
  const header = ['db', 'export', 'KB', 'first ms', 'median ms', 'min ms', 'max ms', 'runs'];
  const lines = rows.map((r) => [r.db, `${r.format} ${r.lang}`, (r.bytes / 1024).toFixed(1), String(r.firstMs), String(r.medianMs), String(r.minMs), String(r.maxMs), String(r.runs)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  console.log('');
}

async function main() {
  console.log(
    `bench: suites ${[...CHOSEN].join(', ')}; ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s per page and server; ` +
      `${os.cpus().length} cores shared by the load generator and the servers; page cache: ${process.env.PAGE_CACHE_MB === '0' ? 'off' : 'default'}`,
  );
  const rows: Row[] = [];
  const exports: ExportRow[] = [];
  const databases: [DbKind, () => Promise<string | undefined>][] = [['pglite', async () => undefined]];
  if (process.env.BENCH_DATABASE_URL) databases.push(['postgres', () => tempPostgres(process.env.BENCH_DATABASE_URL!)]);
  if (wants('pages') || wants('agreement') || wants('dashboard')) {
    for (const [db, databaseUrl] of databases) {
      await withApp(db, await databaseUrl(), async (app) => {
        if (wants('pages')) rows.push(...(await pagesSuite(app)));
        if (wants('agreement')) {
          const r = await agreementSuite(app);
          rows.push(...r.rows);
          exports.push(...r.exports);
        }
        if (wants('dashboard')) rows.push(...(await dashboardSuite(app)));
      });
    }
  }
  if (rows.length) printTable(rows);
  printExportTable(exports);
  const calendarRows: CalendarRow[] = [];
  const plans: { db: DbKind; plan: string[] }[] = [];
  if (wants('calendar')) {
    for (const [db, databaseUrl] of databases) {
      const r = await calendarSuite(db, await databaseUrl());
      calendarRows.push(...r.rows);
      plans.push({ db, plan: r.plan });
    }
  }
  printCalendarTable(calendarRows, plans);
  const indicators = wants('indicators') ? await benchIndicators(process.env.BENCH_DATABASE_URL ? { postgresUrl: process.env.BENCH_DATABASE_URL } : {}) : null;
  console.log(
    JSON.stringify({
      bench: 'kumppanuus',
      suites: [...CHOSEN],
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      connections: CONNECTIONS,
      exportRuns: EXPORT_RUNS,
      cores: os.cpus().length,
      logLevel: LOG_LEVEL,
      pageCacheMb: process.env.PAGE_CACHE_MB ?? null,
      results: rows,
      exports,
      calendar: calendarRows,
      indicators: indicators && { imports: indicators.imports, dashboards: indicators.dashboards.map(({ plan: _plan, ...d }) => d) },
    }),
  );
}

async function cleanup() {
  await Promise.all([...children].map(stop));
  for (const c of cleanups.reverse()) {
    try {
      await c();
    } catch (e) {
      console.warn('cleanup failed:', e);
    }
  }
}

for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  process.on(sig, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  await main();
  await cleanup();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  await cleanup();
  process.exit(1);
}
