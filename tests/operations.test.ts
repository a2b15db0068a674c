import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/log.ts';
import { createApp } from '../server/app.ts';
import { createTestDb, TEST_DB_KIND, testClock } from './support/db.ts';

/**
 * Operations: the production entry (`node --import tsx server/main.ts` with the built app) as a process —
 * health and readiness, JSON logs with request ids, graceful shutdown on SIGTERM, loopback binding.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kp-ops-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Server {
  proc: ChildProcess;
  port: number;
  host: string;
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** A data folder with the migrated reference database (the test template), so start-up is quick. */
async function dataDirFromTemplate(name: string): Promise<string> {
  const dataDir = path.join(tmp, name);
  mkdirSync(path.join(dataDir, 'pglite'), { recursive: true });
  const pg = await PGlite.create(path.join(dataDir, 'pglite'), { loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  await pg.close();
  return dataDir;
}

function spawnServer(dataDir: string, extraEnv: Record<string, string> = {}): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', SEED_DEMO: 'false', LOG_LEVEL: 'info', ...extraEnv };
  for (const k of ['DATABASE_URL', 'PUBLIC_URL', 'OIDC_ISSUER', 'NODE_ENV']) delete env[k];
  if (!extraEnv.HOST) delete env.HOST;
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function startServer(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const proc = spawnServer(dataDir, extraEnv);
  const stdout: string[] = [];
  const stderr: string[] = [];
  // 'close' comes after the output streams have ended, so no log line is missed.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    proc.once('close', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const lines = (into: string[]) => {
    let rest = '';
    return (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop()!;
      into.push(...parts);
    };
  };
  proc.stdout!.on('data', lines(stdout));
  proc.stderr!.on('data', lines(stderr));
  const listening = await waitFor(() => stdout.find((l) => l.includes('listening on')), 120_000, () => [...stdout, ...stderr].join('\n'), exited);
  const m = /listening on http:\/\/([^:]+):(\d+)/.exec(listening)!;
  return { proc, port: Number(m[2]), host: m[1]!, stdout, stderr, exited };
}

async function waitFor<T>(probe: () => T | undefined, ms: number, explain: () => string, exited?: Promise<unknown>): Promise<T> {
  let gone = false;
  void exited?.then(() => (gone = true));
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (gone) throw new Error(`server exited:\n${explain()}`);
    if (Date.now() > until) throw new Error(`timed out:\n${explain()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function stop(s: Server | undefined) {
  if (!s || s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  s.proc.kill('SIGTERM');
  await s.exited;
}

/** A non-loopback IPv4 address of this machine, if it has one. */
function externalAddress(): string | undefined {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.once('connect', () => {
      // A connect to a closed loopback port can, rarely, pick that port as its own source port and
      // "connect" to itself (TCP simultaneous open): that is no server.
      const self = s.localPort === port && s.localAddress === s.remoteAddress;
      s.destroy();
      resolve(!self);
    });
    s.once('error', () => resolve(false));
  });
}

describe.runIf(TEST_DB_KIND === 'pglite')('the server process', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'build/server/index.js'))) {
      const r = spawnSync('npx', ['react-router', 'build'], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('react-router build failed');
    }
    server = await startServer(await dataDirFromTemplate('main'));
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => stop(server));

  it('answers /healthz and /readyz with 200', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });
  });

  it('logs every line as JSON, and each request line carries the id the response header has', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const generated = page.headers.get('x-request-id')!;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'lb-7f3a.42_x' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.42_x');
    // An id that could smuggle text into logs is replaced, not echoed.
    const replaced = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'a b"c' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const requestLine = (id: string) =>
      server.stdout.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'request' && l.requestId === id);
    const pageLine = await waitFor(() => requestLine(generated), 5000, () => server.stdout.join('\n'));
    expect(pageLine).toMatchObject({ level: 'info', method: 'GET', path: '/', status: 200 });
    expect(typeof pageLine.time).toBe('string');
    expect(await waitFor(() => requestLine('lb-7f3a.42_x'), 5000, () => server.stdout.join('\n'))).toMatchObject({ path: '/healthz', status: 200 });

    expect(server.stdout.length).toBeGreaterThan(3);
    for (const line of server.stdout) expect(() => JSON.parse(line), line).not.toThrow();
    for (const line of server.stderr) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it('binds 127.0.0.1 unless HOST is set', async (t) => {
    expect(server.host).toBe('127.0.0.1');
    const external = externalAddress();
    if (!external) t.skip('this machine has no non-loopback IPv4 address to test from');
    expect(await canConnect(external!, server.port)).toBe(false);
    const open = await startServer(await dataDirFromTemplate('all-interfaces'), { HOST: '0.0.0.0' });
    try {
      expect(open.host).toBe('0.0.0.0');
      const res = await fetch(`http://${external}:${open.port}/healthz`);
      expect(res.status).toBe(200);
    } finally {
      await stop(open);
    }
  });

  it('on SIGTERM finishes the request in flight, refuses new connections, and exits 0 within 10 s', async () => {
    const dataDir = path.join(tmp, 'shutdown');
    cpSync(path.join(tmp, 'main'), dataDir, { recursive: true, filter: (src) => !src.endsWith('postmaster.pid') && !src.endsWith('.lock') });
    const s = await startServer(dataDir);
    // A slow upload: the headers arrive, then the body only after the signal. `Expect: 100-continue` makes
    // the server say when it has taken the request in, so the signal cannot come before the request.
    const body = 'email=nobody%40example.fi&password=wrong-password&_csrf=x';
    const socket = net.connect({ host: '127.0.0.1', port: s.port });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (received += d));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`,
    );
    await waitFor(() => (received.startsWith('HTTP/1.1 100 Continue') ? true : undefined), 10_000, () => received);
    socket.write(body.slice(0, 10));

    const signalledAt = Date.now();
    s.proc.kill('SIGTERM');
    await waitFor(() => s.stdout.find((l) => l.includes('shutting down')), 5000, () => s.stdout.join('\n'));
    expect(await canConnect('127.0.0.1', s.port), 'a new connection after SIGTERM').toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(s.proc.exitCode).toBeNull(); // still serving the open request

    socket.write(body.slice(10));
    await closed;
    const response = received.slice(received.indexOf('\r\n\r\n') + 4);
    const head = response.slice(0, response.indexOf('\r\n\r\n'));
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
    expect(status).toBeGreaterThanOrEqual(200);
    const payload = response.slice(head.length + 4);
    const length = /\r\ncontent-length: (\d+)/i.exec(head)?.[1];
    if (length) expect(Buffer.byteLength(payload)).toBe(Number(length));
    else expect(payload.endsWith('0\r\n\r\n')).toBe(true); // chunked, complete
    expect(payload).toContain('</html>');

    const { code, at } = await s.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(10_000);
    const requestLine = s.stdout.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'request' && l.path === '/sign-in');
    expect(requestLine?.status).toBe(status);
    expect(s.stdout.at(-1)).toContain('"msg":"stopped"');
  });
});

describe.runIf(TEST_DB_KIND === 'pglite')('one server per PGlite data folder (ADR 0010)', () => {
  /** A server expected not to start: its exit code and everything it wrote. */
  async function refusedServer(dataDir: string): Promise<{ code: number | null; output: string }> {
    const proc = spawnServer(dataDir);
    let output = '';
    proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => proc.once('close', (c) => resolve(c)));
    return { code, output };
  }

  it('a second server on the same DATA_DIR refuses to start and names the first; one that was SIGKILLed leaves a lock the next server takes over', async () => {
    const dataDir = await dataDirFromTemplate('locked');
    const first = await startServer(dataDir);
    let second: Server | undefined;
    try {
      const refused = await refusedServer(dataDir);
      expect(refused.code).toBe(1);
      expect(refused.output).not.toContain('listening on');
      const line = refused.output
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { level: string; msg: string; holder?: { pid: number; label: string; startedAt: string } })
        .find((l) => l.level === 'error')!;
      expect(line.msg).toContain(`process ${first.proc.pid}`);
      expect(line.holder).toMatchObject({ pid: first.proc.pid, label: 'server' });
      expect(Date.parse(line.holder!.startedAt)).toBeGreaterThan(0);
      // The first server is unharmed.
      expect((await fetch(`http://127.0.0.1:${first.port}/readyz`)).status).toBe(200);

      // The command line respects the same lock.
      const { backupCommand } = await import('../src/cli/backup.ts');
      const { runCommand } = await import('../src/cli/command.ts');
      const errors: string[] = [];
      const io = { env: { DATA_DIR: dataDir }, out: () => {}, err: (l: string) => errors.push(l), readStdin: async () => '' };
      expect(await runCommand(backupCommand, [path.join(tmp, 'locked.tar.gz'), '--lang', 'en'], io)).toBe(1);
      expect(errors.join('\n')).toContain(`process ${first.proc.pid}`);
      expect(existsSync(path.join(tmp, 'locked.tar.gz'))).toBe(false);

      first.proc.kill('SIGKILL');
      await first.exited;
      expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(true);
      second = await startServer(dataDir);
      expect((await fetch(`http://127.0.0.1:${second.port}/readyz`)).status).toBe(200);
      const held = JSON.parse(readFileSync(path.join(dataDir, 'pglite.lock'), 'utf8')) as { pid: number };
      expect(held.pid).toBe(second.proc.pid);
    } finally {
      await stop(first);
      await stop(second);
    }
    // A clean stop removes the lock.
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  });
});

describe('readiness', () => {
  it('/readyz answers 503 once the database is unavailable, while /healthz stays 200', async () => {
    const db = await createTestDb();
    const lines: string[] = [];
    const log = createLogger('info', {}, (l) => lines.push(l));
    const config = loadConfig({ SESSION_SECRET: 'x'.repeat(32), DATA_DIR: tmp });
    const { handler } = createApp({
      services: { db, clock: testClock(), log, config },
      build: () => Promise.reject(new Error('no pages in this test')),
      clientDir: tmp,
    });
    // The same request listener the production entry serves (the Express app behind the page cache).
    const http = createServer(handler).listen(0, '127.0.0.1');
    await new Promise((r) => http.once('listening', r));
    const base = `http://127.0.0.1:${(http.address() as net.AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      await db.close();
      const res = await fetch(`${base}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable' });
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(lines.map((l) => JSON.parse(l) as { msg: string }).some((l) => l.msg === 'readiness check failed')).toBe(true);
    } finally {
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
    }
  });
});
