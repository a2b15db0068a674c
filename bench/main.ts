/**
 * `npm run bench`: how fast the built app serves public pages, compared with a bare `node:http` server
 * that returns the very same bytes. Both servers run in their own processes; the load generator
 * (autocannon, programmatic API) runs here. On a 2-core machine all three share the cores, so read the
 * ratio (app / bare), not the absolute numbers. On Linux the table also gives each server's CPU time per
 * request (from /proc): steadier than req/s when other work shares the machine, and `cpu ratio`
 * (bare µs / app µs) is what the req/s ratio would be if the servers alone were the limit.
 *
 * Environment:
 *   BENCH_SECONDS          measured seconds per path and server (default 10)
 *   BENCH_WARMUP_SECONDS   warm-up before each measurement (default 2)
 *   BENCH_CONNECTIONS      concurrent connections (default 50)
 *   BENCH_PATHS            comma-separated paths (default "/,/regions/HVA19")
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
const PATHS = (process.env.BENCH_PATHS ?? '/,/regions/HVA19').split(',').map((s) => s.trim()).filter(Boolean);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';

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

interface Row {
  db: 'pglite' | 'postgres';
  path: string;
  bytes: number;
  app: Stats;
  bare: Stats;
  ratio: number;
  cpuRatio: number | null;
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

/** Starts the built production server (`server/main.ts`) on 127.0.0.1 and waits until /readyz answers. */
async function startApp(dir: string, databaseUrl?: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: path.join(dir, 'data'),
    SEED_DEMO: 'true',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: LOG_LEVEL,
  };
  for (const k of ['DATABASE_URL', 'PUBLIC_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']) delete env[k];
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
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

/** One GET with no cookies (a first-time visitor), returning the exact status, content type and body. */
function get(url: string): Promise<Captured & { headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
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

async function measure(url: string, pid: number | undefined): Promise<Stats> {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP });
  const t0 = cpuTicks(pid);
  const r: Result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
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

async function benchTarget(db: 'pglite' | 'postgres', databaseUrl?: string): Promise<Row[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `kp-bench-${db}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  console.log(`[${db}] starting the app (demo data is seeded on first start)…`);
  const app = await startApp(dir, databaseUrl);
  const pages = new Map<string, Captured>();
  for (const p of PATHS) {
    const r = await get(app.url + p);
    if (r.status !== 200 || !r.contentType.startsWith('text/html')) throw new Error(`${p}: expected a 200 HTML page, got ${r.status} ${r.contentType}`);
    pages.set(p, { status: r.status, contentType: r.contentType, body: r.body });
  }
  const bare = await startBare(dir, pages);
  for (const [p, c] of pages) {
    const r = await get(bare.url + p);
    if (!r.body.equals(c.body) || r.contentType !== c.contentType) throw new Error(`the bare server does not return the app's bytes for ${p}`);
  }
  const rows: Row[] = [];
  try {
    for (const [p, c] of pages) {
      console.log(`[${db}] ${p}: app…`);
      const a = await measure(app.url + p, app.child.pid);
      console.log(`[${db}] ${p}: bare…`);
      const b = await measure(bare.url + p, bare.child.pid);
      if (a.non2xx || a.errors) console.warn(`[${db}] ${p}: the app answered ${a.non2xx} non-2xx responses and ${a.errors} errors`);
      const cpuRatio = a.cpuUs && b.cpuUs ? Math.round((b.cpuUs / a.cpuUs) * 1000) / 1000 : null;
      rows.push({ db, path: p, bytes: c.body.length, app: a, bare: b, ratio: Math.round((a.rps / b.rps) * 1000) / 1000, cpuRatio });
    }
  } finally {
    await stop(app.child);
    await stop(bare.child);
  }
  return rows;
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
  const header = ['db', 'path', 'KB', 'app req/s', 'bare req/s', 'app/bare', 'app p50 ms', 'app p99 ms', 'bare p50 ms', 'bare p99 ms', 'app µs/req', 'bare µs/req', 'cpu ratio'];
  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
  const lines = rows.map((r) => [
    r.db,
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
  const fmt = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log('');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  console.log('');
}

async function main() {
  ensureBuild();
  console.log(
    `bench: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s per path and server; ` +
      `${os.cpus().length} cores shared by the load generator and the servers; page cache: ${process.env.PAGE_CACHE_MB === '0' ? 'off' : 'default'}`,
  );
  const rows = await benchTarget('pglite');
  if (process.env.BENCH_DATABASE_URL) rows.push(...(await benchTarget('postgres', await tempPostgres(process.env.BENCH_DATABASE_URL))));
  printTable(rows);
  console.log(
    JSON.stringify({
      bench: 'public-pages',
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      connections: CONNECTIONS,
      cores: os.cpus().length,
      logLevel: LOG_LEVEL,
      pageCacheMb: process.env.PAGE_CACHE_MB ?? null,
      results: rows,
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
