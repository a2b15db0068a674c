import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addArea, addSection, createAgreement } from '#modules/agreements/index.ts';
import { defineCustomIndicator, importOwnCsv, importSotkanetFile } from '#modules/indicators/index.ts';
import type { Actor } from '#platform/actor.ts';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { documentTextUnits } from '#platform/documents/index.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from '../../../tests/support/db.ts';
import { META_127, regionsSnapshot } from '../indicators/indicator-fixtures.test-support.ts';
import { buildReportDocument } from './report-document.ts';
import { addMeasure, addMeasureIndicator, addMeasureUpdate, createGoal, exportAgreementReport, getAgreementReport, type AgreementReport } from './index.ts';

const run = promisify(execFile);
const installed = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const hasSoffice = installed('soffice');
const hasPoppler = installed('pdfinfo') && installed('pdffonts') && installed('pdftotext');
const skipNote = (ok: boolean, what: string) => (ok ? '' : ` — SKIPPED: ${what} is not installed (.ci/run installs it)`);

const NOTES = 'SALAINEN-SISÄINEN-MUISTIO';
const PUBLIC: Actor = { kind: 'public' };
let db: Db;
let dir: string;
let agreementId: string;
let ouluEditor: Actor, countyEditor: Actor;
const ids: Record<string, string> = {};
const clock = fixedClock('2026-03-15T10:00:00Z');
const ctxOf = (a: Actor) => testCtx(db, a, clock);

