import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demo, inLang, launchBrowser, partyIdByName, signedInContext, startServer, type Lang, type TestServer } from './support.ts';

/**
 * axe (WCAG 2.0/2.1 A and AA) on every page in Finnish, Swedish and English, plus the page-shell
 * rules axe does not check: exactly one h1, `<html lang>` is the page language, and the skip link is
 * the first thing to focus and points at <main>. The pages are split over two test files (a11y-first-half.test.ts,
 * a11y-second-half.test.ts), each with its own server and browser, so that they run side by side.
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

/** The first forum of the demo region, found through its forums page (the demo agreement's forums moved there). */
async function forumPage(lang: Lang, c: Contexts) {
  const page = await open(c.countyAdmin, inLang(lang, '/regions/HVA19/forums'));
  const link = await page.locator('main a[href*="/forums/"]').first().getAttribute('href');
  await page.goto(`${server.url}${link}`);
  return page;
}

/** Plans a meeting through the forum page's form (keyboard-free here; the result page is checked). */
async function meetingPage(lang: Lang, c: Contexts) {
  const page = await forumPage(lang, c);
  await page.locator('#f-meeting-titleFi').fill('Saavutettavuuskokous');
  await page.locator('#f-meeting-startDate').fill('2027-02-10');
  await page.locator('#f-meeting-startTime').fill('10:00');
  await page.locator('#f-meeting-endTime').fill('11:00');
  await page.locator('#f-meeting-place').fill('Oulu');
  await Promise.all([page.waitForURL(/\/meetings\//), page.locator('section[aria-labelledby="new-meeting"] button[type=submit]').click()]);
  return page;
}

async function signInError(lang: Lang, c: Contexts) {
  const page = await open(c.anon, inLang(lang, '/sign-in'));
  await page.locator('#f-email').fill(demo.ouluAdmin);
  await page.locator('#f-password').fill('wrong password');
  await Promise.all([page.waitForLoadState('load'), page.locator('main button[type=submit]').click()]);
  await page.locator('.error-summary').waitFor();
  return page;
}

/**
 * A second agreement of the demo region, created once through the pages by the county's administrator and
 * sent to approval, with the county's two decisions recorded (the demo agreement itself stays untouched).
 * Returns the correction page path of the county's first decision and its signatures page path.
 */
let approvalFx: Promise<{ correction: string; signatures: string }> | undefined;
function agreementInApproval(c: Contexts) {
  approvalFx ??= (async () => {
    const page = await c.countyAdmin.newPage();
    const submit = async (selector: string) => Promise.all([page.waitForLoadState('load'), page.locator(selector).click()]);
    await page.goto(`${server.url}/regions/HVA19/agreements/new`);
    await page.locator('#f-titleFi').fill('Saavutettavuustestin sopimus');
    await page.locator('#f-validFrom').fill('2027-01-01');
    await Promise.all([page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/), page.locator('main form button[type=submit]').last().click()]);
    const id = idFrom(new URL(page.url()).pathname, /^\/agreements\/([^/?#]+)/);
    await page.locator('#f-label').fill('Testiversio');
    await submit('form:has(#publish-h) button[type=submit]');
    await page.goto(`${server.url}/agreements/${id}/approval`);
    await submit('form:has(input[name=intent][value=send]) button[type=submit]');
    const decisions = `/agreements/${id}/parties/${countyId}/decisions`;
    for (const step of ['1', '2']) {
      await page.goto(`${server.url}${decisions}`);
      const value = await page.locator('#f-stepId option').nth(Number(step) - 1).getAttribute('value');
      await page.locator('#f-stepId').selectOption(value!);
      await page.locator('#f-meetingDate').fill(`2025-01-1${step}`);
      await submit('form[aria-labelledby=record-h] button[type=submit]');
    }
    await page.goto(`${server.url}${decisions}`);
    const correction = await page.locator('main a[href*="/decisions/"]').first().getAttribute('href');
    await page.close();
    return { correction: correction!, signatures: `/agreements/${id}/parties/${countyId}/signatures` };
  })();
  return approvalFx;
}

/** The correction page with the annulment form sent without a reason. */
async function annulWithoutReason(lang: Lang, c: Contexts) {
  const page = await open(c.countyAdmin, inLang(lang, (await agreementInApproval(c)).correction));
  await Promise.all([page.waitForLoadState('load'), page.locator('form:has(input[name=intent][value=annul]) button[type=submit]').click()]);
  await page.locator('.error-summary').waitFor();
  return page;
}

/**
 * Version 2 of the demo agreement (one section's heading and text changed), published once by the county, so
 * that the version diff has additions and removals to show.
 */
let secondVersion: Promise<void> | undefined;
function demoVersion2(c: Contexts) {
  secondVersion ??= (async () => {
    const page = await c.countyAdmin.newPage();
    await page.goto(`${server.url}/agreements/${agreementId}/sections/${sectionId}`);
    await page.locator('#f-headingFi').fill(`${await page.locator('#f-headingFi').inputValue()} (muutettu)`);
    const body = await page.locator('#f-bodyFi').inputValue();
    await page.locator('#f-bodyFi').fill(`${body.replace(/^\S+/, 'Muutettu')}\n\nLisätty kappale, jossa on **lihavoitu** sana.`);
    await Promise.all([page.waitForLoadState('load'), page.locator('main button[name=intent][value=save]').click()]);
    await page.locator('main .notice[role=status]').waitFor();
    await page.goto(`${server.url}/agreements/${agreementId}`);
    await page.locator('#f-label').fill('Saavutettavuustesti');
    await Promise.all([page.waitForLoadState('load'), page.locator('form:has(#publish-h) button[type=submit]').click()]);
    await page.locator('main .notice[role=status]').waitFor();
    await page.close();
  })();
  return secondVersion;
}

/** The section editor showing the preview of unsaved Markdown (headings, emphasis, a link, a list). */
async function sectionPreview(lang: Lang, c: Contexts) {
  const page = await open(c.countyAdmin, inLang(lang, `/agreements/${agreementId}/sections/${sectionId}`));
  await page.locator('#f-bodyFi').fill('# Väliotsikko\n\nTekstiä, jossa on **lihavointi** ja [linkki](https://www.example.fi/).\n\n1. yksi\n2. kaksi');
  await Promise.all([page.waitForLoadState('load'), page.locator('main button[name=intent][value=preview]').click()]);
  await page.locator('section.preview').waitFor();
  return page;
}

/** The new agreement form sent without a title, a start date or parties. */
async function newAgreementWithErrors(lang: Lang, c: Contexts) {
  const page = await open(c.countyAdmin, inLang(lang, '/regions/HVA19/agreements/new'));
  for (const box of await page.locator('#f-partyIds input[type=checkbox]').all()) await box.uncheck();
  await Promise.all([page.waitForLoadState('load'), page.locator('main form button[type=submit]').last().click()]);
  await page.locator('.error-summary').waitFor();
  return page;
}

/** A page with every disclosure (edit and add forms in <details>) opened, so axe sees the forms. */
async function withFormsOpen(context: BrowserContext, url: string) {
  const page = await open(context, url);
  await page.locator('main details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  return page;
}

/** An owner's progress update whose value is not a number. */
async function measureUpdateWithError(lang: Lang, c: Contexts) {
  const page = await open(c.ouluAdmin, inLang(lang, `/measures/${measureId}`));
  await page.locator('#f-post-update-areaCode').fill('564');
  await page.locator('#f-post-update-date').fill('2026-01-15');
  await page.locator('#f-post-update-value').fill('x');
  await Promise.all([page.waitForLoadState('load'), page.locator('form:has(input[name=intent][value=post-update]) button[type=submit]').click()]);
  await page.locator('.error-summary').waitFor();
  return page;
}

/** The public record of Keski-Suomi's agreement in force (every party's decisions and signatures). */
async function recordInForce(lang: Lang, c: Contexts) {
  const list = await open(c.anon, '/regions/HVA15/agreements');
  const href = await list.locator('main tbody tr', { hasText: 'Voimassa' }).first().locator('th a').getAttribute('href');
  await list.close();
  return open(c.anon, inLang(lang, `${href}/record`));
}

/** The demo's 2023 yhteistyöfoorumi (held, with its attendance), found through the region's obligations page. */
/** A meeting planned through the forum page's form on `date` (the browser server's clock is 23.11.2026). */
async function plannedMeeting(lang: Lang, c: Contexts, date: string) {
  const page = await forumPage(lang, c);
  await page.locator('#f-meeting-titleFi').fill(`Kokous ${date}`);
  await page.locator('#f-meeting-startDate').fill(date);
  await page.locator('#f-meeting-startTime').fill('09:00');
  await page.locator('#f-meeting-endTime').fill('09:30');
  await page.locator('#f-meeting-place').fill('Oulu');
  await Promise.all([page.waitForURL(/\/meetings\//), page.locator('section[aria-labelledby="new-meeting"] button[type=submit]').click()]);
  return page;
}

/** A meeting held on 20.11.2026 with one agenda item: its page shows the attendance form and links the minutes. */
async function heldMeeting(lang: Lang, c: Contexts) {
  const page = await plannedMeeting(lang, c, '2026-11-20');
  const meeting = new URL(page.url()).pathname;
  await page.goto(`${server.url}${meeting}/agenda`);
  await page.locator('#f-add-titleFi').fill('Ajankohtaiset asiat');
  await Promise.all([page.waitForLoadState('load'), page.locator('section[aria-labelledby="add-item"] button[type=submit]').click()]);
  await page.goto(`${server.url}${meeting}`);
  await Promise.all([page.waitForLoadState('load'), page.locator('form:has(input[name=state][value=held]) button[type=submit]').click()]);
  await page.locator('section[aria-labelledby="attendance"] form').waitFor();
  return page;
}

/** The minutes page of a held meeting, every disclosure open. */
async function minutesPage(lang: Lang, c: Contexts) {
  const page = await heldMeeting(lang, c);
  await page.goto(`${page.url().split('?')[0]}/minutes`);
  await page.locator('section[aria-labelledby="attendance-people"] form').waitFor();
  await page.locator('main details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  return page;
}

/** The agenda page of a planned meeting after adding an item with an error and then a good one, disclosures open. */
async function agendaPage(lang: Lang, c: Contexts) {
  const page = await plannedMeeting(lang, c, '2027-03-10');
  await page.goto(`${page.url().split('?')[0]}/agenda`);
  await page.locator('#f-add-titleFi').fill('Vuosiseuranta');
  await Promise.all([page.waitForLoadState('load'), page.locator('section[aria-labelledby="add-item"] button[type=submit]').click()]);
  await page.locator('#f-add-reportYear').fill('x');
  await Promise.all([page.waitForLoadState('load'), page.locator('section[aria-labelledby="add-item"] button[type=submit]').click()]);
  await page.locator('.error-summary').waitFor();
  await page.locator('main details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  return page;
}

/** The demo's 6.11.2023 yhteistyöfoorumi (a public forum): its published agenda and minutes, as anyone sees them. */
async function publishedMeeting(lang: Lang, c: Contexts) {
  const page = await open(c.anon, inLang(lang, '/regions/HVA19/obligations'));
  const link = await page.locator('section[aria-labelledby="meetings"] a[href*="/meetings/"]').first().getAttribute('href');
  await page.goto(`${server.url}${link}`);
  await page.locator('section[aria-labelledby="minutes-attendance"]').waitFor();
  return page;
}

/** The personal calendar feed page right after creating a feed (its URL shown once, the feeds table). */
async function personalFeedCreated(lang: Lang, c: Contexts) {
  const page = await open(c.ouluAdmin, inLang(lang, '/my-calendar'));
  await Promise.all([page.waitForLoadState('load'), page.locator('form:has(input[name=intent][value=create]) button[type=submit]').click()]);
  await page.locator('#f-feed-url').waitFor();
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
  ['forums of a region', (l, c) => open(c.countyAdmin, inLang(l, '/regions/HVA19/forums'))],
  ['forums of a region (public)', (l, c) => open(c.anon, inLang(l, '/regions/HVA19/forums'))],
  ['forum page (its secretary side)', forumPage],
  ['held meeting with its attendance form', heldMeeting],
  ['obligations across Finland (table and map)', (l, c) => open(c.anon, inLang(l, '/obligations'))],
  ['obligations of a region (county editor, forms and lists open)', (l, c) => withFormsOpen(c.countyAdmin, inLang(l, '/regions/HVA19/obligations'))],
  ['obligations of a party', (l, c) => open(c.anon, inLang(l, `/parties/${ouluId}/obligations`))],
  ['catalogue of obligations (platform admin, forms open)', (l, c) => withFormsOpen(c.platformAdmin, inLang(l, '/obligations/catalogue'))],
  ['meeting page (planned, with its forms)', meetingPage],
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
  ['agreement follow-up report', (l, c) => open(c.anon, inLang(l, `/agreements/${agreementId}/report`))],
  ['agreement follow-up report with a bad year', (l, c) => open(c.anon, inLang(l, `/agreements/${agreementId}/report?year=1800`), 400)],
  ['measure (owner party)', (l, c) => open(c.ouluAdmin, inLang(l, `/measures/${measureId}`))],
  ['measure update with an error', measureUpdateWithError],
  ['agreement goals (coordinating editor, forms open)', (l, c) => withFormsOpen(c.countyAdmin, inLang(l, `/agreements/${agreementId}/goals`))],
  ['goal (coordinating editor, forms open)', (l, c) => withFormsOpen(c.countyAdmin, inLang(l, `/goals/${goalId}`))],
  ['measure (coordinating editor, forms open)', (l, c) => withFormsOpen(c.countyAdmin, inLang(l, `/measures/${measureId}`))],
  ['new agreement with errors', newAgreementWithErrors],
  ['agreement section preview', sectionPreview],
  [
    'agreement version diff',
    async (l, c) => {
      await demoVersion2(c);
      return open(c.countyAdmin, inLang(l, `/agreements/${agreementId}/diff?from=1&to=2`));
    },
  ],
  ['public record of an agreement in force', recordInForce],
  ['decision record correction form', async (l, c) => open(c.countyAdmin, inLang(l, (await agreementInApproval(c)).correction))],
  ['decision record correction with an error', annulWithoutReason],
  ['party signatures with the scan upload form', async (l, c) => open(c.countyAdmin, inLang(l, (await agreementInApproval(c)).signatures))],
  ['region calendar (public)', (l, c) => open(c.anon, inLang(l, '/regions/HVA19/calendar'))],
  ['region calendar of a year with a notice (county admin)', (l, c) => open(c.countyAdmin, inLang(l, '/regions/HVA19/calendar?when=2023&kind=nope'))],
  ['personal calendar feed page (created)', personalFeedCreated],
  ['agenda page (secretary, an error, forms open)', agendaPage],
  ['minutes page (secretary, forms open)', minutesPage],
  ['meeting with published agenda and minutes (public)', publishedMeeting],
  ['open action items of a region (public)', (l, c) => open(c.anon, inLang(l, '/regions/HVA19/actions?all=1'))],
  ['action items of a region (county admin, forms open)', (l, c) => withFormsOpen(c.countyAdmin, inLang(l, '/regions/HVA19/actions'))],
  ['action items of a party', (l, c) => open(c.anon, inLang(l, `/parties/${ouluId}/actions?all=1`))],
];


async function setUp() {
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
}

async function run(openPage: Case[1], lang: Lang, c: Contexts) {
  const page = await openPage(lang, c);
  try {
    await checkPage(page, lang, c);
  } finally {
    await page.close();
  }
}

/** Declares the suites of one test file: every page in the given languages at desktop width, and optionally at 320 px (fi). */
/**
 * The pages of one half (`part` 0 or 1: every other case, so that the two files take about as long), each checked
 * three times: in Finnish at 320 CSS px (WCAG 1.4.10 reflow; Finnish has the longest words), and in Swedish and in
 * English at 1280 px. The server renders the same DOM at every width, so each language's markup is checked once and
 * the width-dependent rules (reflow, contrast of what is shown, target sizes, scrolling regions) at both widths.
 */
export function accessibilitySuites(opts: { part: 0 | 1 }) {
  beforeAll(setUp);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const mine = cases.filter((_, i) => i % 2 === opts.part);
  describe('accessibility at 320 px wide (fi)', () => {
    test.each(mine)('%s', (_name, openPage) => run(openPage, 'fi', narrow));
  });
  for (const lang of ['sv', 'en'] as const) {
    describe(`accessibility (${lang})`, () => {
      test.each(mine)('%s', (_name, openPage) => run(openPage, lang, desktop));
    });
  }
}
