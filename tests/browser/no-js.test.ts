import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, demo, launchBrowser, partyIdByName, SERVER_TODAY, signIn, startServer, type TestServer } from './support.ts';

/** Everything a user needs works with JavaScript turned off: sign in, edit, errors, language. */
let server: TestServer;
let browser: Browser;
let ouluId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  ouluId = await partyIdByName(await ctx.newPage(), server.url, 'Oulu');
  await ctx.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const noJs = () => browser.newContext({ javaScriptEnabled: false });

async function submit(page: import('playwright-core').Page) {
  await Promise.all([page.waitForEvent('load'), page.locator('main form button[type=submit]').last().click()]);
}

describe('without JavaScript', () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await noJs();
  });
  afterAll(() => ctx.close());

  test('a demo user signs in, edits the party contact e-mail and sees it saved', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/parties/${ouluId}`);
    await expect.poll(() => page.getByRole('link', { name: 'Muokkaa osapuolen tietoja' }).count()).toBe(0);

    // The header link carries the current page as returnTo.
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Kirjaudu sisään' }).click()]);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('Sähköpostiosoite').fill(demo.ouluAdmin);
    await page.getByLabel('Salasana').fill('kumppanuus-demo');
    await submit(page);
    expect(new URL(page.url()).pathname).toBe(`/parties/${ouluId}`);
    await expect.poll(() => page.locator('header').textContent()).toContain('Oulun pääkäyttäjä');

    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Muokkaa osapuolen tietoja' }).click()]);
    expect(new URL(page.url()).pathname).toBe(`/parties/${ouluId}/edit`);
    await page.getByLabel('Sähköposti').fill('kirjaamo@ouka.example');
    await submit(page);

    const url = new URL(page.url());
    expect(url.pathname).toBe(`/parties/${ouluId}`);
    expect(await page.getByRole('status').textContent()).toBe('Muutokset tallennettu.');
    expect(await page.getByRole('link', { name: 'kirjaamo@ouka.example' }).getAttribute('href')).toBe('mailto:kirjaamo@ouka.example');
    // A fresh load shows the stored value in the form too.
    await page.goto(`${server.url}/parties/${ouluId}/edit`);
    expect(await page.getByLabel('Sähköposti').inputValue()).toBe('kirjaamo@ouka.example');
  });

  test('a bad Business ID shows the error summary and the field error and keeps what was typed', async () => {
    // Its own cookie jar, so it does not depend on the test above.
    const own = await noJs();
    const page = await own.newPage();
    await signIn(page, server.url, demo.ouluAdmin);
    await page.goto(`${server.url}/parties/${ouluId}/edit`);
    const before = await page.getByLabel('Y-tunnus', { exact: true }).inputValue();
    await page.getByLabel('Y-tunnus', { exact: true }).fill('1234567-8');
    await page.getByLabel('Puhelin').fill('+358 8 123 4567');
    await page.getByLabel('Postitoimipaikka').fill('Oulu');
    await submit(page);

    expect(new URL(page.url()).pathname).toBe(`/parties/${ouluId}/edit`);
    const summary = page.locator('.error-summary');
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await summary.locator('h2').textContent()).toBe('Lomakkeessa on virheitä');
    const link = summary.getByRole('link');
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe('#f-businessId');
    expect(await link.textContent()).toContain('Y-tunnus');

    const field = page.locator('#f-businessId');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain('f-businessId-error');
    expect(await page.locator('#f-businessId-error').textContent()).toMatch(/tarkistusmerkki/);
    expect(await field.inputValue()).toBe('1234567-8');
    expect(await page.getByLabel('Puhelin').inputValue()).toBe('+358 8 123 4567');
    expect(await page.getByLabel('Postitoimipaikka').inputValue()).toBe('Oulu');

    // Nothing was saved.
    await page.goto(`${server.url}/parties/${ouluId}/edit`);
    expect(await page.getByLabel('Y-tunnus', { exact: true }).inputValue()).toBe(before);
    expect(await page.getByLabel('Puhelin').inputValue()).not.toBe('+358 8 123 4567');
    await own.close();
  });
});

describe('language switcher without JavaScript', () => {
  test('switches the language of the same page and keeps the query and the session', async () => {
    const ctx = await noJs();
    const page = await ctx.newPage();
    await signIn(page, server.url, demo.ouluAdmin);
    await page.goto(`${server.url}/parties/${ouluId}`);
    expect(await page.locator('h1').textContent()).toBe('Oulu');

    const switcher = page.getByRole('navigation', { name: 'Kieli' });
    expect(await switcher.getByRole('link', { name: 'Suomeksi' }).getAttribute('aria-current')).toBe('true');
    await Promise.all([page.waitForEvent('load'), switcher.getByRole('link', { name: 'På svenska' }).click()]);
    expect(new URL(page.url()).pathname).toBe(`/sv/parties/${ouluId}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.locator('h1').textContent()).toBe('Uleåborg');
    expect(await page.locator('header').textContent()).toContain('Logga ut');

    const sv = page.getByRole('navigation', { name: 'Språk' });
    await Promise.all([page.waitForEvent('load'), sv.getByRole('link', { name: 'In English' }).click()]);
    expect(new URL(page.url()).pathname).toBe(`/en/parties/${ouluId}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'Edit party details' }).count()).toBe(1);

    // The filter of a list survives the switch.
    await page.goto(`${server.url}/en/parties?type=regional_council&q=Pohjois`);
    await Promise.all([page.waitForEvent('load'), page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Suomeksi' }).click()]);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/parties');
    expect(url.searchParams.get('type')).toBe('regional_council');
    expect(url.searchParams.get('q')).toBe('Pohjois');
    expect(await page.getByLabel('Osapuolen tyyppi').inputValue()).toBe('regional_council');
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    await ctx.close();
  });
});

describe('goals without JavaScript', () => {
  const MEASURE = 'Liikkuva koulu -toimintamalli kaikkiin yläkouluihin';

  test("a measure owner's editor posts an update with a value; a wrong value keeps what was typed", async () => {
    const ctx = await noJs();
    const page = await ctx.newPage();
    await signIn(page, server.url, 'oulu.muokkaaja@demo.kumppanuus.fi');
    // To the measure through the pages: the region's agreements → the demo agreement → goals → the measure.
    await page.goto(`${server.url}/regions/HVA19/agreements`);
    await Promise.all([page.waitForEvent('load'), page.getByRole('main').getByRole('link', { name: /^Pohjois-Pohjanmaan kuntien/ }).click()]);
    await Promise.all([page.waitForEvent('load'), page.getByRole('main').getByRole('link', { name: 'Tavoitteet ja seuranta' }).click()]);
    await Promise.all([page.waitForEvent('load'), page.getByRole('main').getByRole('link', { name: MEASURE }).click()]);
    expect(await page.locator('h1').textContent()).toBe(MEASURE);
    const updates = page.getByRole('region', { name: 'Tilannepäivitykset' }).getByRole('listitem');
    const before = await updates.count();

    const day = addDays(SERVER_TODAY, -1);
    const shownDay = new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki' }).format(new Date(`${day}T12:00:00Z`));
    const post = page.getByRole('region', { name: 'Lisää tilannepäivitys' });
    const body = 'Kolmas yläkoulu aloitti; kaksi aloittaa keväällä.';
    await post.getByLabel('Tila').selectOption({ label: 'Etenee' });
    await post.getByLabel('Päivitys').fill(body);
    await post.getByLabel('Aluekoodi').fill('564');
    await post.getByLabel('Päivämäärä').fill(day);
    await post.getByLabel('Arvo', { exact: true }).fill('neljäkymmentä');
    await submit(page);

    // Refused: the summary names the field, the field says why, and everything typed is still there.
    const summary = page.locator('.error-summary');
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await summary.locator('h2').textContent()).toBe('Lomakkeessa on virheitä');
    const link = summary.getByRole('link');
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe('#f-post-update-value');
    expect(await link.textContent()).toBe('Arvo: Anna luku, esim. 12 tai 12,5.');
    const value = page.locator('#f-post-update-value');
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    expect((await value.getAttribute('aria-describedby'))?.split(' ')).toContain('f-post-update-value-error');
    const form = page.getByRole('region', { name: 'Lisää tilannepäivitys' });
    expect(await value.inputValue()).toBe('neljäkymmentä');
    expect(await form.getByLabel('Tila').inputValue()).toBe('on_track');
    expect(await form.getByLabel('Päivitys').inputValue()).toBe(body);
    expect(await form.getByLabel('Aluekoodi').inputValue()).toBe('564');
    expect(await form.getByLabel('Päivämäärä').inputValue()).toBe(day);
    expect(await updates.count()).toBe(before);

    await value.fill('43,5');
    await submit(page);
    expect(await page.getByRole('status').textContent()).toBe('Päivitys on tallennettu.');
    expect(await updates.count()).toBe(before + 1);
    const mine = updates.filter({ hasText: body });
    expect(await mine.count()).toBe(1);
    const text = (await mine.textContent())?.replace(/\s+/g, ' ');
    expect(text).toContain('Oulu, Oulun valmistelija');
    expect(text).toContain('Etenee');
    expect(text).toContain(`Arvo 43,5, alue 564, ${shownDay}`);
    // The measure took the new status, and Oulu's row of the indicator shows the value pushed.
    const status = page.getByRole('definition').filter({ hasText: 'Etenee' });
    expect(await status.count()).toBeGreaterThan(0);
    const ouluRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Oulu (564)' }) });
    expect(await ouluRow.getByRole('cell').first().textContent()).toContain('43,5');
    // A fresh load (nothing re-posted) shows the same.
    await page.goto(page.url());
    expect(await updates.filter({ hasText: body }).count()).toBe(1);
    await ctx.close();
  });
});

describe('an invitee without JavaScript', () => {
  test('answers the invitation on the meeting page: sending a deputy without a name is refused, then saved', async () => {
    const ctx = await noJs();
    const page = await ctx.newPage();
    await signIn(page, server.url, demo.ouluAdmin);
    await page.goto(`${server.url}/regions/HVA19/calendar`);
    const link = await page.locator('main a[href*="/meetings/"]').first().getAttribute('href');
    await page.goto(`${server.url}${link}`);
    const form = page.locator('form:has(input[name=intent][value=answer])');
    await form.locator('select[name=answer]').selectOption('deputy');
    await Promise.all([page.waitForEvent('load'), form.locator('button[type=submit]').click()]);
    expect(await page.locator('.error-summary').textContent()).toContain('Tieto on pakollinen');
    const again = page.locator('form:has(input[name=intent][value=answer])');
    await again.locator('input[name=deputyName]').fill('Oulun apulaiskaupunginjohtaja');
    await Promise.all([page.waitForEvent('load'), again.locator('button[type=submit]').click()]);
    expect(await page.getByRole('status').textContent()).toBeTruthy();
    expect(await page.locator('main').textContent()).toContain('Oulun apulaiskaupunginjohtaja');
    await ctx.close();
  });
});
