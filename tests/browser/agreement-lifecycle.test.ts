import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, DEMO_PASSWORD, launchBrowser, SERVER_TODAY, signedInContext, startServer, type TestServer } from './support.ts';

/**
 * The whole life of an agreement, through the pages only, by the people of three parties — the county
 * (coordinator), Oulu and Kempele — on a fresh server:
 *
 * county editor drafts (new agreement, a section written with preview, a version published, a comment
 * round opened) → Oulu's editor, with JavaScript off, comments and files Oulu's official statement →
 * the county answers and closes the round → sends the version to approval → each party's decision
 * recorder records its bodies' decisions and signs (Kempele's by keyboard only) → the agreement is in
 * force, and anyone without a session sees it with its decisions and signatures on the public record.
 *
 * Each step asserts what its user sees (notices, status words, the coordinator's matrix cells), and the
 * pages with forms that only exist in these states are checked with axe on the way.
 */

const COUNTY = 'Pohjois-Pohjanmaan hyvinvointialue';
const OULU = 'Oulu';
const KEMPELE = 'Kempele';
const users = {
  countyEditor: 'hva.muokkaaja@demo.kumppanuus.fi',
  countyRecorder: 'hva.kirjaaja@demo.kumppanuus.fi',
  ouluEditor: 'oulu.muokkaaja@demo.kumppanuus.fi',
  ouluAdmin: 'oulu.paakayttaja@demo.kumppanuus.fi',
  kempeleRecorder: 'kempele.kirjaaja@demo.kumppanuus.fi',
} as const;

// Dates as the server sees them (its clock starts at SERVER_CLOCK_START), and as the Finnish pages print them.
const TODAY = SERVER_TODAY;
const YESTERDAY = addDays(TODAY, -1);
const DEADLINE = addDays(TODAY, 14);
const UNTIL = `${Number(TODAY.slice(0, 4)) + 4}-12-31`;
const fi = (iso: string) => new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', year: 'numeric' }).format(new Date(`${iso}T12:00:00Z`));

const TITLE = `Oulun seudun hyvinvoinnin yhteistyösopimus (selaintesti ${Date.now().toString(36)})`;
const SECTION = 'Yhteistyön periaatteet';
const SECTION_TEXT = 'Osapuolet sopivat **yhteisistä** tavoitteista.\n\n- Tieto kulkee avoimesti\n- Päätökset valmistellaan yhdessä';
const VERSION_LABEL = `Kuntajohtajafoorumi ${fi(TODAY)}`;
const COMMENT = 'Oulu esittää, että yhteisen valmistelun periaatteeseen lisätään kuntien asukasraadit.';
const STATEMENT = 'Oulun kaupunki puoltaa sopimuksen hyväksymistä esitetyin tarkennuksin.';

/** A missing element fails its step quickly, with the line, instead of waiting for the test timeout. */
const ACTION_TIMEOUT = 15_000;

let server: TestServer;
let browser: Browser;
let agreementId: string;
/** Set by the first failing step: the later steps build on it and are skipped. */
let failedStep: string | undefined;

function step(name: string, fn: () => Promise<void>) {
  test(name, async (ctx) => {
    if (failedStep) ctx.skip(`skipped: the step "${failedStep}" failed`);
    ctx.onTestFailed(() => {
      failedStep = name;
    });
    await fn();
  });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// ───────────────────────────── helpers ─────────────────────────────

const contexts = new Map<string, BrowserContext>();
/** One cookie jar per person, signed in through the real form (JavaScript off where asked). */
async function as(email: string, opts: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  let c = contexts.get(email);
  if (!c) {
    c = await signedInContext(browser, server.url, email, opts);
    c.setDefaultTimeout(ACTION_TIMEOUT);
    contexts.set(email, c);
  }
  const page = await c.newPage();
  // Buttons that ask "are you sure?" (enhance.js) are answered yes.
  page.on('dialog', (d) => void d.accept());
  return page;
}

const main = (page: Page) => page.getByRole('main');

async function go(page: Page, path: string) {
  const res = await page.goto(`${server.url}${path}`);
  expect(res?.status(), path).toBe(200);
}

/** A full page load after clicking a link or a submit button (pages are not hydrated). */
async function clickAndLoad(page: Page, target: Locator) {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

async function notice(page: Page): Promise<string> {
  return ((await main(page).getByRole('status').textContent()) ?? '').trim();
}

/** The coordinator's matrix: a party's row as the texts of its cells (comments, statement, steps…, signed). */
async function matrixRow(page: Page, party: string): Promise<string[]> {
  const table = main(page).getByRole('table', { name: /^Osapuolten käsittelyt/ });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: party, exact: true }) });
  return (await row.getByRole('cell').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
}

/** axe (WCAG 2.1 A/AA) on the page as it is now. axe runs inside the page: only where JavaScript is on. */
async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

// Keyboard only: what has focus, and moving it with Tab / Shift+Tab.
interface Focused {
  tag: string;
  id: string;
  type: string;
  text: string;
  href: string | null;
  className: string;
  checked: boolean;
  outline: string;
  outlineWidth: string;
}

