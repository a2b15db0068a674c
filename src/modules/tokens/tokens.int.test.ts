import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPartyBody, getParty, updateParty } from '#modules/parties/index.ts';
import { sha256 } from '#platform/auth/secrets.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from '../../../tests/support/db.ts';
import { createApiToken, getTokenOverview, listApiTokens, resolveApiToken, revokeApiToken } from './index.ts';

let db: Db;
let oulu: string;
let liminka: string;
beforeAll(async () => {
  db = await createTestDb();
  oulu = await partyIdByCode(db, '564');
  liminka = await partyIdByCode(db, '425');
});
afterAll(async () => db?.close());

describe('creating API tokens', () => {
  it('returns the secret once and stores only its SHA-256 and a short prefix', async () => {
    const admin = await createTestActor(db, [{ partyId: oulu, role: 'admin' }], { displayName: 'Oulun pääkäyttäjä' });
    const ctx = testCtx(db, admin);
    const { token, secret } = await createApiToken(ctx, oulu, { name: 'Asianhallinta', role: 'editor' });
    expect(secret).toMatch(/^kp_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`${token.prefix}_`)).toBe(true);
    expect(token).toMatchObject({ partyId: oulu, role: 'editor', name: 'Asianhallinta', createdByName: 'Oulun pääkäyttäjä', expiresAt: null, revokedAt: null });

    const rows = await db.query<Record<string, unknown>>('SELECT * FROM api_token WHERE id = $1', [token.id]);
    expect(rows[0]!.token_hash).toBe(sha256(secret));
    const secretPart = secret.slice(token.prefix.length + 1);
    const everything = JSON.stringify(await db.query('SELECT * FROM api_token')) + JSON.stringify(await db.query('SELECT * FROM audit_event'));
    expect(everything).not.toContain(secretPart);
    expect(everything).toContain(token.prefix);

    const audit = await db.query<{ action: string; party_id: string }>(`SELECT action, party_id FROM audit_event WHERE target_id = $1`, [token.id]);
    expect(audit).toEqual([{ action: 'api_token.create', party_id: oulu }]);
  });

  it('is allowed only to that party’s administrators and platform administrators — never to a token', async () => {
    const ouluAdmin = await createTestActor(db, [{ partyId: oulu, role: 'admin' }]);
    const ouluEditor = await createTestActor(db, [{ partyId: oulu, role: 'editor' }]);
    const platform = await createTestActor(db, [], { isPlatformAdmin: true });
    const input = { name: 'X', role: 'viewer' };
    await expect(createApiToken(testCtx(db, ouluAdmin), liminka, input)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(createApiToken(testCtx(db, ouluEditor), oulu, input)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(createApiToken(testCtx(db, { kind: 'public' }), oulu, input)).rejects.toMatchObject({ kind: 'unauthenticated' });
    const { secret } = await createApiToken(testCtx(db, platform), liminka, { name: 'Admin token', role: 'admin' });
    const tokenActor = (await resolveApiToken(db, testCtx(db).clock, secret))!;
    expect(tokenActor).toMatchObject({ kind: 'token', partyId: liminka, role: 'admin' });
    await expect(createApiToken(testCtx(db, tokenActor), liminka, input)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(listApiTokens(testCtx(db, tokenActor), liminka)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('validates name, role and expiry day', async () => {
    const ctx = testCtx(db, await createTestActor(db, [{ partyId: oulu, role: 'admin' }]));
    await expect(createApiToken(ctx, oulu, { name: ' ', role: 'owner', expiresOn: '23.11.2027' })).rejects.toMatchObject({
      kind: 'invalid',
      issues: [
        { field: 'name', code: 'required' },
        { field: 'role', code: 'invalid_choice' },
        { field: 'expiresOn', code: 'invalid_date' },
      ],
    });
    // The test clock says 2026-11-23 (Helsinki).
    await expect(createApiToken(ctx, oulu, { name: 'Old', role: 'viewer', expiresOn: '2026-11-22' })).rejects.toMatchObject({
      issues: [{ field: 'expiresOn', code: 'date_in_past' }],
    });
  });
});

describe('a token acts for one party with one role', () => {
  it('an editor token of Oulu cannot act for Liminka nor as Oulu’s administrator', async () => {
    const admin = await createTestActor(db, [{ partyId: oulu, role: 'admin' }]);
    const { secret } = await createApiToken(testCtx(db, admin), oulu, { name: 'Editor token', role: 'editor' });
    const actor = (await resolveApiToken(db, testCtx(db).clock, secret))!;
    const ctx = testCtx(db, actor);
    await expect(addPartyBody(ctx, liminka, { kind: 'kunnanhallitus', nameFi: 'Kunnanhallitus' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(addPartyBody(ctx, oulu, { kind: 'kunnanhallitus', nameFi: 'Kaupunginhallitus' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(listApiTokens(ctx, oulu)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(listApiTokens(ctx, liminka)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('an admin token acts for its own party, and the audit names the token', async () => {
    const admin = await createTestActor(db, [{ partyId: liminka, role: 'admin' }]);
    const { token, secret } = await createApiToken(testCtx(db, admin), liminka, { name: 'Integraatio', role: 'admin' });
    const ctx = testCtx(db, (await resolveApiToken(db, testCtx(db).clock, secret))!);
    const body = await addPartyBody(ctx, liminka, { kind: 'kunnanhallitus', nameFi: 'Kunnanhallitus' });
    await expect(addPartyBody(ctx, oulu, { kind: 'kunnanhallitus', nameFi: 'X' })).rejects.toMatchObject({ kind: 'forbidden' });
    const p = (await getParty(ctx, oulu)).party;
    await expect(updateParty(ctx, oulu, { rowVersion: p.rowVersion, nameFi: 'X', nameSv: p.name.sv, nameEn: p.name.en, language: p.language })).rejects.toMatchObject({ kind: 'forbidden' });
    const audit = await db.query<{ actor_token_id: string; actor_label: string }>(`SELECT actor_token_id, actor_label FROM audit_event WHERE target_id = $1`, [body.id]);
    expect(audit).toEqual([{ actor_token_id: token.id, actor_label: 'token:Integraatio' }]);
  });
});

describe('revocation, expiry and use', () => {
  it('a revoked token is refused at once; revoking again changes nothing', async () => {
    const admin = await createTestActor(db, [{ partyId: oulu, role: 'admin' }]);
    const ctx = testCtx(db, admin);
    const { token, secret } = await createApiToken(ctx, oulu, { name: 'Short-lived', role: 'viewer' });
    expect(await resolveApiToken(db, ctx.clock, secret)).toBeDefined();
    const revoked = await revokeApiToken(ctx, token.id);
    expect(revoked.revokedAt).toEqual(ctx.clock.now());
    expect(await resolveApiToken(db, ctx.clock, secret)).toBeUndefined();
    await revokeApiToken(ctx, token.id);
    const audit = await db.query(`SELECT 1 FROM audit_event WHERE target_id = $1 AND action = 'api_token.revoke'`, [token.id]);
    expect(audit).toHaveLength(1);
    // Someone else's administrator cannot revoke it: to them it is not found, like an unknown id.
    const other = testCtx(db, await createTestActor(db, [{ partyId: liminka, role: 'admin' }]));
    await expect(revokeApiToken(other, token.id)).rejects.toMatchObject({ kind: 'not_found', code: 'tokens.not_found' });
    await expect(revokeApiToken(ctx, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'tokens.not_found' });
  });

  it('works through its last day (Helsinki time) and is refused from the next midnight', async () => {
    const ctx = testCtx(db, await createTestActor(db, [{ partyId: oulu, role: 'admin' }]));
    const { token, secret } = await createApiToken(ctx, oulu, { name: 'Until Friday', role: 'viewer', expiresOn: '2026-11-27' });
    expect(token.expiresAt?.toISOString()).toBe('2026-11-27T22:00:00.000Z'); // 28.11. 00:00 EET
    const clock = testCtx(db).clock;
    clock.set('2026-11-27T21:59:00Z');
    expect(await resolveApiToken(db, clock, secret)).toBeDefined();
    clock.set('2026-11-27T22:00:00Z');
    expect(await resolveApiToken(db, clock, secret)).toBeUndefined();
    const summer = await createApiToken(ctx, oulu, { name: 'Summer', role: 'viewer', expiresOn: '2027-07-01' });
    expect(summer.token.expiresAt?.toISOString()).toBe('2027-07-01T21:00:00.000Z'); // EEST
  });

  it('refuses unknown and malformed secrets', async () => {
    const clock = testCtx(db).clock;
    expect(await resolveApiToken(db, clock, 'kp_00000000_' + 'a'.repeat(43))).toBeUndefined();
    expect(await resolveApiToken(db, clock, 'not-a-token')).toBeUndefined();
  });

  it('records last use at most once a minute', async () => {
    const ctx = testCtx(db, await createTestActor(db, [{ partyId: oulu, role: 'admin' }]));
    const { token, secret } = await createApiToken(ctx, oulu, { name: 'Busy', role: 'viewer' });
    const lastUsed = async () => (await db.query<{ last_used_at: Date | null }>('SELECT last_used_at FROM api_token WHERE id = $1', [token.id]))[0]!.last_used_at;
    const clock = testCtx(db).clock;
    expect(await lastUsed()).toBeNull();
    await resolveApiToken(db, clock, secret);
    const first = clock.now();
    expect(await lastUsed()).toEqual(first);
    clock.advance(30_000);
    await resolveApiToken(db, clock, secret);
    expect(await lastUsed()).toEqual(first);
    clock.advance(31_000);
    await resolveApiToken(db, clock, secret);
    expect(await lastUsed()).toEqual(clock.now());
  });
});

describe('the token overview', () => {
  it('lists the parties the user administers and the chosen party’s tokens, revoked ones included', async () => {
    const admin = await createTestActor(db, [
      { partyId: oulu, role: 'admin' },
      { partyId: liminka, role: 'admin' },
    ]);
    const ctx = testCtx(db, admin);
    const a = await createApiToken(ctx, liminka, { name: 'First', role: 'viewer' });
    ctx.clock.advance(1000);
    await createApiToken(ctx, liminka, { name: 'Second', role: 'approver' });
    await revokeApiToken(ctx, a.token.id);
    const none = await getTokenOverview(ctx, null);
    expect(none.parties.map((p) => p.name.fi)).toEqual(['Liminka', 'Oulu']);
    expect(none.partyId).toBeNull();
    const chosen = await getTokenOverview(ctx, liminka);
    expect(chosen.tokens.filter((t) => ['First', 'Second'].includes(t.name)).map((t) => [t.name, t.status])).toEqual([
      ['Second', 'active'],
      ['First', 'revoked'],
    ]);
    // A party the user does not administer is not shown.
    expect((await getTokenOverview(ctx, await partyIdByCode(db, '091'))).partyId).toBeNull();
    const viewer = testCtx(db, await createTestActor(db, [{ partyId: oulu, role: 'viewer' }]));
    await expect(getTokenOverview(viewer, oulu)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(getTokenOverview(testCtx(db, { kind: 'public' }), null)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });
});