beforeAll(async () => {
  db = await createTestDb();
  dir = await mkdtemp(path.join(tmpdir(), 'kp-report-'));
  const sys = testCtx(db, undefined, clock);
  for (const code of ['HVA19', '564', '244', 'MK17']) ids[code] = await partyIdByCode(db, code);
  const a = await createAgreement(sys, 'HVA19', {
    titleFi: 'Pohjois-Pohjanmaan yhteistyösopimus',
    titleSv: 'Samarbetsavtal för Norra Österbotten',
    validFrom: '2024-01-01',
    coordinatingPartyId: ids.HVA19,
    partyIds: [ids.HVA19, ids['564'], ids['244'], ids.MK17],
  });
  agreementId = a.id;
  const section = await addSection(sys, a.id, { headingFi: 'Yhteiset tavoitteet', headingSv: 'Gemensamma mål' });
  const sport = await addArea(sys, a.id, { nameFi: 'Liikunta', nameSv: 'Motion' });
  const participation = await addArea(sys, a.id, { nameFi: 'Osallisuus' }); // no Swedish name
  countyEditor = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'editor' }]);
  ouluEditor = await createTestActor(db, [{ partyId: ids['564']!, role: 'editor' }]);

  await defineCustomIndicator(sys, { key: 'rep-liikkuvat', titleFi: 'Liikkuvat nuoret (%)', titleSv: 'Unga som rör på sig (%)', unit: '%', decimals: 1, direction: 'higher_is_better' });
  await importOwnCsv(sys, {
    indicator: 'custom:rep-liikkuvat',
    fileName: 'liikkuvat.csv',
    file: 'region_code,year,value\n564,2021,40\n564,2023,41\n564,2025,43\n244,2021,40\n244,2023,47\n244,2025,49\nHVA19,2021,39\nHVA19,2023,42\nHVA19,2025,44\nFI,2021,38\nFI,2023,40\nFI,2025,41\n',
  });
  await defineCustomIndicator(sys, { key: 'rep-tyhja', titleFi: 'Yksinäiset ikääntyneet (%)', unit: '%', decimals: 1, direction: 'lower_is_better' });
  // THL Sotkanet's population (CC BY 4.0): catalogue entry from a saved /indicators/127 answer, a few real-looking values.
  await importSotkanetFile(sys, { format: 'sotkanet-json', file: '[]', fileName: 'meta.json', regions: JSON.stringify(regionsSnapshot()), indicatorMeta: [META_127()], catalogueOnly: true });
  await importOwnCsv(sys, { indicator: 'sotkanet:127', fileName: 'vaesto.csv', file: 'region_code,year,value\nHVA19,2022,415000\nHVA19,2024,417000\nFI,2022,5563970\nFI,2024,5635971\n' });

  const c = ctxOf(countyEditor);
  const active = await createGoal(c, sport.id, { titleFi: 'Lapset ja nuoret liikkuvat enemmän', titleSv: 'Barn och unga rör på sig mer', descriptionFi: 'Osuus kasvaa joka kunnassa.', sectionId: section.id });
  const schools = await addMeasure(c, active.id, {
    titleFi: 'Liikkuva koulu kaikkiin yläkouluihin',
    titleSv: 'Skolan i rörelse i alla högstadier',
    responsible: 'Sivistysjohtajat',
    ownerPartyIds: [ids['564'], ids['244']],
    startsOn: '2024-08-01',
    dueOn: '2027-06-30',
    internalNotes: NOTES,
  });
  await addMeasureIndicator(c, schools.id, { indicatorId: 'custom:rep-liikkuvat', scope: 'each_municipality', baselineYear: 2021, baselineValue: 40, targetYear: 2029, targetValue: 50 });
  await addMeasureIndicator(c, schools.id, { indicatorId: 'custom:rep-tyhja', scope: 'county', baselineYear: 2022, baselineValue: 12, targetYear: 2028, targetValue: 9 });
  const counselling = await addMeasure(c, active.id, { titleFi: 'Liikuntaneuvonta', responsible: 'Terveyden edistäminen', ownerPartyIds: [ids.HVA19], internalNotes: NOTES });
  await addMeasureIndicator(c, counselling.id, { indicatorId: 'sotkanet:127', scope: 'county', baselineYear: 2022, baselineValue: 415000, targetYear: 2028, targetValue: 415000 });
  await addMeasureUpdate(c, counselling.id, { partyId: ids.HVA19, status: 'done', body: 'Palveluketju otettiin käyttöön.' });
  const lonely = await createGoal(c, participation.id, { titleFi: 'Ikääntyneiden yksinäisyys vähenee' });
  const places = await addMeasure(c, lonely.id, { titleFi: 'Kohtaamispaikat jokaiseen kuntaan', ownerPartyIds: [ids['564']], dueOn: '2025-12-31' });
  clock.set('2026-03-16T10:00:00Z');
  await addMeasureUpdate(ctxOf(ouluEditor), places.id, { partyId: ids['564'], status: 'late', body: 'Kaksi kohtaamispaikkaa avautuu vasta syksyllä.' });
  await addMeasureUpdate(ctxOf(ouluEditor), schools.id, {
    partyId: ids['564'],
    status: 'at_risk',
    body: 'Kaksi yläkoulua aloitti; kolme siirtyy kevääseen.',
    linkId: (await db.query<{ id: string }>(`SELECT id FROM goal_measure_indicator WHERE indicator_id = 'custom:rep-liikkuvat'`))[0]!.id,
    areaCode: '564',
    date: '2026-02-01',
    value: '48',
  });
  await createGoal(c, participation.id, { titleFi: 'Järjestöjen toiminta vahvistuu' }); // a goal without measures
  await addArea(sys, a.id, { nameFi: 'Asuminen', nameSv: 'Boende' }); // an area without goals
  clock.set('2026-03-20T10:00:00Z');
}, 60_000);
afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const liikkuvat = (r: AgreementReport) => r.indicators.find((i) => i.indicator.id === 'custom:rep-liikkuvat')!;
const row = (r: AgreementReport, indicator: string, code: string) => r.indicators.find((i) => i.indicator.id === indicator)!.rows.find((x) => x.code === code)!;

