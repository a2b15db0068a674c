import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addArea, createAgreement } from '#modules/agreements/index.ts';
import { addMeasure, addMeasureIndicator, createGoal } from '#modules/goals/index.ts';
import { defineCustomIndicator, importOwnCsv } from '#modules/indicators/index.ts';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, partyIdByCode, testCtx } from '../support/db.ts';
import { startTestApp, type TestApp } from '../support/http.ts';

/** The annual follow-up report over HTTP: the page (GET form, links), the files, the API, and the refusals. */
let db: Db;
let app: TestApp;
let agreementId: string;
const NOTES = 'SALAINEN-RAPORTTIMUISTIO';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const clock = fixedClock('2026-05-10T09:00:00Z');
const lastFullYear = 2025;

beforeAll(async () => {
  db = await createTestDb();
  const sys = testCtx(db, undefined, clock);
  const [county, oulu] = await Promise.all(['HVA19', '564'].map((c) => partyIdByCode(db, c)));
  const a = await createAgreement(sys, 'HVA19', { titleFi: 'Raporttisopimus', titleSv: 'Rapportavtal', validFrom: '2024-01-01', coordinatingPartyId: county!, partyIds: [county!, oulu!] });
  agreementId = a.id;
  const area = await addArea(sys, a.id, { nameFi: 'Liikunta', nameSv: 'Motion' });
  await defineCustomIndicator(sys, { key: 'http-raportti', titleFi: 'Liikkuvat', titleSv: 'Rörliga', direction: 'higher_is_better' });
  await importOwnCsv(sys, { indicator: 'custom:http-raportti', fileName: 'r.csv', file: `region_code,year,value\n564,2022,40\n564,${lastFullYear},45\nFI,2022,41\nFI,${lastFullYear},44\n` });
  const goal = await createGoal(sys, area.id, { titleFi: 'Liikkuvat kuntalaiset', titleSv: 'Aktiva invånare' });
  const m = await addMeasure(sys, goal.id, { titleFi: 'Liikuntaneuvonta', ownerPartyIds: [oulu!], internalNotes: NOTES });
  await addMeasureIndicator(sys, m.id, { indicatorId: 'custom:http-raportti', scope: 'each_municipality', baselineYear: 2022, baselineValue: 40, targetYear: 2030, targetValue: 50 });
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('the report page', () => {
  it('is public, in Finnish and Swedish, with the chapters, the year form (GET) and the download links; no internal notes', async () => {
    const res = await fetch(`${app.url}/agreements/${agreementId}/report`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<h1>Seurantaraportti ${lastFullYear}</h1>`);
    for (const h of ['1 Tiivistelmä', '2 Väestön hyvinvointi ja palvelut', '3 Vahvuudet ja kehittämiskohteet', '4 Tavoitteet ja toimenpiteet', '5 Lähteet ja lisenssit']) expect(html).toContain(h);
    expect(html).toMatch(/<form [^>]*action="\/agreements\/[^"]+\/report" method="get"/);
    expect(html).toContain(`<option value="${lastFullYear}" selected="">${lastFullYear}</option>`);
    expect(html).toContain(`/agreements/${agreementId}/report.docx?year=${lastFullYear}&amp;lang=sv`);
    expect(html).toContain(`/agreements/${agreementId}/report.pdf?year=${lastFullYear}&amp;lang=fi`);
    expect(html).toContain('Koko maa (vertailu)');
    expect(html).not.toContain(NOTES);
    const sv = await (await fetch(`${app.url}/sv/agreements/${agreementId}/report?year=2024`)).text();
    expect(sv).toContain('<h1>Uppföljningsrapport 2024</h1>');
    expect(sv).toContain('Aktiva invånare');
    expect(sv).toContain(`/sv/agreements/${agreementId}/report.docx?year=2024&amp;lang=fi`);
  });

  it('is linked from the goals page', async () => {
    const html = await (await fetch(`${app.url}/en/agreements/${agreementId}/goals`)).text();
    expect(html).toContain(`href="/en/agreements/${agreementId}/report"`);
    expect(html).toContain('Annual follow-up report');
  });

  it('a bad year answers 400 with the error naming the year field, translated', async () => {
    const res = await fetch(`${app.url}/agreements/${agreementId}/report?year=1800`);
    expect(res.status).toBe(400);
    const html = (await res.text()).replaceAll('<!-- -->', '');
    expect(html).toContain('error-summary');
    expect(html).toContain(`Seurantavuosi: Vuoden tulee olla väliltä 2000–${lastFullYear + 1}.`);
    expect(html).toContain('href="#f-year"');
    const sv = await fetch(`${app.url}/sv/agreements/${agreementId}/report?year=abc`);
    expect(sv.status).toBe(400);
    expect((await sv.text()).replaceAll('<!-- -->', '')).toContain('Uppföljningsår: Ange året med fyra siffror, t.ex. 2025.');
  });

  it('404 for an unknown agreement', async () => {
    expect((await fetch(`${app.url}/agreements/${UNKNOWN}/report`)).status).toBe(404);
    expect((await fetch(`${app.url}/agreements/not-an-id/report`)).status).toBe(404);
  });
});

describe('the report files', () => {
  it('DOCX and PDF with their content types and file names, in ?lang or the page language', async () => {
    const docx = await fetch(`${app.url}/agreements/${agreementId}/report.docx?year=2024`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers.get('content-disposition')).toBe('attachment; filename="seurantaraportti-2024-fi.docx"');
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const pdf = await fetch(`${app.url}/sv/agreements/${agreementId}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="uppfoljningsrapport-${lastFullYear}-sv.pdf"`);
    const body = Buffer.from(await pdf.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.toString('latin1')).not.toContain(NOTES);
    const en = await fetch(`${app.url}/en/agreements/${agreementId}/report.pdf?lang=fi`);
    expect(en.headers.get('content-disposition')).toContain(`seurantaraportti-${lastFullYear}-fi.pdf`);
  });

  it('a bad year or language: 400 as text naming the field; unknown agreement 404', async () => {
    const year = await fetch(`${app.url}/agreements/${agreementId}/report.pdf?year=2999`);
    expect(year.status).toBe(400);
    expect(year.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await year.text()).toBe(`Seurantavuosi: Vuoden tulee olla väliltä 2000–${lastFullYear + 1}.\n`);
    const lang = await fetch(`${app.url}/en/agreements/${agreementId}/report.docx?lang=de`);
    expect(lang.status).toBe(400);
    expect(await lang.text()).toBe('Language: Choose one of the options.\n');
    expect((await fetch(`${app.url}/agreements/${UNKNOWN}/report.docx`)).status).toBe(404);
  });
});

describe('the report API', () => {
  it('GET /api/v1/agreements/{id}/report: the report as JSON without internal notes', async () => {
    const res = await fetch(`${app.url}/api/v1/agreements/${agreementId}/report?year=${lastFullYear}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(NOTES);
    const r = JSON.parse(text) as { year: number; indicators: { rows: { code: string; status: string | null; values: (number | null)[] }[] }[]; sources: { indicatorId: string }[] };
    expect(r.year).toBe(lastFullYear);
    expect(r.indicators[0]!.rows.map((x) => [x.code, x.status])).toEqual([
      ['564', 'on_track'],
      ['HVA19', null],
      ['FI', null],
    ]);
    expect(r.sources.map((s) => s.indicatorId)).toEqual(['custom:http-raportti']);
  });

  it('refuses a bad year (naming it) and an unknown agreement', async () => {
    const bad = await fetch(`${app.url}/api/v1/agreements/${agreementId}/report?year=1850`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['year']);
    const future = await fetch(`${app.url}/api/v1/agreements/${agreementId}/report?year=2150&lang=en`);
    expect(future.status).toBe(400);
    expect(((await future.json()) as { errors: { field: string; message?: string }[] }).errors[0]).toMatchObject({ field: 'year' });
    expect((await fetch(`${app.url}/api/v1/agreements/${UNKNOWN}/report`)).status).toBe(404);
  });
});
