import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * Browser tests run Debian's Chromium (/usr/bin/chromium, never a downloaded browser) with
 * playwright-core against the real production server (`server/main.ts` + the built app) on a fresh
 * PGlite data folder with the demo region seeded.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'kumppanuus-demo';
export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const demo = {
  platformAdmin: 'yllapito@demo.kumppanuus.fi',
  countyAdmin: 'hva.paakayttaja@demo.kumppanuus.fi',
  ouluAdmin: 'oulu.paakayttaja@demo.kumppanuus.fi',
  ouluEditor: 'oulu.muokkaaja@demo.kumppanuus.fi',
  viewer: 'katselija@demo.kumppanuus.fi',
} as const;

/**
 * The test server's clock starts at this instant (CLOCK_START: Monday 23.11.2026 10:00 in Helsinki) and runs on
 * in real time, so the demo data, deadlines and "today" are the same on whatever day and hour the suite runs.
 */
export const SERVER_CLOCK_START = '2026-11-23T08:00:00Z';
/** The server's date in Helsinki during a run (a run would have to last 14 hours to reach the next day). */
export const SERVER_TODAY = '2026-11-23';
/** `iso` ± days, as a 'YYYY-MM-DD' date. */
export const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** `/path` in a language: Finnish unprefixed, Swedish /sv, English /en. */
export const inLang = (lang: Lang, p: string) => (lang === 'fi' ? p : `/${lang}${p === '/' ? '' : p}`);

/** Builds the app once if there is no build yet (a stale build is the caller's business). */
export function ensureBuild() {
  if (existsSync(path.join(ROOT, 'build/server/index.js'))) return;
  const r = spawnSync('npx', ['react-router', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('react-router build failed');
}

export interface TestServer {
  url: string;
  stop: () => Promise<void>;
  /** Everything the server wrote to stdout/stderr (JSON log lines), for failure messages. */
  output: () => string;
}

/** Starts `node --import tsx server/main.ts` on 127.0.0.1, a free port and a fresh data folder. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  ensureBuild();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kp-browser-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    // Tests sign in many times from one address.
    LOGIN_RATE_LIMIT: '1000',
    CLOCK_START: SERVER_CLOCK_START,
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  delete env.OIDC_ISSUER;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // main.ts logs the address it got for PORT=0; then /readyz says the database is open.
    const deadline = Date.now() + 120_000;
    let url: string | undefined;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before it was ready`);
      if (Date.now() > deadline) throw new Error('server was not ready in 120 s');
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      url = port ? `http://127.0.0.1:${port}` : undefined;
      if (url && (await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return { url, output: () => out, stop };
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n${out}`);
  }
}

/**
 * Chromium runs on the visitor's own clock: under `npm run test:future` libfaketime moves the test processes and
 * servers, not the browser (Chromium reads the clock so often that, faked, it slows to page.goto timeouts).
 */
export function launchBrowser(): Promise<Browser> {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !/^(LD_PRELOAD|FAKETIME.*)$/.test(e[0])));
  return chromium.launch({
    executablePath: CHROMIUM,
    env,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Signs in through the real form (works with and without JavaScript). */
export async function signIn(page: Page, baseUrl: string, email: string, lang: Lang = 'fi') {
  await page.goto(`${baseUrl}${inLang(lang, '/sign-in')}`);
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/sign-in')), page.locator('main button[type=submit]').click()]);
}

/** A fresh context (own cookie jar) signed in as a demo account. */
export async function signedInContext(browser: Browser, baseUrl: string, email: string, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(opts);
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  await page.close();
  return context;
}

/** The id of a party found by its exact Finnish name through the public list page. */
export async function partyIdByName(page: Page, baseUrl: string, name: string): Promise<string> {
  await page.goto(`${baseUrl}/parties?q=${encodeURIComponent(name)}`);
  const link = page.locator('table tbody th a', { hasText: new RegExp(`^${name}$`) }).first();
  const href = await link.getAttribute('href');
  const id = href ? /\/parties\/([^/?#]+)/.exec(href)?.[1] : undefined;
  if (!id) throw new Error(`party ${name} not found`);
  return id;
}