describe('the annual follow-up report', () => {
  it('defaults to the last full year and counts only values up to it: statuses per municipality with the county and the country to compare', async () => {
    const r = await getAgreementReport(ctxOf(PUBLIC), agreementId);
    expect(r.year).toBe(2025);
    expect(r.preparedOn).toBe('2026-03-20');
    const i = liikkuvat(r);
    expect(i.years).toEqual([2021, 2023, 2025]);
    expect(i.rows.map((x) => [x.code, x.kind, x.reference, x.values, x.latest, x.expected, x.status, x.trend])).toEqual([
      // Kempele and Oulu (the agreement's municipalities, by name), then the county and the whole country to compare.
      ['244', 'municipality', false, [40, 47, 49], { year: 2025, value: 49 }, 45, 'on_track', 'improving'],
      ['564', 'municipality', false, [40, 41, 43], { year: 2025, value: 43 }, 45, 'off_track', 'improving'],
      ['HVA19', 'county', true, [39, 42, 44], { year: 2025, value: 44 }, null, null, 'improving'],
      ['FI', 'country', true, [38, 40, 41], { year: 2025, value: 41 }, null, null, 'improving'],
    ]);
    expect(i.rows.map((x) => x.name.fi)).toEqual(['Kempele', 'Oulu', 'Pohjois-Pohjanmaan hyvinvointialue', 'Koko maa']);
    expect(i.summary.worst).toBe('off_track');
    // The owner's value of 2026 is not part of the 2025 report.
    expect(r.usesOwnerValues).toBe(false);
  });

  it('a later year takes the owner’s value: Oulu back on track in 2026', async () => {
    const r = await getAgreementReport(ctxOf(PUBLIC), agreementId, { year: '2026' });
    expect(r.year).toBe(2026);
    expect(liikkuvat(r).years).toEqual([2021, 2023, 2025, 2026]);
    expect(row(r, 'custom:rep-liikkuvat', '564')).toMatchObject({ latest: { year: 2026, value: 48 }, expected: 46.25, status: 'on_track' });
    expect(liikkuvat(r).summary.worst).toBe('on_track');
    expect(r.usesOwnerValues).toBe(true);
    // An earlier year: before any value after the baseline there is no data.
    const early = await getAgreementReport(ctxOf(PUBLIC), agreementId, { year: 2021 });
    expect(row(early, 'custom:rep-liikkuvat', '564')).toMatchObject({ latest: null, status: 'no_data', values: [40], trend: null });
  });

  it('an indicator without data, a neutral indicator, a goal without indicators and one without measures', async () => {
    const r = await getAgreementReport(ctxOf(PUBLIC), agreementId);
    const empty = r.indicators.find((i) => i.indicator.id === 'custom:rep-tyhja')!;
    expect(empty.years).toEqual([]);
    expect(empty.rows.map((x) => [x.code, x.reference, x.status])).toEqual([
      ['HVA19', false, 'no_data'],
      ['FI', true, null],
    ]);
    expect(row(r, 'sotkanet:127', 'HVA19')).toMatchObject({ status: 'no_status', trend: 'rising', values: [415000, 417000] });
    const [sport, participation, housing] = r.areas;
    expect(sport!.counts).toEqual({
      goals: 1,
      measures: 2,
      indicators: 3,
      goalsByStatus: { on_track: 0, off_track: 1, no_data: 0, no_status: 0 },
      measuresByStatus: { not_started: 0, on_track: 0, at_risk: 1, late: 0, done: 1 },
      indicatorsByStatus: { on_track: 0, off_track: 1, no_data: 1, no_status: 1 },
    });
    expect(participation!.goals.map((g) => [g.title.fi, g.measures.length, g.summary.worst])).toEqual([
      ['Ikääntyneiden yksinäisyys vähenee', 1, 'no_status'],
      ['Järjestöjen toiminta vahvistuu', 0, 'no_status'],
    ]);
    expect(housing!.goals).toEqual([]);
    expect(r.totals).toMatchObject({ goals: 3, measures: 3, indicators: 3, measuresByStatus: { at_risk: 1, late: 1, done: 1, not_started: 0, on_track: 0 } });
    expect(r.totals.goalsByStatus).toEqual({ on_track: 0, off_track: 1, no_data: 0, no_status: 2 });
  });

  it('derives strengths and areas to develop from the statuses', async () => {
    const r = await getAgreementReport(ctxOf(PUBLIC), agreementId);
    const link = (id: string) => r.indicators.find((i) => i.indicator.id === id)!.linkId;
    const measure = (fi: string) => r.areas.flatMap((a) => a.goals.flatMap((g) => g.measures)).find((m) => m.title.fi === fi)!.id;
    expect(r.findings).toEqual({
      indicatorsOnTrack: [{ linkId: link('custom:rep-liikkuvat'), areaCodes: ['244'] }],
      measuresDone: [measure('Liikuntaneuvonta')],
      indicatorsOffTrack: [{ linkId: link('custom:rep-liikkuvat'), areaCodes: ['564'] }],
      measuresBehind: [
        { measureId: measure('Liikkuva koulu kaikkiin yläkouluihin'), status: 'at_risk' },
        { measureId: measure('Kohtaamispaikat jokaiseen kuntaan'), status: 'late' },
      ],
      indicatorsNoData: [{ linkId: link('custom:rep-tyhja'), areaCodes: ['HVA19'] }],
    });
  });

  it('goals carry their agreement section; measures their owners, dates, status and the newest public update', async () => {
    const r = await getAgreementReport(ctxOf(PUBLIC), agreementId);
    const goal = r.areas[0]!.goals[0]!;
    expect(goal.section).toMatchObject({ number: expect.any(Number), heading: { fi: 'Yhteiset tavoitteet', sv: 'Gemensamma mål' } });
    const schools = goal.measures[0]!;
    expect(schools).toMatchObject({ responsible: 'Sivistysjohtajat', startsOn: '2024-08-01', dueOn: '2027-06-30', status: 'at_risk' });
    expect(schools.owners.map((o) => o.name.fi)).toEqual(['Kempele', 'Oulu']);
    expect(schools.latestUpdate).toMatchObject({ status: 'at_risk', body: 'Kaksi yläkoulua aloitti; kolme siirtyy kevääseen.', party: { id: ids['564'] }, postedOn: '2026-03-16' });
    expect(r.parties.map((p) => p.code)).toEqual(['HVA19', 'MK17', '244', '564']);
    expect(r.sources.find((s) => s.indicatorId === 'sotkanet:127')).toMatchObject({ licence: 'CC BY 4.0', attribution: 'THL, Sotkanet', dataUpdated: '2023-05-31' });
  });

  it('never holds internal notes, even for a party of the agreement', async () => {
    for (const actor of [PUBLIC, countyEditor, ouluEditor]) {
      const r = await getAgreementReport(ctxOf(actor), agreementId);
      expect(JSON.stringify(r)).not.toContain(NOTES);
      expect(JSON.stringify(r)).not.toContain('internalNotes');
    }
  });

  it('refuses a year out of range or not a year, naming the field; 404 for an unknown agreement', async () => {
    await expect(getAgreementReport(ctxOf(PUBLIC), agreementId, { year: 1999 })).rejects.toMatchObject({ kind: 'invalid', issues: [{ field: 'year', code: 'year_out_of_range', params: { min: 2000, max: 2026 } }] });
    await expect(getAgreementReport(ctxOf(PUBLIC), agreementId, { year: '2027' })).rejects.toMatchObject({ kind: 'invalid', issues: [{ field: 'year', code: 'year_out_of_range' }] });
    await expect(getAgreementReport(ctxOf(PUBLIC), agreementId, { year: 'viime vuosi' })).rejects.toMatchObject({ kind: 'invalid', issues: [{ field: 'year', code: 'invalid_year' }] });
    await expect(getAgreementReport(ctxOf(PUBLIC), '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ kind: 'not_found', code: 'goals.agreement_not_found' });
    await expect(exportAgreementReport(ctxOf(PUBLIC), agreementId, { format: 'pdf', lang: 'en' })).rejects.toMatchObject({ kind: 'invalid', issues: [{ field: 'lang', code: 'invalid_choice' }] });
  });

  it('the Swedish document uses Swedish texts and marks the Finnish fallback', async () => {
    const r = await getAgreementReport(ctxOf(PUBLIC), agreementId);
    const sv = documentTextUnits(buildReportDocument(r, 'sv', clock.now()));
    expect(sv[0]).toBe('Uppföljningsrapport 2025');
    expect(sv).toContain('Samarbetsavtal för Norra Österbotten');
    expect(sv).toContain('1 Sammandrag');
    expect(sv).toContain('Motion');
    expect(sv).toContain('Osallisuus (på finska)');
    expect(sv).toContain('Barn och unga rör på sig mer');
    expect(sv).toContain('Ikääntyneiden yksinäisyys vähenee (på finska)');
    expect(sv).toContain('Unga som rör på sig (%): efter (Uleåborg)');
    const fi = documentTextUnits(buildReportDocument(r, 'fi', clock.now()));
    expect(fi).toContain('Liikkuvat nuoret (%): jäljessä (Oulu)');
    expect(fi).toContain('Liikkuvat nuoret (%): aikataulussa (Kempele)');
    expect(fi).toContain('Yksinäiset ikääntyneet (%): ei tietoa lähtötasovuoden jälkeen (Pohjois-Pohjanmaan hyvinvointialue)');
    expect(fi.join('\n')).not.toContain('(suomeksi)');
  });
});

describe('report files (DOCX and PDF/A, fi and sv)', () => {
  const files: Record<string, string> = {};
  beforeAll(async () => {
    for (const lang of ['fi', 'sv'] as const) {
      for (const format of ['docx', 'pdf'] as const) {
        const out = await exportAgreementReport(ctxOf(PUBLIC), agreementId, { format, lang });
        expect(out.fileName).toBe(`${lang === 'fi' ? 'seurantaraportti' : 'uppfoljningsrapport'}-2025-${lang}.${format}`);
        files[`${lang}.${format}`] = path.join(dir, `${lang}.${format}`);
        await writeFile(files[`${lang}.${format}`]!, out.body);
      }
    }
  }, 60_000);

  it('hold no internal notes', async () => {
    for (const f of Object.values(files)) expect((await readFile(f)).toString('latin1')).not.toContain('SALAINEN');
  });

  describe.skipIf(!hasSoffice)(`opened by LibreOffice${skipNote(hasSoffice, 'soffice')}`, () => {
    let out: string;
    beforeAll(async () => {
      out = await mkdtemp(path.join(dir, 'lo-out-'));
      const profile = await mkdtemp(path.join(dir, 'lo-profile-'));
      await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, files['fi.docx']!, files['sv.docx']!], { timeout: 120_000 });
    }, 180_000);

    it('fi: the welfare-report chapters, the tables and the update text', async () => {
      const text = await readFile(path.join(out, 'fi.txt'), 'utf8');
      for (const expected of [
        'Seurantaraportti 2025',
        'Pohjois-Pohjanmaan yhteistyösopimus',
        'Laadittu: 20.3.2026',
        '1 Tiivistelmä',
        '2 Väestön hyvinvointi ja palvelut',
        '3 Vahvuudet ja kehittämiskohteet',
        '4 Tavoitteet ja toimenpiteet',
        '5 Lähteet ja lisenssit',
        '6 Miten tilanne lasketaan',
        'Toimenpiteet tilan mukaan',
        'Kehitys vuosittain: Liikkuvat nuoret (%)',
        'Koko maa (vertailu)',
        'Kaksi yläkoulua aloitti; kolme siirtyy kevääseen.',
        'THL, Sotkanet',
        'CC BY 4.0',
      ]) {
        expect(text, expected).toContain(expected);
      }
      expect(text).not.toContain(NOTES);
    });

    it('sv: the Swedish chapters', async () => {
      const text = await readFile(path.join(out, 'sv.txt'), 'utf8');
      for (const expected of ['Uppföljningsrapport 2025', '1 Sammandrag', '2 Befolkningens välfärd och tjänster', '3 Styrkor och utvecklingsområden', '4 Mål och åtgärder', '5 Källor och licenser', 'Hela landet (jämförelse)']) {
        expect(text, expected).toContain(expected);
      }
    });
  });

  describe.skipIf(!hasPoppler)(`PDF/A-2b${skipNote(hasPoppler, 'poppler-utils')}`, () => {
    const tool = async (cmd: string, args: string[]) => (await run(cmd, args, { maxBuffer: 10_000_000 })).stdout;

    it.each([
      ['fi', 'Seurantaraportti 2025', 'fi-FI'],
      ['sv', 'Uppföljningsrapport 2025', 'sv-FI'],
    ])('%s: title, language, PDF/A-2b XMP, tagged, fonts embedded, the chapters in the text', async (lang, title, locale) => {
      const file = files[`${lang}.pdf`]!;
      const info = await tool('pdfinfo', [file]);
      expect(info).toMatch(new RegExp(`^Title:\\s+${title}$`, 'm'));
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^Subject:\s+\S/m);
      const xmp = await tool('pdfinfo', ['-meta', file]);
      expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
      expect(xmp).toContain(locale);
      const fonts = (await tool('pdffonts', [file])).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f.trim().split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
      const text = (await tool('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'])).replace(/\s+/g, ' ');
      expect(text).toContain(lang === 'fi' ? '2 Väestön hyvinvointi ja palvelut' : '2 Befolkningens välfärd och tjänster');
      expect(text).not.toContain(NOTES);
    });
  });
});
