import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { addArea, createAgreement } from '#modules/agreements/index.ts';
import { addMeasure, addMeasureIndicator, createGoal } from '#modules/goals/index.ts';
import { defineCustomIndicator } from '#modules/indicators/index.ts';
import { createApiToken } from '#modules/tokens/index.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** One clock for the use cases this file calls and the server it starts. */
const clock = testClock();

/** Goals over HTTP: the public pages and API hide internal notes; an owner's token pushes values for its own area. */
let db: Db;
let app: TestApp;
let ouluId: string;
let agreementId: string, measureId: string, linkId: string, ouluSecret: string, ouluViewerSecret: string;

beforeAll(async () => {
  db = await createTestDb();
  const sys = testCtx(db);
  const [county, oulu, kempele] = await Promise.all(['HVA19', '564', '244'].map((c) => partyIdByCode(db, c)));
  const a = await createAgreement(sys, 'HVA19', { titleFi: 'Sopimus', validFrom: '2025-01-01', coordinatingPartyId: county!, partyIds: [county!, oulu!, kempele!] });
  agreementId = a.id;
  const area = await addArea(sys, a.id, { nameFi: 'Liikunta' });
  await defineCustomIndicator(sys, { key: 'http-liikkuvat', titleFi: 'Liikkuvat', direction: 'higher_is_better' });
  const goal = await createGoal(sys, area.id, { titleFi: 'Liikkuvat kuntalaiset' });
  const measure = await addMeasure(sys, goal.id, { titleFi: 'Liikuntaneuvonta', ownerPartyIds: [oulu!], internalNotes: 'SALAINEN-MUISTIINPANO' });
  measureId = measure.id;
  linkId = (await addMeasureIndicator(sys, measure.id, { indicatorId: 'custom:http-liikkuvat', scope: 'each_municipality', baselineYear: 2022, baselineValue: 40, targetYear: 2030, targetValue: 60 })).id;
  ouluId = oulu!;
  await createUser(sys, { email: 'editor@ouka.fi', displayName: 'Olga Oulu', password: 'oikein-hyva-salasana', memberships: [{ partyId: oulu!, role: 'editor' }] });
  ouluSecret = (await createApiToken(sys, oulu!, { name: 'Oulun raportointi', role: 'editor' })).secret;
  ouluViewerSecret = (await createApiToken(sys, oulu!, { name: 'Oulun luku', role: 'viewer' })).secret;
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const push = (secret: string, body: unknown) =>
  new Visitor(app.url).json('POST', `/api/v1/goal-indicators/${linkId}/values`, body, { authorization: `Bearer ${secret}` });

describe('goals over HTTP', () => {
  it('an owner party’s editor token records a value for its own area; the status follows', async () => {
    const res = await push(ouluSecret, { areaCode: '564', date: '2026-03-31', value: 55 });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ linkId, areaCode: '564', date: '2026-03-31', value: 55, previous: null });
    const goals = (await (await new Visitor(app.url).json('GET', `/api/v1/agreements/${agreementId}/goals`)).json()) as {
      areas: { goals: { measures: { indicators: { summary: { counts: Record<string, number> } }[] }[] }[] }[];
    };
    expect(goals.areas[0]!.goals[0]!.measures[0]!.indicators[0]!.summary.counts).toMatchObject({ on_track: 1, no_data: 1 });
  });

  it('refuses another party’s area, a viewer token and anonymous callers', async () => {
    expect((await push(ouluSecret, { areaCode: '244', date: '2026-03-31', value: 1 })).status).toBe(403);
    expect((await push(ouluViewerSecret, { areaCode: '564', date: '2026-03-31', value: 1 })).status).toBe(403);
    expect((await new Visitor(app.url).json('POST', `/api/v1/goal-indicators/${linkId}/values`, { areaCode: '564', date: '2026-03-31', value: 1 })).status).toBe(401);
  });

  it('the public measure page and API show the chain and status but never the internal notes', async () => {
    const page = await (await fetch(`${app.url}/en/measures/${measureId}`)).text();
    expect(page).toContain('Liikkuvat kuntalaiset');
    expect(page).toContain('On track');
    expect(page).not.toContain('SALAINEN-MUISTIINPANO');
    const api = await (await fetch(`${app.url}/api/v1/agreements/${agreementId}/goals`)).text();
    expect(api).not.toContain('SALAINEN-MUISTIINPANO');
  });

  it('an owner’s editor posts an update through the plain form (no JavaScript) and sees the notes', async () => {
    const v = new Visitor(app.url);
    await v.signIn('editor@ouka.fi', 'oikein-hyva-salasana');
    const page = await (await v.get(`/measures/${measureId}`)).text();
    expect(page).toContain('SALAINEN-MUISTIINPANO');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const res = await v.post(`/measures/${measureId}`, { _csrf: csrf, intent: 'post-update', partyId: ouluId, status: 'late', body: 'Viivästyy kevääseen', linkId, areaCode: '564', date: '2026-09-30', value: '41,5' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Päivitys on tallennettu.');
    expect(html).toContain('Viivästyy kevääseen');
    expect(html).toContain('Myöhässä');
  });
});
