import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demo, inLang, LANGS, launchBrowser, partyIdByName, signedInContext, startServer, type Lang, type TestServer } from './support.ts';

/**
 * axe (WCAG 2.0/2.1 A and AA) on every page in Finnish, Swedish and English, plus the page-shell
 * rules axe does not check: exactly one h1, `<html lang>` is the page language, and the skip link is
 * the first thing to focus and points at <main>.
 */
let server: TestServer;
let browser: Browser;
let ouluId: string;
let agreementId: string;
let sectionId: string;
let countyId: string;
let goalId: string;
let measureId: string;

/** One anonymous and two signed-in cookie jars, at one viewport size. */
interface Contexts {
  anon: BrowserContext;
  ouluAdmin: BrowserContext;
  platformAdmin: BrowserContext;
  countyAdmin: BrowserContext;
}
let desktop: Contexts;
let narrow: Contexts;

async function contexts(viewport: { width: number; height: number }): Promise<Contexts> {
  return {
    anon: await browser.newContext({ viewport }),
    ouluAdmin: await signedInContext(browser, server.url, demo.ouluAdmin, { viewport }),
    platformAdmin: await signedInContext(browser, server.url, demo.platformAdmin, { viewport }),
    countyAdmin: await signedInContext(browser, server.url, demo.countyAdmin, { viewport }),
  };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  desktop = await contexts({ width: 1280, height: 900 });
  // 320 CSS px: the reflow width of WCAG 1.4.10 (400 % zoom of 1280 px).
  narrow = await contexts({ width: 320, height: 640 });
  const p = await desktop.anon.newPage();
  ouluId = await partyIdByName(p, server.url, 'Oulu');
  await p.close();
  // The demo region's agreement and its first section, found through the pages.
  const a = await desktop.countyAdmin.newPage();
  await a.goto(`${server.url}/regions/HVA19/agreements`);
  agreementId = idFrom(await a.locator('main a[href^="/agreements/"]').first().getAttribute('href'), /^\/agreements\/([^/?#]+)/);
  await a.goto(`${server.url}/agreements/${agreementId}/sections`);
  sectionId = idFrom(await a.locator(`main a[href^="/agreements/${agreementId}/sections/"]`).first().getAttribute('href'), /\/sections\/([^/?#]+)$/);
  countyId = await partyIdByName(a, server.url, 'Pohjois-Pohjanmaan hyvinvointialue');
  await a.goto(`${server.url}/agreements/${agreementId}/goals`);
  goalId = idFrom(await a.locator('main a[href^="/goals/"]').first().getAttribute('href'), /^\/goals\/([^/?#]+)/);
  measureId = idFrom(await a.locator('main a[href^="/measures/"]').first().getAttribute('href'), /^\/measures\/([^/?#]+)/);
  await a.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function idFrom(href: string | null, re: RegExp): string {
  const id = href ? re.exec(href)?.[1] : undefined;
  if (!id) throw new Error(`no id in ${href}`);
  return id;
}

async function checkPage(page: Page, lang: Lang, c: Contexts) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`),
  }));
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
  expect(await page.locator('h1').count(), `h1 count on ${page.url()}`).toBe(1);
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  // The skip link is the first element in the tab order and targets the main landmark.
  const skip = page.locator('body a').first();
  expect(await skip.getAttribute('class')).toContain('skip-link');
  expect(await skip.getAttribute('href')).toBe('#main');
  expect(await page.locator('main#main').count()).toBe(1);
  if (c === narrow) {
    // Reflow: nothing makes the whole page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width on ${page.url()}`).toBeLessThanOrEqual(320);
  }
}

async function open(context: BrowserContext, url: string, expectStatus = 200) {
  const page = await context.newPage();
  const res = await page.goto(`${server.url}${url}`);
  expect(res?.status(), url).toBe(expectStatus);
  return page;
}

/** Submits the party edit form with a Business ID whose check digit is wrong. */
async function editWithBadBusinessId(lang: Lang, c: Contexts) {
  const page = await open(c.ouluAdmin, inLang(lang, `/parties/${ouluId}/edit`));
  await page.locator('#f-businessId').fill('1234567-8');
  await Promise.all([page.waitForLoadState('load'), page.locator('main button[type=submit]').click()]);
  await page.locator('.error-summary').waitFor();
  await page.locator('#f-businessId[aria-invalid=true]').waitFor();
  return page;
}

/** Opens the edit form, lets someone else save first, then saves: the conflict view. */
async function editConflict(lang: Lang, c: Contexts) {
  const mine = await open(c.ouluAdmin, inLang(lang, `/parties/${ouluId}/edit`));
  const theirs = await open(c.ouluAdmin, inLang(lang, `/parties/${ouluId}/edit`));
  await theirs.locator('#f-phone').fill(`+358 8 555 ${String(Date.now()).slice(-4)}`);
  await Promise.all([theirs.waitForURL(/\/parties\/[^/]+\?saved=1$/), theirs.locator('main button[type=submit]').click()]);
  await theirs.close();
  await mine.locator('#f-postOffice').fill('OULU');
  await Promise.all([mine.waitForLoadState('load'), mine.locator('main button[type=submit]').click()]);
  await mine.locator('section.conflict').waitFor();
  return mine;
}

async function signInError(lang: Lang, c: Contexts) {
  const page = await open(c.anon, inLang(lang, '/sign-in'));
  await page.locator('#f-email').fill(demo.ouluAdmin);
  await page.locator('#f-password').fill('wrong password');
  await Promise.all([page.waitForLoadState('load'), page.locator('main button[type=submit]').click()]);
  await page.locator('.error-summary').waitFor();
  return page;
}

type Case = [name: string, (lang: Lang, c: Contexts) => Promise<Page>];
const cases: Case[] = [
  ['front page', (l, c) => open(c.anon, inLang(l, '/'))],
  ['region page', (l, c) => open(c.anon, inLang(l, '/regions/HVA19'))],
  ['region situational picture', (l, c) => open(c.anon, inLang(l, '/regions/HVA19/situation'))],
  ['municipality situational picture', (l, c) => open(c.anon, inLang(l, `/parties/${ouluId}/situation`))],
  ['municipality compared with its region', (l, c) => open(c.anon, inLang(l, '/regions/HVA19/situation/compare?municipality=564'))],
  ['party list with a filter', (l, c) => open(c.anon, inLang(l, '/parties?type=municipality&q=Ou'))],
  ['party page (public)', (l, c) => open(c.anon, inLang(l, `/parties/${ouluId}`))],
  ['party page (its admin)', (l, c) => open(c.ouluAdmin, inLang(l, `/parties/${ouluId}`))],
  ['party edit page', (l, c) => open(c.ouluAdmin, inLang(l, `/parties/${ouluId}/edit`))],
  ['party edit with validation errors', editWithBadBusinessId],
  ['party edit conflict view', editConflict],
  ['sign-in page', (l, c) => open(c.anon, inLang(l, '/sign-in'))],
  ['sign-in with an error', signInError],
  ['404 page', (l, c) => open(c.anon, inLang(l, '/no-such-page'), 404)],
  ['audit log', (l, c) => open(c.ouluAdmin, inLang(l, '/audit'))],
  ['API tokens', (l, c) => open(c.ouluAdmin, inLang(l, '/tokens'))],
  ['accessibility statement', (l, c) => open(c.anon, inLang(l, '/accessibility'))],
  ['feedback (platform admin)', (l, c) => open(c.platformAdmin, inLang(l, '/admin/feedback'))],
  ['party people (its admin)', (l, c) => open(c.ouluAdmin, inLang(l, `/parties/${ouluId}/people`))],
  ['agreements of a region', (l, c) => open(c.countyAdmin, inLang(l, '/regions/HVA19/agreements'))],
  ['new agreement form', (l, c) => open(c.countyAdmin, inLang(l, '/regions/HVA19/agreements/new'))],
  ['agreement page', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}`))],
  ['agreement page (public)', (l, c) => open(c.anon, inLang(l, `/agreements/${agreementId}`))],
  ['agreement edit', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/edit`))],
  ['agreement sections', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/sections`))],
  ['agreement section edit', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/sections/${sectionId}`))],
  ['agreement areas', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/areas`))],
  ['agreement forums', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/forums`))],
  ['agreement version 1', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/versions/1`))],
  ['agreement comments', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/comments`))],
  ['agreement comments summary', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/comments/summary`))],
  ['agreement approval overview', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/approval`))],
  ['party approval chain', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/parties/${countyId}/chain`))],
  ['party decisions', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/parties/${countyId}/decisions`))],
  ['party signatures', (l, c) => open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/parties/${countyId}/signatures`))],
  ['agreement public record', (l, c) => open(c.anon, inLang(l, `/agreements/${agreementId}/record`))],
  ['agreement goals', (l, c) => open(c.anon, inLang(l, `/agreements/${agreementId}/goals`))],
  ['goal', (l, c) => open(c.anon, inLang(l, `/goals/${goalId}`))],
  ['measure (owner party)', (l, c) => open(c.ouluAdmin, inLang(l, `/measures/${measureId}`))],
];

async function run(openPage: Case[1], lang: Lang, c: Contexts) {
  const page = await openPage(lang, c);
  try {
    await checkPage(page, lang, c);
  } finally {
    await page.close();
  }
}

describe.each(LANGS)('accessibility (%s)', (lang) => {
  test.each(cases)('%s', (_name, openPage) => run(openPage, lang, desktop));
});

describe('accessibility at 320 px wide (fi)', () => {
  test.each(cases)('%s', (_name, openPage) => run(openPage, 'fi', narrow));
});