const focused = (page: Page): Promise<Focused | null> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      type: el.getAttribute('type') ?? '',
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: el.getAttribute('href'),
      className: el.className,
      checked: (el as HTMLInputElement).checked === true,
      outline: cs.outlineStyle,
      outlineWidth: cs.outlineWidth,
    };
  });

async function moveFocus(page: Page, key: 'Tab' | 'Shift+Tab', want: (f: Focused) => boolean, max: number): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    expect(f, 'something has focus').not.toBeNull();
    if (['a', 'button', 'input', 'select', 'textarea'].includes(f!.tag)) {
      expect(f!.outline, `focus outline of <${f!.tag}> ${f!.id || f!.text}`).not.toBe('none');
      expect(parseFloat(f!.outlineWidth), `focus outline width of <${f!.tag}> ${f!.id || f!.text}`).toBeGreaterThanOrEqual(2);
    }
    if (want(f!)) return f!;
  }
  throw new Error(`${key} never reached the element on ${page.url()}`);
}
const tabTo = (page: Page, want: (f: Focused) => boolean, max = 200) => moveFocus(page, 'Tab', want, max);
const shiftTabTo = (page: Page, want: (f: Focused) => boolean, max = 20) => moveFocus(page, 'Shift+Tab', want, max);
const byId = (id: string) => (f: Focused) => f.id === id;
const link = (text: string) => (f: Focused) => f.tag === 'a' && f.text === text;
const button = (text: string) => (f: Focused) => f.tag === 'button' && f.text === text;

async function pressAndLoad(page: Page, key: string) {
  await Promise.all([page.waitForEvent('load'), page.keyboard.press(key)]);
}

/**
 * The order in which this Chromium's date fields take day, month and year when typed (it follows the
 * browser's own locale), found once on a scratch page so the keyboard user can type dates like a person.
 */
let dateOrder: ('d' | 'm' | 'y')[] | undefined;
async function typeDate(page: Page, iso: string) {
  if (!dateOrder) {
    const scratch = await page.context().newPage();
    await scratch.setContent('<input type="date" id="d">');
    await scratch.focus('#d');
    await scratch.keyboard.type('01022003');
    const v = await scratch.inputValue('#d');
    await scratch.close();
    dateOrder = v === '2003-01-02' ? ['m', 'd', 'y'] : v === '2003-02-01' ? ['d', 'm', 'y'] : ['y', 'm', 'd'];
  }
  const [y, m, d] = iso.split('-') as [string, string, string];
  await page.keyboard.type(dateOrder.map((k) => ({ d, m, y })[k]).join(''));
}

// ───────────────────────────── the life of one agreement ─────────────────────────────

