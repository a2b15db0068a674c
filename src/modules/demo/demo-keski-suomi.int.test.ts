import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, testCtx } from '../../../tests/support/db.ts';
import { getAgreement, getApprovalOverview, listAgreements } from '#modules/agreements/index.ts';
import { seedDemo } from './index.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

describe('demo: Keski-Suomi framework agreement 2022 and its 2026 successor', () => {
  it('is seeded once; on 23.11.2026 the framework agreement is superseded and the strategic agreement in force', async () => {
    const sys = testCtx(db); // 2026-11-23
    await seedDemo(sys);
    await seedDemo(sys); // idempotent
    const pub = testCtx(db, { kind: 'public' });
    const { items } = await listAgreements(pub, 'HVA15');
    expect(items.map((i) => [i.agreement.title.fi.slice(-40), i.agreement.status, i.agreement.validFrom, i.agreement.validUntil, i.agreement.entersIntoForceOn])).toEqual([
      ['nsuomen hyvinvointialueen strateginen yhteistyösopimus'.slice(-40), 'in_force', '2026-01-01', null, '2026-01-01'],
      ['ttelyrakenteiden ja toimintatapojen periaatteiksi'.slice(-40), 'superseded', '2023-01-01', '2025-12-31', '2023-01-01'],
    ]);
    const [successor, framework] = items.map((i) => i.agreement);
    expect(successor!.predecessorId).toBe(framework!.id);
    // Stored statuses follow (audited), not only the computed ones.
    const stored = await db.query<{ status: string }>(`SELECT status FROM agreement WHERE county_code = 'HVA15' ORDER BY valid_from`);
    expect(stored.map((r) => r.status)).toEqual(['superseded', 'in_force']);

    const o = await getApprovalOverview(sys, framework!.id);
    expect(o.parties).toHaveLength(24);
    expect(o.counts).toEqual({ parties: 24, approved: 24, signed: 24, complete: 24 });
    const county = o.parties.find((p) => p.party.code === 'HVA15')!;
    expect(county.progress.steps.map((s) => [s.step.body.fi, s.step.role, s.current?.meetingDate, s.current?.section])).toEqual([
      ['Aluehallitus', 'propose', '2022-09-13', ''],
      ['Aluevaltuusto', 'approve', '2022-10-04', '89'],
    ]);
    const joutsa = o.parties.find((p) => p.party.code === '172')!;
    expect(joutsa.progress.steps[0]!.current).toMatchObject({ meetingDate: '2022-10-10', section: '237', diaryNumber: '275/00.01.01/2022', body: { fi: 'Kunnanhallitus' } });
    const jyvaskyla = o.parties.find((p) => p.party.code === '179')!;
    expect(jyvaskyla.chain.map((s) => s.body.fi)).toEqual(['Kaupunginhallitus', 'Kaupunginvaltuusto']);
    expect(jyvaskyla.progress.signatures[0]).toMatchObject({ signerName: 'Kaupunginjohtaja', signerTitle: 'kaupunginjohtaja', method: 'wet_ink' });
    const liitto = o.parties.find((p) => p.party.code === 'MK13')!;
    expect(liitto.chain.map((s) => [s.body.fi, s.role])).toEqual([['Maakuntahallitus', 'approve']]);
    // Every signature is before the start date; none names a person from the records.
    const signed = o.parties.map((p) => p.progress.signedOn!).sort();
    expect(signed.at(-1)! < '2023-01-01').toBe(true);
    expect(JSON.stringify(o)).not.toMatch(/Vuopionperä|Kovanen/);

    const view = await getAgreement(pub, successor!.id);
    expect(view.approval).toMatchObject({ approved: 24, signed: 24 });
    expect(view.predecessor?.id).toBe(framework!.id);
  });
});
