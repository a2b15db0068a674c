import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demo, DEMO_PASSWORD, launchBrowser, partyIdByName, signIn, startServer, type TestServer } from './support.ts';

/**
 * A keyboard-only user: Tab, typing and Enter, nothing else. Every element that takes focus on the
 * way must show it (a computed outline).
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Focused {
  tag: string;
  id: string;
  text: string;
  href: string | null;
  outline: string;
  outlineWidth: string;
  inViewport: boolean;
}

const focused = (page: Page): Promise<Focused | null> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.textContent ?? '').trim(),
      href: el.getAttribute('href'),
      outline: cs.outlineStyle,
      outlineWidth: cs.outlineWidth,
      inViewport: r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth && r.width > 0 && r.height > 0,
    };
  });

/** Every focused link, button and field shows a focus indicator. */
function expectVisibleFocus(f: Focused | null) {
  expect(f, 'something has focus').not.toBeNull();
  if (f && ['a', 'button', 'input', 'select', 'textarea'].includes(f.tag)) {
    expect(f.outline, `focus outline of <${f.tag}> ${f.id || f.text}`).not.toBe('none');
    // At least 2 px: the app's own focus style, not only the browser's thin default ring.
    expect(parseFloat(f.outlineWidth), `focus outline width of <${f.tag}> ${f.id || f.text}`).toBeGreaterThanOrEqual(2);
  }
}

/** Presses Tab until `want` matches the focused element, checking focus visibility on the way. */
async function tabTo(page: Page, want: (f: Focused) => boolean, max = 150): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expectVisibleFocus(f);
    if (f && want(f)) return f;
  }
  throw new Error('Tab never reached the element');
}

async function enterAndWait(page: Page) {
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
}

test('the skip link is the first Tab stop, is visible when focused and moves focus to main', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  expect((await page.locator('.skip-link').boundingBox())!.y).toBeLessThan(0);
  await page.keyboard.press('Tab');
  const f = await focused(page);
  expect(f?.href).toBe('#main');
  expect(f?.text).toBe('Siirry sisältöön');
  expect(f?.inViewport).toBe(true);
  expectVisibleFocus(f);
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  // The next Tab continues inside main, not back in the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  await page.close();
});

test('sign in, open the own party edit form and save it with the keyboard only', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);

  await tabTo(page, (f) => f.tag === 'a' && f.text === 'Kirjaudu sisään');
  await enterAndWait(page);
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await tabTo(page, (f) => f.id === 'f-email');
  await page.keyboard.type(demo.ouluAdmin);
  await tabTo(page, (f) => f.id === 'f-password', 1);
  await page.keyboard.type(DEMO_PASSWORD);
  await enterAndWait(page);
  expect(new URL(page.url()).pathname).toBe('/');
  expect(await page.locator('header').textContent()).toContain('Oulun pääkäyttäjä');

  await tabTo(page, (f) => f.tag === 'a' && f.text === 'Pohjois-Pohjanmaan hyvinvointialue');
  await enterAndWait(page);
  expect(new URL(page.url()).pathname).toBe('/regions/HVA19');
  await tabTo(page, (f) => f.tag === 'a' && f.text === 'Oulu');
  await enterAndWait(page);
  expect(await page.locator('h1').textContent()).toBe('Oulu');
  await tabTo(page, (f) => f.tag === 'a' && f.text === 'Muokkaa osapuolen tietoja');
  await enterAndWait(page);
  expect(new URL(page.url()).pathname).toMatch(/^\/parties\/[^/]+\/edit$/);

  await tabTo(page, (f) => f.id === 'f-website');
  await page.keyboard.type('https://www.ouka.fi/');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Tallenna', 3);
  await enterAndWait(page);
  expect(new URL(page.url()).search).toBe('?saved=1');
  expect(await page.getByRole('status').textContent()).toBe('Muutokset tallennettu.');
  expect(await page.getByRole('link', { name: 'https://www.ouka.fi/' }).count()).toBe(1);
  await page.close();
});

test('a failed save moves focus to the error summary, whose link leads to the field', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, server.url, demo.ouluAdmin);
  await page.goto(`${server.url}/parties/${await partyIdByName(page, server.url, 'Oulu')}/edit`);
  await tabTo(page, (f) => f.id === 'f-businessId');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('1234567-8');
  await enterAndWait(page);
  // enhance.js focuses the summary so that it is read out; Tab goes to its link.
  expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
  const link = await tabTo(page, (f) => f.tag === 'a', 1);
  expect(link.href).toBe('#f-businessId');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-businessId');
  expect(await page.locator('#f-businessId').inputValue()).toBe('1234567-8');
  await ctx.close();
});

