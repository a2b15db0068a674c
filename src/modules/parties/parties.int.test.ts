import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#platform/actor.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from '../../../tests/support/db.ts';
import { addPartyBody, getCooperationRegion, getParty, listCooperationRegions, listParties, updateParty } from './index.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

const adminOf = (partyId: string): Promise<Actor> => createTestActor(db, [{ partyId, role: 'admin' }], { displayName: 'Test Admin' });

describe('reference data', () => {
  it('holds 308 municipalities, 21 counties + Helsinki and 18 regional councils', async () => {
    const ctx = testCtx(db);
    const count = async (type: string) => (await listParties(ctx, { type, limit: 1 })).total;
    expect((await count('municipality')) + (await count('city_of_helsinki'))).toBe(308);
    expect(await count('wellbeing_services_county')).toBe(21);
    expect(await count('city_of_helsinki')).toBe(1);
    expect(await count('regional_council')).toBe(18);
  });

  it('models 22 cooperation regions; Pohjois-Pohjanmaa has 32 parties and Pirkanmaa 25', async () => {
    const ctx = testCtx(db);
    const regions = await listCooperationRegions(ctx);
    expect(regions).toHaveLength(22);
    expect(regions.find((r) => r.code === 'HVA19')?.partyCount).toBe(32);
    const pirkanmaa = regions.find((r) => r.name.fi === 'Pirkanmaan hyvinvointialue');
    expect(pirkanmaa?.partyCount).toBe(25);
    const pp = await getCooperationRegion(ctx, 'HVA19');
    expect(pp.parties[0]?.type).toBe('wellbeing_services_county');
    expect(pp.parties.filter((p) => p.type === 'regional_council').map((p) => p.name.fi)).toEqual(['Pohjois-Pohjanmaan liitto']);
  });

  it('lets the four Uusimaa counties and Helsinki share one regional council', async () => {
    const ctx = testCtx(db);
    for (const code of ['HVA01', 'HVA02', 'HVA03', 'HVA04', 'HVA90']) {
      const { parties } = await getCooperationRegion(ctx, code);
      expect(parties.filter((p) => p.type === 'regional_council').map((p) => p.code)).toEqual(['MK01']);
    }
    const hki = await getCooperationRegion(ctx, 'HVA90');
    expect(hki.parties.map((p) => p.type).sort()).toEqual(['city_of_helsinki', 'regional_council']);
  });

  it('gives bilingual status to counties with bilingual municipalities', async () => {
    const ctx = testCtx(db);
    const { parties } = await getCooperationRegion(ctx, 'HVA17'); // Pohjanmaa / Österbotten
    expect(parties.find((p) => p.type === 'wellbeing_services_county')?.language).toBe('sv-fi');
  });

  it('filters, searches and paginates parties', async () => {
    const ctx = testCtx(db);
    const page1 = await listParties(ctx, { county: 'HVA19', limit: 10 });
    const page2 = await listParties(ctx, { county: 'HVA19', limit: 10, offset: 10 });
    expect(page1.total).toBe(31); // county + 30 municipalities (the regional council has no county code)
    expect(new Set([...page1.items, ...page2.items].map((p) => p.id)).size).toBe(20);
    const oulu = await listParties(ctx, { q: 'uleåborg' });
    expect(oulu.items.map((p) => p.code)).toEqual(['564']);
    await expect(listParties(ctx, { type: 'kunta' })).rejects.toMatchObject({ code: 'validation.invalid_input', issues: [{ field: 'type' }] });
  });
});

describe('editing a party', () => {
  it('validates the Business ID check digit and names the field', async () => {
    const id = await partyIdByCode(db, '244');
    const ctx = testCtx(db, await adminOf(id));
    const p = (await getParty(ctx, id)).party;
    const input = { rowVersion: p.rowVersion, nameFi: p.name.fi, nameSv: p.name.sv, nameEn: p.name.en, language: p.language, businessId: '0187690-2' };
    await expect(updateParty(ctx, id, input)).rejects.toMatchObject({ kind: 'invalid', issues: [{ field: 'businessId', code: 'business_id_checksum' }] });
  });

  it('saves, audits before/after in the same transaction, and refuses a stale save as a conflict', async () => {
    const id = await partyIdByCode(db, '425');
    const ctx = testCtx(db, await adminOf(id));
    const p = (await getParty(ctx, id)).party;
    const base = { rowVersion: p.rowVersion, nameFi: p.name.fi, nameSv: p.name.sv, nameEn: p.name.en, language: p.language, businessId: p.businessId ?? '' };
    const saved = await updateParty(ctx, id, { ...base, email: 'kirjaamo@liminka.fi' });
    expect(saved.contact.email).toBe('kirjaamo@liminka.fi');
    expect(saved.rowVersion).toBe(p.rowVersion + 1);
    const audit = await db.query<{ action: string; summary: { before: Record<string, unknown>; after: Record<string, unknown> }; actor_label: string }>(
      `SELECT action, summary, actor_label FROM audit_event WHERE target_id = $1 ORDER BY id DESC LIMIT 1`,
      [id],
    );
    expect(audit[0]).toMatchObject({ action: 'party.update', actor_label: 'Test Admin', summary: { before: { email: null }, after: { email: 'kirjaamo@liminka.fi' } } });
    // A second editor who loaded the old version: refused, and told the current values.
    await expect(updateParty(ctx, id, { ...base, phone: '+358 8 1234 567' })).rejects.toMatchObject({
      code: 'parties.edited_by_someone_else',
      details: { current: { contact: { email: 'kirjaamo@liminka.fi' } } },
    });
  });

  it('never lets one party’s administrator change another party', async () => {
    const own = await partyIdByCode(db, '244');
    const other = await partyIdByCode(db, '564');
    const ctx = testCtx(db, await adminOf(own));
    await expect(addPartyBody(ctx, other, { kind: 'kunnanhallitus', nameFi: 'Kaupunginhallitus' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(addPartyBody(testCtx(db, { kind: 'public' }), own, { kind: 'kunnanhallitus', nameFi: 'X' })).rejects.toMatchObject({ kind: 'unauthenticated' });
    const body = await addPartyBody(ctx, own, { kind: 'kunnanhallitus', nameFi: 'Kunnanhallitus', nameSv: 'Kommunstyrelsen' });
    expect((await getParty(ctx, own)).bodies.map((b) => b.id)).toContain(body.id);
  });

  it('the audit trail refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(db.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
  });
});
