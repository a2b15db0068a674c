import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#platform/actor.ts';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from '../../../tests/support/db.ts';
import { addPartyBody, getParty, updateParty } from '../parties/index.ts';
import { listAuditEvents, listAuditScope } from './index.ts';

let db: Db;
let kempele: string;
let oulu: string;
let kempeleAdmin: Actor & { kind: 'user' };
let ouluAdmin: Actor & { kind: 'user' };
let platformAdmin: Actor;

beforeAll(async () => {
  db = await createTestDb();
  kempele = await partyIdByCode(db, '244');
  oulu = await partyIdByCode(db, '564');
  kempeleAdmin = await createTestActor(db, [{ partyId: kempele, role: 'admin' }], { displayName: 'Kaisa Kempele-Admin' });
  ouluAdmin = await createTestActor(db, [{ partyId: oulu, role: 'admin' }], { displayName: 'Olli Oulu-Admin' });
  platformAdmin = await createTestActor(db, [], { isPlatformAdmin: true, displayName: 'Pia Platform' });
  // 2026-11-20 23:30 Helsinki (21:30Z) and 2026-11-21 00:30 Helsinki (22:30Z): different days in Helsinki.
  await addPartyBody(testCtx(db, kempeleAdmin, fixedClock('2026-11-20T21:30:00Z')), kempele, { kind: 'kunnanhallitus', nameFi: 'Kunnanhallitus' });
  await addPartyBody(testCtx(db, kempeleAdmin, fixedClock('2026-11-20T22:30:00Z')), kempele, { kind: 'kunnanvaltuusto', nameFi: 'Kunnanvaltuusto' });
  const p = (await getParty(testCtx(db), oulu)).party;
  await updateParty(testCtx(db, ouluAdmin, fixedClock('2026-11-22T08:00:00Z')), oulu, {
    rowVersion: p.rowVersion,
    nameFi: p.name.fi,
    nameSv: p.name.sv,
    nameEn: p.name.en,
    language: p.language,
    businessId: p.businessId ?? '',
    email: 'kirjaamo@ouka.fi',
  });
});
afterAll(async () => db?.close());

