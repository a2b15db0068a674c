import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from '../../../tests/support/db.ts';
import type { Actor } from '#platform/actor.ts';
import type { Db } from '#platform/db/db.ts';
import { addArea, addSection, createAgreement, removeArea } from '#modules/agreements/index.ts';
import { defineCustomIndicator, importOwnCsv } from '#modules/indicators/index.ts';
import { createApiToken } from '#modules/tokens/index.ts';
import {
  addMeasure,
  addMeasureIndicator,
  addMeasureUpdate,
  createGoal,
  getAgreementGoals,
  getGoal,
  getMeasure,
  recordIndicatorValue,
  updateGoal,
  updateMeasure,
} from './index.ts';

let db: Db;
let county: string, oulu: string, kempele: string, liminka: string;
let agreementId: string, areaId: string, sectionId: string;
let countyEditor: Actor, ouluEditor: Actor, ouluViewer: Actor, kempeleEditor: Actor, liminkaEditor: Actor;
const PUBLIC: Actor = { kind: 'public' };

beforeAll(async () => {
  db = await createTestDb();
  const sys = testCtx(db);
  [county, oulu, kempele, liminka] = await Promise.all(['HVA19', '564', '244', '425'].map((c) => partyIdByCode(db, c))) as [string, string, string, string];
  const a = await createAgreement(sys, 'HVA19', { titleFi: 'Sopimus', validFrom: '2025-01-01', coordinatingPartyId: county, partyIds: [county, oulu, kempele, liminka] });
  agreementId = a.id;
  areaId = (await addArea(sys, agreementId, { nameFi: 'Liikunta' })).id;
  sectionId = (await addSection(sys, agreementId, { headingFi: 'Yhteiset tavoitteet' })).id;
  await defineCustomIndicator(sys, { key: 'liikkuvat', titleFi: 'Liikkuvien osuus', unit: '%', direction: 'higher_is_better' });
  await importOwnCsv(sys, { indicator: 'custom:liikkuvat', fileName: 'liikkuvat.csv', file: 'region_code,year,value\n564,2022,40\n564,2024,44\n244,2022,40\n244,2024,48\nHVA19,2024,30\n' });
  countyEditor = await createTestActor(db, [{ partyId: county, role: 'editor' }]);
  ouluEditor = await createTestActor(db, [{ partyId: oulu, role: 'editor' }]);
  ouluViewer = await createTestActor(db, [{ partyId: oulu, role: 'viewer' }]);
  kempeleEditor = await createTestActor(db, [{ partyId: kempele, role: 'editor' }]);
  liminkaEditor = await createTestActor(db, [{ partyId: liminka, role: 'admin' }]);
});
afterAll(async () => db?.close());

const as = (a: Actor) => testCtx(db, a);
const auditCount = async (action: string) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event WHERE action = $1', [action]))[0]!.n;

async function setUpMeasure() {
  const goal = await createGoal(as(countyEditor), areaId, { titleFi: 'Liikkuvat kuntalaiset', sectionId });
  const measure = await addMeasure(as(countyEditor), goal.id, {
    titleFi: 'Liikuntaneuvonta',
    responsible: 'Liikuntapalvelut',
    ownerPartyIds: [oulu, kempele],
    startsOn: '2025-01-01',
    dueOn: '2027-12-31',
    internalNotes: 'Rahoitus vielä auki',
  });
  const link = await addMeasureIndicator(as(countyEditor), measure.id, {
    indicatorId: 'custom:liikkuvat',
    scope: 'each_municipality',
    baselineYear: 2022,
    baselineValue: '40',
    targetYear: 2030,
    targetValue: '60',
  });
  return { goal, measure, link };
}