test('a secretary plans a meeting, writes its agenda, sends the invitations, holds it and records the minutes with the keyboard only', async () => {
  // A date field takes its digits in the browser's locale order: month, day, year in en-US.
  const page = await browser.newPage({ locale: 'en-US' });
  await signIn(page, server.url, demo.countyAdmin);
  await page.goto(`${server.url}/regions/HVA19/forums`);
  await tabTo(page, (f) => f.tag === 'a' && f.text === 'Kuntajohtajafoorumi');
  await enterAndWait(page);
  // Today (the server's clock starts on Monday 23.11.2026 at 10:00 in Helsinki) at 9:00: already begun, so it can be held.
  await tabTo(page, (f) => f.id === 'f-meeting-titleFi', 400);
  await page.keyboard.type('Näppäimistökokous');
  await tabTo(page, (f) => f.id === 'f-meeting-startDate', 5);
  await page.keyboard.type('11232026');
  await tabTo(page, (f) => f.id === 'f-meeting-startTime', 3);
  await page.keyboard.type('09:00');
  await tabTo(page, (f) => f.id === 'f-meeting-endTime', 5);
  await page.keyboard.type('09:45');
  await tabTo(page, (f) => f.id === 'f-meeting-place', 5);
  await page.keyboard.type('Oulu');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Luo kokous', 20);
  await enterAndWait(page);
  expect((await page.locator('.error-summary').allTextContents()).join('')).toBe('');
  expect(new URL(page.url()).pathname).toMatch(/^\/meetings\//);
  const meeting = new URL(page.url()).pathname;

  await tabTo(page, (f) => f.tag === 'a' && f.text === 'Laadi esityslistaa');
  await enterAndWait(page);
  await tabTo(page, (f) => f.id === 'f-add-titleFi', 400);
  await page.keyboard.type('Vuosiseurannan aikataulu');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Lisää kohta esityslistalle', 12);
  await enterAndWait(page);
  expect(await page.locator('main h3').first().textContent()).toBe('1. Vuosiseurannan aikataulu');
  await tabTo(page, (f) => f.tag === 'a' && f.text === 'Takaisin kokoukseen', 400);
  await enterAndWait(page);

  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Lähetä kutsut', 400);
  await enterAndWait(page);
  expect(await page.getByRole('status').textContent()).toMatch(/3/);
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Merkitse: Pidetty', 600);
  await enterAndWait(page);
  await tabTo(page, (f) => f.tag === 'a' && f.text === 'Kirjoita pöytäkirjaa', 400);
  await enterAndWait(page);
  expect(new URL(page.url()).pathname).toBe(`${meeting}/minutes`);

  await tabTo(page, (f) => f.id.startsWith('f-item-minutes-') && f.id.endsWith('-summaryFi'), 400);
  await page.keyboard.type('Aikataulu käytiin läpi.');
  await tabTo(page, (f) => f.id.endsWith('-conclusion'), 5);
  await page.keyboard.press('ArrowDown'); // the first conclusion: decided
  await tabTo(page, (f) => f.id.endsWith('-conclusionTextFi'), 5);
  await page.keyboard.type('Aikataulu hyväksyttiin.');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Tallenna kohdan 1 pöytäkirja', 10);
  await enterAndWait(page);
  expect(await page.getByRole('status').textContent()).toBe('Muutokset tallennettu.');
  expect(await page.locator('select[id$="-conclusion"]').inputValue()).toBe('decided');

  // An action item: title, the party by typing its name in the select, a due date.
  await tabTo(page, (f) => f.id === 'f-add-action-title', 600);
  await page.keyboard.type('Kootaan kuntien aikataulut');
  await tabTo(page, (f) => f.id === 'f-add-action-ownerPartyId', 5);
  await page.keyboard.type('Kempele');
  await tabTo(page, (f) => f.id === 'f-add-action-dueOn', 5);
  await page.keyboard.type('2026-12-31');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Lisää toimenpide', 5);
  await enterAndWait(page);
  expect(await page.getByRole('status').textContent()).toBe('Muutokset tallennettu.');
  expect(await page.locator('section[aria-labelledby="actions"] table').textContent()).toContain('Kootaan kuntien aikataulut');
  await page.close();
});