describe('who may browse the audit trail', () => {
  it('a party administrator sees only their own party’s events, never another party’s or platform events', async () => {
    const page = await listAuditEvents(testCtx(db, kempeleAdmin), { limit: 200 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.party?.id === kempele)).toBe(true);
    expect(page.items.map((e) => e.action)).toContain('party_body.create');
    expect(page.items.some((e) => e.action === 'party.update')).toBe(false);
    await expect(listAuditEvents(testCtx(db, kempeleAdmin), { party: oulu })).rejects.toMatchObject({ kind: 'forbidden' });
    // The Oulu administrator sees Oulu's change, with before and after.
    const ouluPage = await listAuditEvents(testCtx(db, ouluAdmin), { action: 'party.update' });
    expect(ouluPage.items).toHaveLength(1);
    expect(ouluPage.items[0]).toMatchObject({
      party: { id: oulu, name: { fi: 'Oulu' } },
      actor: { label: 'Olli Oulu-Admin', userId: ouluAdmin.userId },
      target: { type: 'party', id: oulu, label: 'Oulu' },
      before: { email: null },
      after: { email: 'kirjaamo@ouka.fi' },
    });
  });

  it('editors, approvers and viewers cannot browse it; the public must sign in', async () => {
    for (const role of ['editor', 'approver', 'viewer'] as const) {
      const actor = await createTestActor(db, [{ partyId: kempele, role }]);
      await expect(listAuditEvents(testCtx(db, actor), {})).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(listAuditEvents(testCtx(db, actor), { party: kempele })).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(listAuditScope(testCtx(db, actor))).rejects.toMatchObject({ kind: 'forbidden' });
    }
    await expect(listAuditEvents(testCtx(db, { kind: 'public' }), {})).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('an admin API token reads its own party only; a viewer token is refused', async () => {
    const token: Actor = { kind: 'token', tokenId: '00000000-0000-4000-8000-000000000001', name: 'k', partyId: kempele, role: 'admin' };
    const page = await listAuditEvents(testCtx(db, token), {});
    expect(page.items.every((e) => e.party?.id === kempele)).toBe(true);
    await expect(listAuditEvents(testCtx(db, { ...token, role: 'viewer' }), {})).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('a platform administrator sees every party and the platform events, and may pick any party', async () => {
    const all = await listAuditEvents(testCtx(db, platformAdmin), { limit: 200 });
    const parties = new Set(all.items.map((e) => e.party?.id ?? null));
    expect(parties.has(kempele) && parties.has(oulu) && parties.has(null)).toBe(true);
    expect(all.items.map((e) => e.action)).toContain('user.create');
    const onlyOulu = await listAuditEvents(testCtx(db, platformAdmin), { party: oulu });
    expect(onlyOulu.items.every((e) => e.party?.id === oulu)).toBe(true);
    const scope = await listAuditScope(testCtx(db, platformAdmin));
    expect(scope.all).toBe(true);
    expect(scope.parties.length).toBeGreaterThan(300);
  });

  it('a party administrator of several parties chooses among theirs', async () => {
    const both = await createTestActor(db, [
      { partyId: kempele, role: 'admin' },
      { partyId: oulu, role: 'admin' },
      { partyId: await partyIdByCode(db, '425'), role: 'editor' },
    ]);
    const scope = await listAuditScope(testCtx(db, both));
    expect(scope.all).toBe(false);
    expect(scope.parties.map((p) => p.name.fi).sort()).toEqual(['Kempele', 'Oulu']);
    const page = await listAuditEvents(testCtx(db, both), { limit: 200 });
    expect(new Set(page.items.map((e) => e.party?.id))).toEqual(new Set([kempele, oulu]));
  });
});

describe('filters and pages', () => {
  it('filters by action prefix, actor text and target type', async () => {
    const ctx = testCtx(db, platformAdmin);
    const bodies = await listAuditEvents(ctx, { action: 'party_body', party: kempele });
    expect(bodies.items.map((e) => e.action)).toEqual(['party_body.create', 'party_body.create']);
    expect(bodies.items.map((e) => e.target.label)).toEqual(['Kunnanvaltuusto', 'Kunnanhallitus']);
    // 'party.' is a literal prefix: it does not match party_body.*
    const partyOnly = await listAuditEvents(ctx, { action: 'party.', party: kempele });
    expect(partyOnly.items.every((e) => e.action.startsWith('party.'))).toBe(true);
    // '_' is not a wildcard: 'party_' matches party_body.* only
    const underscore = await listAuditEvents(ctx, { action: 'party_', limit: 200 });
    expect(underscore.items.every((e) => e.action.startsWith('party_'))).toBe(true);
    const byActor = await listAuditEvents(ctx, { actor: 'oulu-ADMIN' });
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e) => e.actor.label === 'Olli Oulu-Admin')).toBe(true);
    const byTarget = await listAuditEvents(ctx, { targetType: 'party_body', party: kempele });
    expect(byTarget.total).toBe(2);
    // A GET form sends empty fields: they mean "no filter".
    const blank = await listAuditEvents(ctx, { party: '', action: '', actor: '', targetType: '', from: '', to: '', limit: '', offset: '' });
    expect(blank.total).toBe((await listAuditEvents(ctx, {})).total);
  });

  it('uses Helsinki calendar days for from/to (23:30 and 00:30 fall on different days)', async () => {
    const ctx = testCtx(db, kempeleAdmin);
    const day21 = await listAuditEvents(ctx, { action: 'party_body', from: '2026-11-21', to: '2026-11-21' });
    expect(day21.items.map((e) => e.target.label)).toEqual(['Kunnanvaltuusto']);
    const day20 = await listAuditEvents(ctx, { action: 'party_body', to: '2026-11-20' });
    expect(day20.items.map((e) => e.target.label)).toEqual(['Kunnanhallitus']);
    const from22 = await listAuditEvents(ctx, { action: 'party_body', from: '2026-11-22' });
    expect(from22.total).toBe(0);
  });

  it('rejects bad filters with the field named', async () => {
    const ctx = testCtx(db, kempeleAdmin);
    await expect(listAuditEvents(ctx, { from: '2026-02-30' })).rejects.toMatchObject({ kind: 'invalid', issues: [{ field: 'from', code: 'invalid_date' }] });
    await expect(listAuditEvents(ctx, { from: '2026-11-22', to: '2026-11-01' })).rejects.toMatchObject({
      issues: [{ field: 'to', code: 'date_range_reversed' }],
    });
    await expect(listAuditEvents(ctx, { party: 'x' })).rejects.toMatchObject({ issues: [{ field: 'party', code: 'invalid_uuid' }] });
    await expect(listAuditEvents(ctx, { action: "party'; --" })).rejects.toMatchObject({ issues: [{ field: 'action', code: 'invalid_action' }] });
    await expect(listAuditEvents(ctx, { limit: 1000 })).rejects.toMatchObject({ issues: [{ field: 'limit' }] });
  });

  it('pages newest first without gaps or repeats', async () => {
    const ctx = testCtx(db, platformAdmin);
    const all = await listAuditEvents(ctx, { limit: 200 });
    const times = all.items.map((e) => e.occurredAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const p1 = await listAuditEvents(ctx, { limit: 3 });
    const p2 = await listAuditEvents(ctx, { limit: 3, offset: 3 });
    expect(p1.total).toBe(all.total);
    expect([...p1.items, ...p2.items].map((e) => e.id)).toEqual(all.items.slice(0, 6).map((e) => e.id));
  });
});