describe('goals and measures', () => {
  it('the coordinating party edits goals; other parties cannot; every write is audited', async () => {
    await expect(createGoal(as(ouluEditor), areaId, { titleFi: 'X' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(createGoal(as(PUBLIC), areaId, { titleFi: 'X' })).rejects.toMatchObject({ kind: 'unauthenticated' });
    const before = await auditCount('goal.create');
    const goal = await createGoal(as(countyEditor), areaId, { titleFi: 'Tavoite', sectionId });
    expect(await auditCount('goal.create')).toBe(before + 1);
    const updated = await updateGoal(as(countyEditor), goal.id, { rowVersion: 1, titleFi: 'Tavoite 2', sectionId });
    expect(updated.title.fi).toBe('Tavoite 2');
    await expect(updateGoal(as(countyEditor), goal.id, { rowVersion: 1, titleFi: 'Vanha' })).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('measure owners must be parties of the agreement', async () => {
    const goal = await createGoal(as(countyEditor), areaId, { titleFi: 'T' });
    const outsider = await partyIdByCode(db, '091');
    await expect(addMeasure(as(countyEditor), goal.id, { titleFi: 'M', ownerPartyIds: [outsider] })).rejects.toMatchObject({
      kind: 'invalid',
      issues: [{ field: 'ownerPartyIds', code: 'owner_not_party' }],
    });
  });

  it('indicator status per municipality, rolled up to the measure and goal as counts and the worst status', async () => {
    const { goal, measure, link } = await setUpMeasure();
    const page = await getMeasure(as(PUBLIC), measure.id);
    const ind = page.indicators.find((i) => i.link.id === link.id)!;
    const byCode = Object.fromEntries(ind.areas.map((a) => [a.area.code, a]));
    // Expected in 2024 on the path 40 (2022) → 60 (2030): 45. Oulu 44 is behind, Kempele 48 ahead, Liminka has no data.
    expect(byCode['564']).toMatchObject({ latest: { year: 2024, value: 44 }, expected: 45, status: 'off_track' });
    expect(byCode['244']).toMatchObject({ latest: { year: 2024, value: 48 }, status: 'on_track' });
    expect(byCode['425']).toMatchObject({ latest: null, status: 'no_data' });
    expect(ind.summary).toEqual({ counts: { on_track: 1, off_track: 1, no_data: 1, no_status: 0 }, worst: 'off_track' });
    const g = await getGoal(as(PUBLIC), goal.id);
    expect(g.summary.worst).toBe('off_track');
    const all = await getAgreementGoals(as(PUBLIC), agreementId);
    expect(all.areas[0]!.goals.some((v) => v.goal.id === goal.id)).toBe(true);
  });

  it('internal notes are hidden from the public and from outsiders, shown to the agreement’s parties', async () => {
    const { goal, measure } = await setUpMeasure();
    expect((await getMeasure(as(PUBLIC), measure.id)).measure.internalNotes).toBeNull();
    expect((await getMeasure(as(PUBLIC), measure.id)).canViewNotes).toBe(false);
    const outsider = await createTestActor(db, [{ partyId: await partyIdByCode(db, '091'), role: 'admin' }]);
    expect((await getMeasure(as(outsider), measure.id)).measure.internalNotes).toBeNull();
    expect((await getGoal(as(PUBLIC), goal.id)).measures[0]!.measure.internalNotes).toBeNull();
    expect((await getAgreementGoals(as(PUBLIC), agreementId)).areas.flatMap((a) => a.goals.flatMap((g) => g.measures.map((m) => m.measure.internalNotes)))).not.toContain('Rahoitus vielä auki');
    expect((await getMeasure(as(ouluViewer), measure.id)).measure.internalNotes).toBe('Rahoitus vielä auki');
    expect((await getMeasure(as(liminkaEditor), measure.id)).measure.internalNotes).toBe('Rahoitus vielä auki');
  });

  it('only editors of an owner party post updates, for their own party; the value moves the status', async () => {
    const { measure, link } = await setUpMeasure();
    const update = { partyId: oulu, status: 'at_risk', body: 'Rekrytointi viivästyi', linkId: link.id, areaCode: '564', date: '2025-06-30', value: '52,5' };
    await expect(addMeasureUpdate(as(ouluViewer), measure.id, update)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(addMeasureUpdate(as(liminkaEditor), measure.id, { ...update, partyId: liminka, areaCode: '425' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(addMeasureUpdate(as(kempeleEditor), measure.id, update)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(addMeasureUpdate(as(countyEditor), measure.id, update)).rejects.toMatchObject({ kind: 'forbidden' });
    // Oulu's editor, for Oulu, but Kempele's area: refused.
    await expect(addMeasureUpdate(as(ouluEditor), measure.id, { ...update, areaCode: '244' })).rejects.toMatchObject({ kind: 'forbidden' });
    const before = await auditCount('goal_measure_update.create');
    await addMeasureUpdate(as(ouluEditor), measure.id, update);
    expect(await auditCount('goal_measure_update.create')).toBe(before + 1);
    const page = await getMeasure(as(PUBLIC), measure.id);
    expect(page.measure.status).toBe('at_risk');
    expect(page.updates[0]).toMatchObject({ body: 'Rekrytointi viivästyi', status: 'at_risk', value: 52.5, party: { id: oulu } });
    // 2025: expected 47.5; Oulu's own 52.5 is ahead.
    const oul = page.indicators[0]!.areas.find((a) => a.area.code === '564')!;
    expect(oul).toMatchObject({ latest: { year: 2025, value: 52.5 }, status: 'on_track' });
    expect(page.postAs).toEqual([]);
    expect((await getMeasure(as(ouluEditor), measure.id)).postAs.map((p) => p.id)).toEqual([oulu]);
  });

  it('an API token of an owner pushes values for its own area codes only, within the scope', async () => {
    const { link } = await setUpMeasure();
    const tokens = new Map<string, string>();
    for (const [p, role] of [[kempele, 'editor'], [kempele, 'viewer'], [liminka, 'editor']] as const)
      tokens.set(p + role, (await createApiToken(testCtx(db), p, { name: `int-${role}`, role })).token.id);
    const token = (partyId: string, role: 'editor' | 'viewer' = 'editor'): Actor => ({ kind: 'token', tokenId: tokens.get(partyId + role)!, name: 'int', partyId, role });
    const r = await recordIndicatorValue(as(token(kempele)), link.id, { areaCode: '244', date: '2026-03-31', value: 50 });
    expect(r).toMatchObject({ value: 50, previous: null });
    expect((await recordIndicatorValue(as(token(kempele)), link.id, { areaCode: '244', date: '2026-03-31', value: 51 })).previous).toBe(50);
    await expect(recordIndicatorValue(as(token(kempele)), link.id, { areaCode: '564', date: '2026-03-31', value: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(recordIndicatorValue(as(token(kempele, 'viewer')), link.id, { areaCode: '244', date: '2026-03-31', value: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(recordIndicatorValue(as(token(liminka)), link.id, { areaCode: '425', date: '2026-03-31', value: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(recordIndicatorValue(as(token(kempele)), link.id, { areaCode: 'HVA19', date: '2026-03-31', value: 1 })).rejects.toMatchObject({
      kind: 'invalid',
      issues: [{ field: 'areaCode', code: 'area_not_in_scope' }],
    });
    expect(await auditCount('goal_indicator_value.record')).toBeGreaterThanOrEqual(2);
  });

  it('traceability: from a measure up to its section and goal and down to indicators and owners; the goal lists it back', async () => {
    const { goal, measure, link } = await setUpMeasure();
    const m = await getMeasure(as(PUBLIC), measure.id);
    expect(m.section).toMatchObject({ id: sectionId, heading: { fi: 'Yhteiset tavoitteet' } });
    expect(m.goal.id).toBe(goal.id);
    expect(m.area.id).toBe(areaId);
    expect(m.agreement.id).toBe(agreementId);
    expect(m.owners.map((o) => o.code).sort()).toEqual(['244', '564']);
    expect(m.indicators.map((i) => [i.link.id, i.indicator?.title.fi])).toEqual([[link.id, 'Liikkuvien osuus']]);
    const g = await getGoal(as(PUBLIC), goal.id);
    expect(g.section?.id).toBe(sectionId);
    expect(g.measures.map((x) => x.measure.id)).toEqual([measure.id]);
  });

  it('only the coordinating party edits measures (owners post updates instead)', async () => {
    const { measure } = await setUpMeasure();
    const input = { rowVersion: 1, titleFi: 'Uusi', ownerPartyIds: [oulu], status: 'done' };
    await expect(updateMeasure(as(ouluEditor), measure.id, input)).rejects.toMatchObject({ kind: 'forbidden' });
    const m = await updateMeasure(as(countyEditor), measure.id, input);
    expect(m).toMatchObject({ status: 'done', ownerPartyIds: [oulu], rowVersion: 2 });
  });

  it('an area with goals cannot be removed from the draft: a clear conflict, nothing lost', async () => {
    const area = await addArea(testCtx(db), agreementId, { nameFi: 'Asuminen' });
    await createGoal(as(countyEditor), area.id, { titleFi: 'Kohtuuhintainen asuminen' });
    await expect(removeArea(as(countyEditor), area.id, { rowVersion: area.rowVersion })).rejects.toMatchObject({ code: 'agreements.area_in_use', kind: 'conflict' });
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM agreement_area WHERE id = $1', [area.id]);
    expect(row!.n).toBe(1);
  });
});