describe('an agreement from draft to in force, by three parties', () => {
  step('the county editor starts a new agreement with three parties', async () => {
    const page = await as(users.countyEditor);
    await go(page, '/regions/HVA19/agreements');
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Aloita uusi sopimus' }));
    expect(await page.locator('h1').textContent()).toBe('Uusi yhteistyösopimus');

    await main(page).getByLabel('Sopimuksen nimi suomeksi').fill(TITLE);
    await main(page).getByLabel('Alkamispäivä').fill(TODAY);
    await main(page).getByLabel('Päättymispäivä').fill(UNTIL);
    expect(await main(page).getByLabel('Koordinoiva osapuoli').locator('option:checked').textContent()).toBe(COUNTY);
    // Every party of the region is ticked at first; keep three.
    const parties = main(page).getByRole('group', { name: /^Sopimusosapuolet/ });
    const keep = [`${COUNTY} – Hyvinvointialue`, `${OULU} – Kunta`, `${KEMPELE} – Kunta`];
    const boxes = await parties.getByRole('checkbox').all();
    expect(boxes.length).toBeGreaterThan(30);
    for (const box of boxes) {
      const label = await page.locator(`label[for="${await box.getAttribute('id')}"]`).textContent();
      if (keep.includes(label!)) await box.check();
      else await box.uncheck();
    }
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Luo luonnos' }));

    const url = new URL(page.url());
    agreementId = /^\/agreements\/([^/]+)$/.exec(url.pathname)?.[1] ?? '';
    expect(agreementId, url.pathname).not.toBe('');
    expect(await page.locator('h1').textContent()).toBe(TITLE);
    const facts = main(page).getByRole('region', { name: 'Perustiedot' });
    expect(await facts.getByRole('definition').first().textContent()).toBe('Valmistelussa');
    const partiesTable = main(page).getByRole('table', { name: 'Sopimusosapuolet (3)' });
    expect(await partiesTable.getByRole('rowheader').allTextContents()).toEqual(expect.arrayContaining([`${COUNTY} (koordinoiva osapuoli)`, OULU, KEMPELE]));
    expect(await main(page).getByText('Versioita ei ole vielä julkaistu.').count()).toBe(1);
    await page.close();
  });

  step('the county editor writes a section, previews it, saves it and publishes version 1', async () => {
    const page = await as(users.countyEditor);
    await go(page, `/agreements/${agreementId}`);
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Osiot ja tekstit' }));
    await clickAndLoad(page, main(page).getByRole('link', { name: SECTION, exact: true }));
    expect(await page.locator('h1').textContent()).toBe(`Muokkaa osiota: ${SECTION}`);

    const body = main(page).getByLabel('Teksti suomeksi');
    await body.fill(SECTION_TEXT);
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Esikatsele' }));
    const preview = main(page).getByRole('region', { name: 'Esikatselu' });
    expect(await preview.getByText('Esikatselu – tekstiä ei ole vielä tallennettu.').count()).toBe(1);
    const finnish = preview.locator('[lang="fi"]');
    expect(await finnish.getByRole('heading', { level: 3 }).textContent()).toBe(SECTION);
    expect(await finnish.locator('strong', { hasText: 'yhteisistä' }).count()).toBe(1);
    expect(await finnish.getByRole('listitem').allTextContents()).toEqual(['Tieto kulkee avoimesti', 'Päätökset valmistellaan yhdessä']);
    // The preview keeps the text in the form; nothing is saved yet.
    expect(await main(page).getByLabel('Teksti suomeksi').inputValue()).toBe(SECTION_TEXT);
    expect(await main(page).getByRole('status').count()).toBe(0);

    await clickAndLoad(page, main(page).getByRole('button', { name: 'Tallenna', exact: true }));
    expect(await notice(page)).toBe('Osio tallennettu.');

    await clickAndLoad(page, page.getByRole('navigation', { name: 'Murupolku' }).getByRole('link', { name: TITLE }));
    expect(await main(page).getByText('Näet valmisteltavan luonnoksen.', { exact: false }).count()).toBe(1);
    expect(await main(page).locator('strong', { hasText: 'yhteisistä' }).count()).toBe(1);

    await main(page).getByLabel('Käsittelyvaihe').fill(VERSION_LABEL);
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Julkaise versio' }));
    expect(await notice(page)).toBe('Versio 1 julkaistu.');
    const versions = main(page).getByRole('table', { name: 'Julkaistut versiot' });
    const row = versions.getByRole('row').nth(1);
    expect(await row.getByRole('rowheader').textContent()).toBe('1');
    expect(await row.getByRole('cell').first().textContent()).toBe(VERSION_LABEL);
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Vain osapuolille');
    await page.close();
  });

  step('the county editor opens a comment round on version 1 with a deadline', async () => {
    const page = await as(users.countyEditor);
    await go(page, `/agreements/${agreementId}`);
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Lausuntokierroksen sivu' }));
    expect(await main(page).getByText('Lausuntokierrosta ei ole vielä avattu.').count()).toBe(1);
    expect(await main(page).getByLabel('Lausuttava versio').locator('option:checked').textContent()).toBe(`1: ${VERSION_LABEL}`);
    await main(page).getByLabel('Määräaika').fill(DEADLINE);
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Avaa lausuntokierros' }));
    expect(await notice(page)).toBe('Lausuntokierros avattu. Lausuttava versio on nyt julkinen.');
    expect(await main(page).getByText(`Kommentit ${fi(DEADLINE)} mennessä (Suomen aikaa).`).count()).toBe(1);
    await page.close();
  });

  step("Oulu's editor, with JavaScript off, comments on the section and files Oulu's statement", async () => {
    const page = await as(users.ouluEditor, { javaScriptEnabled: false });
    await go(page, `/agreements/${agreementId}`);
    expect(await main(page).getByRole('region', { name: 'Perustiedot' }).getByRole('definition').first().textContent()).toBe('Lausuntokierroksella');
    expect(await main(page).getByText(`Versio 1 on lausuttavana. Kommentit ${fi(DEADLINE)} mennessä.`).count()).toBe(1);
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Lausuntokierroksen sivu' }));

    // A comment on one section, for Oulu (the only party this editor acts for).
    const form = main(page).getByRole('form', { name: 'Jätä kommentti tai lausunto' });
    expect(await form.getByLabel('Kenen puolesta').locator('option').allTextContents()).toEqual([OULU]);
    expect(await form.getByRole('radio', { name: 'Kommentti', exact: true }).isChecked()).toBe(true);
    const target = form.getByLabel('Kohde');
    const option = (await target.locator('option').allTextContents()).find((o) => o.endsWith(`. ${SECTION}`));
    await target.selectOption({ label: option! });
    await form.getByRole('textbox', { name: /^Kommentti/ }).fill(COMMENT);
    await clickAndLoad(page, form.getByRole('button', { name: 'Lähetä', exact: true }));
    expect(await notice(page)).toBe('Kommentti tallennettu. Kaikki osapuolet näkevät sen.');
    const comment = main(page).getByRole('article', { name: `Kommentti – ${SECTION}` });
    expect(await comment.getByRole('paragraph').filter({ hasText: COMMENT }).count()).toBe(1);
    expect(await comment.getByText('Ei vielä vastattu').count()).toBe(1);
    expect(await comment.textContent()).toContain('Oulu, Oulun valmistelija');

    // The official statement: first sent empty by mistake — the error summary names the field and the choice is kept.
    const again = main(page).getByRole('form', { name: 'Jätä kommentti tai lausunto' });
    await again.getByRole('radio', { name: 'Virallinen lausunto' }).check();
    await clickAndLoad(page, again.getByRole('button', { name: 'Lähetä', exact: true }));
    const summary = main(page).getByRole('alert');
    expect(await summary.getByRole('heading').textContent()).toBe('Lomakkeessa on virheitä');
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#f-body');
    expect(await summary.getByRole('link').textContent()).toMatch(/^Kommentti: /);
    const retry = main(page).getByRole('form', { name: 'Jätä kommentti tai lausunto' });
    expect(await retry.getByRole('radio', { name: 'Virallinen lausunto' }).isChecked()).toBe(true);
    expect(await retry.getByRole('textbox', { name: /^Kommentti/ }).getAttribute('aria-invalid')).toBe('true');
    await retry.getByRole('textbox', { name: /^Kommentti/ }).fill(STATEMENT);
    await clickAndLoad(page, retry.getByRole('button', { name: 'Lähetä', exact: true }));
    expect(await notice(page)).toBe('Kommentti tallennettu. Kaikki osapuolet näkevät sen.');
    const statement = main(page).getByRole('article', { name: 'Virallinen lausunto – Koko sopimus' });
    expect(await statement.getByRole('paragraph').filter({ hasText: STATEMENT }).count()).toBe(1);
    // Until the deadline Oulu may withdraw or replace its statement.
    expect(await statement.getByRole('button', { name: 'Peru' }).count()).toBe(1);
    expect(await statement.getByText('Korvaa lausunto', { exact: true }).count()).toBeGreaterThan(0);
    expect(await main(page).getByRole('heading', { name: 'Kommentit ja lausunnot (2)' }).count()).toBe(1);
    await page.close();
  });

  step("the coordinator's overview shows Oulu's comment and statement", async () => {
    const page = await as(users.countyEditor);
    await go(page, `/agreements/${agreementId}/approval`);
    expect(await main(page).getByRole('region', { name: 'Hyväksyntä ja allekirjoitukset' }).textContent()).toContain('Lausuntokierroksella.');
    const oulu = await matrixRow(page, OULU);
    expect(oulu[0]).toBe(`1 kpl, viimeisin ${fi(TODAY)}`);
    expect(oulu[1]).toBe(`Jätetty ${fi(TODAY)} (versio 1)`);
    const kempele = await matrixRow(page, KEMPELE);
    expect(kempele.slice(0, 2)).toEqual(['Ei kommentteja', 'Ei lausuntoa']);
    expect(kempele.at(-1)).toBe('Ei allekirjoitettu');
    await page.close();
  });

  step('the county editor answers both, then closes the comment round', async () => {
    const page = await as(users.countyEditor);
    await go(page, `/agreements/${agreementId}/comments`);
    // The page with an open round, comments and their answer forms (axe cannot run where JavaScript is off).
    for (const d of await main(page).locator('details').all()) await d.locator('summary').click();
    await expectNoAxeViolations(page);
    await page.reload();
    const answer = async (article: string, choice: string, reasoning: string) => {
      const a = main(page).getByRole('article', { name: article });
      await a.locator('summary', { hasText: 'Tallenna vastaus' }).click();
      await a.getByRole('radio', { name: choice, exact: true }).check();
      await a.getByLabel('Perustelu').fill(reasoning);
      await clickAndLoad(page, a.getByRole('button', { name: 'Tallenna vastaus' }));
      expect(await notice(page)).toBe('Vastaus tallennettu.');
      // The answer under the comment, as everyone sees it.
      const shown = main(page).getByRole('article', { name: article }).getByRole('paragraph').filter({ hasText: `${choice}. ${reasoning}` });
      expect(await shown.count()).toBe(1);
    };
    await answer(`Kommentti – ${SECTION}`, 'Osittain hyväksytty', 'Asukasraadit mainitaan toimintamalleissa.');
    await answer('Virallinen lausunto – Koko sopimus', 'Hyväksytty', 'Tarkennukset on tehty.');

    const dialog = page.waitForEvent('dialog');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Päätä kierros ja palaa valmisteluun' }));
    expect((await dialog).message()).toBe('Päätetäänkö lausuntokierros?');
    expect(await notice(page)).toBe('Lausuntokierros päätetty.');
    expect(await main(page).getByText('Lausuntokierros on päättynyt.').count()).toBe(1);
    await go(page, `/agreements/${agreementId}`);
    expect(await main(page).getByRole('region', { name: 'Perustiedot' }).getByRole('definition').first().textContent()).toBe('Valmistelussa');
    expect(await main(page).getByText('Version 1 lausuntokierros on päättynyt.').count()).toBe(1);
    await page.close();
  });

  step('the county editor sends version 1 to approval; every party has its default chain', async () => {
    const page = await as(users.countyEditor);
    await go(page, `/agreements/${agreementId}/approval`);
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Lähetä hyväksyttäväksi' }));
    expect(await notice(page)).toBe('Sopimus lähetettiin hyväksyttäväksi.');
    const state = main(page).getByRole('region', { name: 'Hyväksyntä ja allekirjoitukset' });
    expect(await state.textContent()).toContain(`Hyväksyttävänä. Versio 1 (${VERSION_LABEL}) on osapuolten hyväksyttävänä.`);
    expect(await state.textContent()).toContain('Lopullisesti hyväksynyt 0/3 osapuolta, allekirjoittanut 0/3.');
    expect((await matrixRow(page, COUNTY)).slice(2)).toEqual([
      'Aluehallitus (esittää): Ei vielä käsitelty',
      'Aluevaltuusto (hyväksyy, lopullinen hyväksyntä): Ei vielä käsitelty',
      'Ei allekirjoitettu',
    ]);
    expect((await matrixRow(page, OULU)).slice(2)).toEqual([
      'Kaupunginhallitus (esittää): Ei vielä käsitelty',
      'Kaupunginvaltuusto (hyväksyy, lopullinen hyväksyntä): Ei vielä käsitelty',
      'Ei allekirjoitettu',
    ]);
    expect((await matrixRow(page, KEMPELE)).slice(2)).toEqual([
      'Kunnanhallitus (esittää): Ei vielä käsitelty',
      'Kunnanvaltuusto (hyväksyy, lopullinen hyväksyntä): Ei vielä käsitelty',
      'Ei allekirjoitettu',
    ]);
    await expectNoAxeViolations(page);
    // The draft is locked while in approval.
    await go(page, `/agreements/${agreementId}`);
    expect(await main(page).getByText('Sopimus on lähtenyt hyväksyttäväksi; luonnosta ei voi enää muuttaa.').count()).toBe(1);
    await page.close();
  });

  /** Records one decision through the form of the party's decisions page (mouse user). */
  async function recordDecision(page: Page, expectStep: string, d: { date: string; section: string; diary: string; minutesUrl?: string }) {
    const form = main(page).getByRole('form', { name: 'Kirjaa käsittely' });
    expect(await form.getByLabel('Toimielin ja tehtävä').locator('option:checked').textContent()).toBe(expectStep);
    expect(await form.getByLabel('Sopimusversio').locator('option:checked').textContent()).toBe(`1: ${VERSION_LABEL} (hyväksyttävä)`);
    await form.getByLabel('Kokouspäivä').fill(d.date);
    await form.getByLabel('Pykälä (§)').fill(d.section);
    await form.getByLabel('Diaarinumero').fill(d.diary);
    if (d.minutesUrl) await form.getByLabel('Julkaistun pöytäkirjan osoite').fill(d.minutesUrl);
    expect(await form.getByRole('radio', { name: 'Hyväksytty', exact: true }).isChecked()).toBe(true);
    await clickAndLoad(page, form.getByRole('button', { name: 'Kirjaa käsittely' }));
    expect(await notice(page)).toBe('Käsittely kirjattu.');
  }

  step("the county's decision recorder records the board's and the council's decisions and signs", async () => {
    const page = await as(users.countyRecorder);
    await go(page, `/agreements/${agreementId}/approval`);
    await clickAndLoad(page, main(page).getByRole('rowheader', { name: COUNTY }).getByRole('link'));
    expect(await page.locator('h1').textContent()).toBe(`Päätökset: ${COUNTY}`);
    expect(await page.getByRole('navigation', { name: 'Murupolku' }).getByRole('link', { name: 'Hyväksynnän tilanne' }).count()).toBe(1);
    // The draft decision texts for the agendas are ready.
    expect(await main(page).getByRole('heading', { name: 'Päätösehdotus: Aluehallitus' }).count()).toBe(1);
    await expectNoAxeViolations(page);

    await recordDecision(page, '1. Aluehallitus – esittää', { date: YESTERDAY, section: '12', diary: '1234/00.04.01/2026' });
    await recordDecision(page, '2. Aluevaltuusto – hyväksyy', { date: TODAY, section: '34', diary: '1234/00.04.01/2026' });
    const chain = main(page).getByRole('region', { name: 'Ketju' });
    expect(await chain.getByRole('listitem').allTextContents()).toEqual([
      `Aluehallitus (esittää): Hyväksytty ${fi(YESTERDAY)} § 12`,
      `Aluevaltuusto (hyväksyy, lopullinen hyväksyntä): Hyväksytty ${fi(TODAY)} § 34`,
    ]);

    await clickAndLoad(page, page.getByRole('navigation', { name: 'Osapuolen hyväksyntä' }).getByRole('link', { name: 'Allekirjoitukset' }));
    expect(await main(page).getByText(`Lopullinen hyväksyntä: Aluevaltuusto ${fi(TODAY)}.`).count()).toBe(1);
    await expectNoAxeViolations(page);
    const form = main(page).getByRole('form', { name: 'Allekirjoita tai kirjaa allekirjoitus' });
    expect(await form.getByRole('radio', { name: 'Allekirjoitettu palvelussa' }).isChecked()).toBe(true);
    await form.getByLabel('Paikka').fill('Oulu');
    await clickAndLoad(page, form.getByRole('button', { name: 'Allekirjoita / kirjaa allekirjoitus' }));
    expect(await notice(page)).toBe('Allekirjoitus kirjattu.');
    const sigs = main(page).getByRole('table', { name: 'Allekirjoitukset' });
    expect(await sigs.getByRole('rowheader').allTextContents()).toEqual(['Hyvinvointialueen päätösten kirjaaja, Hallintosihteeri']);
    expect(await main(page).getByText('Osapuolen kaikki vaaditut allekirjoitukset on kirjattu.').count()).toBe(1);
    await page.close();
  });

  step("the coordinator's overview shows the county done and the others pending", async () => {
    const page = await as(users.countyEditor);
    await go(page, `/agreements/${agreementId}/approval`);
    expect((await matrixRow(page, COUNTY)).slice(2)).toEqual([
      `Aluehallitus (esittää): Hyväksytty ${fi(YESTERDAY)} § 12`,
      `Aluevaltuusto (hyväksyy, lopullinen hyväksyntä): Hyväksytty ${fi(TODAY)} § 34`,
      `Allekirjoitettu ${fi(TODAY)} (1 allekirjoitus)`,
    ]);
    expect((await matrixRow(page, OULU)).at(-1)).toBe('Ei allekirjoitettu');
    expect(await main(page).getByText('Lopullisesti hyväksynyt 1/3 osapuolta, allekirjoittanut 1/3.').count()).toBe(1);
    // Only the parties still pending.
    await main(page).getByRole('radio', { name: 'Vain kesken olevat (ei vielä allekirjoittanut)' }).check();
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Näytä', exact: true }));
    expect(await main(page).getByRole('table', { name: 'Osapuolten käsittelyt: 2/3 osapuolta näkyvissä' }).getByRole('rowheader').allTextContents()).toEqual(
      expect.arrayContaining([OULU, KEMPELE]),
    );
    await page.close();
  });

  step("Oulu's administrator records the city board's and council's decisions and a wet-ink signature", async () => {
    const page = await as(users.ouluAdmin);
    await go(page, `/agreements/${agreementId}/approval`);
    await clickAndLoad(page, main(page).getByRole('rowheader', { name: OULU, exact: true }).getByRole('link'));
    expect(await page.locator('h1').textContent()).toBe(`Päätökset: ${OULU}`);
    await recordDecision(page, '1. Kaupunginhallitus – esittää', { date: YESTERDAY, section: '5', diary: 'OUKA/1/00.04.01/2026' });
    await recordDecision(page, '2. Kaupunginvaltuusto – hyväksyy', { date: TODAY, section: '7', diary: 'OUKA/1/00.04.01/2026', minutesUrl: 'https://www.ouka.fi/poytakirjat/kv-7' });
    expect(await main(page).getByRole('table', { name: 'Kirjatut käsittelyt' }).getByRole('link', { name: `Pöytäkirja: Kaupunginvaltuusto ${fi(TODAY)}` }).count()).toBe(1);

    await clickAndLoad(page, page.getByRole('navigation', { name: 'Osapuolen hyväksyntä' }).getByRole('link', { name: 'Allekirjoitukset' }));
    const form = main(page).getByRole('form', { name: 'Allekirjoita tai kirjaa allekirjoitus' });
    await form.getByRole('radio', { name: 'Paperinen allekirjoitus' }).check();
    await form.getByLabel('Allekirjoittajan nimi').fill('Seppo Testinen');
    await form.getByLabel('Allekirjoittajan asema').fill('kaupunginjohtaja');
    await form.getByLabel('Allekirjoituspäivä').fill(TODAY);
    await form.getByLabel('Paikka').fill('Oulu');
    await form.getByLabel('Viite', { exact: true }).fill('OUKA/arkisto/2026/17');
    await clickAndLoad(page, form.getByRole('button', { name: 'Allekirjoita / kirjaa allekirjoitus' }));
    expect(await notice(page)).toBe('Allekirjoitus kirjattu.');
    const row = main(page).getByRole('table', { name: 'Allekirjoitukset' }).getByRole('row').nth(1);
    expect(await row.getByRole('rowheader').textContent()).toBe('Seppo Testinen, kaupunginjohtaja');
    expect((await row.getByRole('cell').allTextContents()).slice(0, 4)).toEqual([fi(TODAY), 'Oulu', 'Paperinen allekirjoitus', 'OUKA/arkisto/2026/17']);
    await page.close();
  });

  step("Kempele's decision recorder does all of Kempele's part by keyboard only", async () => {
    // Not signed in yet: the keyboard user signs in from the agreement page, whose public version is readable.
    const context = await browser.newContext();
    context.setDefaultTimeout(ACTION_TIMEOUT);
    const page = await context.newPage();
    await go(page, `/agreements/${agreementId}`);
    await tabTo(page, link('Kirjaudu sisään'));
    await pressAndLoad(page, 'Enter');
    await tabTo(page, byId('f-email'));
    await page.keyboard.type(users.kempeleRecorder);
    await tabTo(page, byId('f-password'), 1);
    await page.keyboard.type(DEMO_PASSWORD);
    await pressAndLoad(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe(`/agreements/${agreementId}`);
    expect(await page.locator('header').textContent()).toContain('Kempeleen päätösten kirjaaja');

    await tabTo(page, link('Hyväksynnän tilanne osapuolittain'));
    await pressAndLoad(page, 'Enter');
    await tabTo(page, link(KEMPELE));
    await pressAndLoad(page, 'Enter');
    expect(await page.locator('h1').textContent()).toBe(`Päätökset: ${KEMPELE}`);

    // The board's proposal, sent first without the meeting date by mistake.
    let f = await tabTo(page, byId('f-stepId'));
    expect(await page.locator('#f-stepId option:checked').textContent()).toBe('1. Kunnanhallitus – esittää');
    f = await tabTo(page, byId('f-versionNumber'), 1);
    f = await tabTo(page, byId('f-meetingDate'), 1);
    f = await tabTo(page, byId('f-section'), 4);
    await page.keyboard.type('45');
    f = await tabTo(page, byId('f-diaryNumber'), 1);
    await page.keyboard.type('KEMP/88/00.04.01/2026');
    await pressAndLoad(page, 'Enter');
    // Focus lands on the error summary; its link takes focus to the field, and what was typed is kept.
    f = (await focused(page))!;
    expect(f.className).toBe('error-summary');
    expect(f.text).toContain('Kokouspäivä');
    f = await tabTo(page, (x) => x.tag === 'a', 1);
    expect(f.href).toBe('#f-meetingDate');
    await page.keyboard.press('Enter');
    expect((await focused(page))?.id).toBe('f-meetingDate');
    expect(await page.locator('#f-section').inputValue()).toBe('45');
    expect(await page.locator('#f-diaryNumber').inputValue()).toBe('KEMP/88/00.04.01/2026');
    await typeDate(page, YESTERDAY);
    expect(await page.locator('#f-meetingDate').inputValue()).toBe(YESTERDAY);
    await tabTo(page, button('Kirjaa käsittely'));
    await pressAndLoad(page, 'Enter');
    expect(await notice(page)).toBe('Käsittely kirjattu.');

    // The council's final approval: the form now offers the next step by itself.
    await tabTo(page, byId('f-stepId'));
    expect(await page.locator('#f-stepId option:checked').textContent()).toBe('2. Kunnanvaltuusto – hyväksyy');
    await tabTo(page, byId('f-meetingDate'), 4);
    await typeDate(page, TODAY);
    await tabTo(page, byId('f-section'), 4);
    await page.keyboard.type('46');
    // Back with Shift+Tab to check the date before going on.
    await shiftTabTo(page, byId('f-meetingDate'), 4);
    expect(await page.locator('#f-meetingDate').inputValue()).toBe(TODAY);
    // The outcome radio group is one Tab stop, on the checked choice.
    f = await tabTo(page, (x) => x.type === 'radio');
    expect(f.checked).toBe(true);
    expect(await page.locator(`label[for="${f.id}"]`).textContent()).toBe('Hyväksytty');
    await tabTo(page, button('Kirjaa käsittely'));
    await pressAndLoad(page, 'Space');
    expect(await notice(page)).toBe('Käsittely kirjattu.');
    expect(await main(page).getByRole('region', { name: 'Ketju' }).getByRole('listitem').allTextContents()).toEqual([
      `Kunnanhallitus (esittää): Hyväksytty ${fi(YESTERDAY)} § 45`,
      `Kunnanvaltuusto (hyväksyy, lopullinen hyväksyntä): Hyväksytty ${fi(TODAY)} § 46`,
    ]);

    // The signature, in the product.
    await tabTo(page, link('Allekirjoitukset'));
    await pressAndLoad(page, 'Enter');
    expect(await page.locator('h1').textContent()).toBe(`Allekirjoitukset: ${KEMPELE}`);
    f = await tabTo(page, (x) => x.type === 'radio');
    expect(await page.locator(`label[for="${f.id}"]`).textContent()).toBe('Allekirjoitettu palvelussa');
    await tabTo(page, byId('f-place'));
    await page.keyboard.type('Kempele');
    await tabTo(page, button('Allekirjoita / kirjaa allekirjoitus'));
    await pressAndLoad(page, 'Space');
    expect(await notice(page)).toBe('Allekirjoitus kirjattu.');
    expect(await main(page).getByRole('table', { name: 'Allekirjoitukset' }).getByRole('rowheader').allTextContents()).toEqual(['Kempeleen päätösten kirjaaja, Hallintojohtaja']);

    // Back to the overview through the breadcrumb: the last signature put the agreement in force.
    await tabTo(page, link('Hyväksynnän tilanne'));
    await pressAndLoad(page, 'Enter');
    expect(await main(page).getByRole('region', { name: 'Hyväksyntä ja allekirjoitukset' }).textContent()).toContain(`Voimassa. Sopimus on voimassa ${fi(TODAY)} alkaen.`);
    await context.close();
  });

  step("the coordinator's overview shows every party approved and signed, and the agreement in force", async () => {
    const page = await as(users.countyEditor);
    await go(page, `/agreements/${agreementId}/approval`);
    const state = main(page).getByRole('region', { name: 'Hyväksyntä ja allekirjoitukset' });
    expect(await state.textContent()).toContain('Lopullisesti hyväksynyt 3/3 osapuolta, allekirjoittanut 3/3.');
    expect(await state.getByRole('definition').allTextContents()).toContain(fi(TODAY));
    for (const [party, steps] of [
      [COUNTY, [`Aluehallitus (esittää): Hyväksytty ${fi(YESTERDAY)} § 12`, `Aluevaltuusto (hyväksyy, lopullinen hyväksyntä): Hyväksytty ${fi(TODAY)} § 34`]],
      [OULU, [`Kaupunginhallitus (esittää): Hyväksytty ${fi(YESTERDAY)} § 5`, `Kaupunginvaltuusto (hyväksyy, lopullinen hyväksyntä): Hyväksytty ${fi(TODAY)} § 7 (pöytäkirja)`]],
      [KEMPELE, [`Kunnanhallitus (esittää): Hyväksytty ${fi(YESTERDAY)} § 45`, `Kunnanvaltuusto (hyväksyy, lopullinen hyväksyntä): Hyväksytty ${fi(TODAY)} § 46`]],
    ] as const) {
      expect((await matrixRow(page, party)).slice(2), party).toEqual([...steps, `Allekirjoitettu ${fi(TODAY)} (1 allekirjoitus)`]);
    }
    await main(page).getByRole('radio', { name: 'Vain kesken olevat (ei vielä allekirjoittanut)' }).check();
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Näytä', exact: true }));
    expect(await main(page).getByText('Kaikki osapuolet ovat allekirjoittaneet.').count()).toBe(1);
    await page.close();
  });

  step('anyone, without signing in, sees the agreement in force with its decisions and signatures', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(ACTION_TIMEOUT);
    const page = await context.newPage();
    await go(page, '/regions/HVA19/agreements');
    const row = main(page).getByRole('row').filter({ has: page.getByRole('link', { name: TITLE }) });
    expect(await row.getByRole('cell').first().textContent()).toBe('Voimassa');
    await clickAndLoad(page, row.getByRole('link', { name: TITLE }));
    expect(await main(page).getByRole('region', { name: 'Perustiedot' }).getByRole('definition').first().textContent()).toBe('Voimassa');
    expect(await main(page).getByText(`Sopimus on voimassa ${fi(TODAY)} alkaen.`).count()).toBe(1);
    // The text is the approved version 1 (with the section as written), not a draft.
    expect(await main(page).getByText(`Näytetään julkaistu versio 1 (${VERSION_LABEL}).`).count()).toBe(1);
    expect(await main(page).locator('strong', { hasText: 'yhteisistä' }).count()).toBe(1);
    // Nothing of the parties' internal pages.
    expect(await main(page).getByRole('link', { name: 'Hyväksynnän tilanne osapuolittain' }).count()).toBe(0);

    await clickAndLoad(page, main(page).getByRole('table', { name: 'Julkaistut versiot' }).getByRole('link', { name: '1', exact: true }));
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Päätökset ja allekirjoitukset' }));
    expect(await page.locator('h1').textContent()).toBe('Päätökset ja allekirjoitukset');
    expect(await main(page).getByText(`Sopimus tulee voimaan ${fi(TODAY)}.`).count()).toBe(1);

    const party = (name: string) => main(page).getByRole('region', { name: new RegExp(`^${name}( \\([0-9-]+\\))?$`) });
    const rows = async (name: string) =>
      Promise.all((await party(name).getByRole('table').getByRole('row').all()).slice(1).map(async (r) => (await r.locator('th, td').allTextContents()).map((s) => s.trim())));
    expect(await rows(COUNTY)).toEqual([
      ['Aluehallitus', fi(YESTERDAY), '12', '1', 'Hyväksytty'],
      ['Aluevaltuusto', fi(TODAY), '34', '1', 'Hyväksytty'],
    ]);
    expect(await rows(OULU)).toEqual([
      ['Kaupunginhallitus', fi(YESTERDAY), '5', '1', 'Hyväksytty'],
      ['Kaupunginvaltuusto', fi(TODAY), '7', '1', 'Hyväksytty (pöytäkirja)'],
    ]);
    expect(await rows(KEMPELE)).toEqual([
      ['Kunnanhallitus', fi(YESTERDAY), '45', '1', 'Hyväksytty'],
      ['Kunnanvaltuusto', fi(TODAY), '46', '1', 'Hyväksytty'],
    ]);
    expect(await party(OULU).getByRole('link', { name: 'pöytäkirja' }).getAttribute('href')).toBe('https://www.ouka.fi/poytakirjat/kv-7');

    const signature = async (name: string) => ((await party(name).getByRole('listitem').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(await signature(COUNTY)).toContain(`Hyvinvointialueen päätösten kirjaaja, Hallintosihteeri, ${fi(TODAY)} – Sähköinen allekirjoitus Kumppanuus-palvelussa (versio 1)`);
    expect(await signature(OULU)).toContain(`Seppo Testinen, kaupunginjohtaja, ${fi(TODAY)} – Paperinen allekirjoitus (versio 1)`);
    expect(await signature(KEMPELE)).toContain(`Kempeleen päätösten kirjaaja, Hallintojohtaja, ${fi(TODAY)} – Sähköinen allekirjoitus Kumppanuus-palvelussa (versio 1)`);
    // Every signature shows the hash of the version it binds, the same as the version's.
    const hash = ((await main(page).getByRole('region', { name: 'Julkiset versiot' }).locator('code').textContent()) ?? '').trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    for (const name of [COUNTY, OULU, KEMPELE]) expect(await party(name).locator('code').textContent()).toBe(hash);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
