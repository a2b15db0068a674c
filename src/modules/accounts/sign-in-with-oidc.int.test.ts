import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OidcIdentity } from '#platform/auth/oidc.ts';
import { sha256 } from '#platform/auth/secrets.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, testCtx } from '../../../tests/support/db.ts';
import { createUser, resolveSession, signInWithOidc } from './index.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

const ENTRA = 'https://login.microsoftonline.com/tenant-oulu/v2.0';
const id = (over: Partial<OidcIdentity>): OidcIdentity => ({ issuer: ENTRA, subject: 'sub-1', email: null, emailVerified: false, name: null, ...over });
const link = async (userId: string) =>
  (await db.query<{ oidc_issuer: string | null; oidc_subject: string | null }>('SELECT oidc_issuer, oidc_subject FROM app_user WHERE id = $1', [userId]))[0];

describe('signing in with the organisation’s identity provider', () => {
  it('finds the account by verified e-mail once, binds the identity, then finds it by (issuer, subject)', async () => {
    const ctx = testCtx(db);
    const user = await createUser(ctx, { email: 'Maija.Meikalainen@ouka.fi', displayName: 'Maija Meikäläinen' });
    const first = await signInWithOidc(ctx, id({ subject: 'entra-oid-42', email: 'maija.meikalainen@ouka.fi', emailVerified: true }), 7);
    expect(first.userId).toBe(user.id);
    expect(await link(user.id)).toEqual({ oidc_issuer: ENTRA, oidc_subject: 'entra-oid-42' });
    const session = await resolveSession(db, ctx.clock, first.token);
    expect(session?.user.id).toBe(user.id);
    const row = await db.query<{ auth_method: string }>('SELECT auth_method FROM user_session WHERE id_hash = $1', [sha256(first.token)]);
    expect(row[0]?.auth_method).toBe('oidc');
    // Later sign-ins need no e-mail at all.
    const second = await signInWithOidc(ctx, id({ subject: 'entra-oid-42' }), 7);
    expect(second.userId).toBe(user.id);
    const audit = await db.query<{ action: string; summary: { after: unknown } }>(
      `SELECT action, summary FROM audit_event WHERE target_id = $1 AND action IN ('session.sign_in', 'user.link_oidc') ORDER BY id`,
      [user.id],
    );
    expect(audit.map((a) => [a.action, a.summary.after])).toEqual([
      ['user.link_oidc', { issuer: ENTRA }],
      ['session.sign_in', { method: 'oidc' }],
      ['session.sign_in', { method: 'oidc' }],
    ]);
  });

  it('does not trust an unverified e-mail address', async () => {
    const ctx = testCtx(db);
    const user = await createUser(ctx, { email: 'unverified@ouka.fi', displayName: 'U' });
    await expect(signInWithOidc(ctx, id({ subject: 'x-1', email: 'unverified@ouka.fi', emailVerified: false }), 7)).rejects.toMatchObject({
      code: 'auth.oidc_no_account',
      kind: 'unauthenticated',
    });
    expect(await link(user.id)).toEqual({ oidc_issuer: null, oidc_subject: null });
  });

  it('refuses an unknown person, a second identity for a bound account, and a disabled account', async () => {
    const ctx = testCtx(db);
    await expect(signInWithOidc(ctx, id({ subject: 'nobody', email: 'nobody@ouka.fi', emailVerified: true }), 7)).rejects.toMatchObject({
      code: 'auth.oidc_no_account',
    });
    const user = await createUser(ctx, { email: 'bound@ouka.fi', displayName: 'B' });
    await signInWithOidc(ctx, id({ subject: 'bound-1', email: 'bound@ouka.fi', emailVerified: true }), 7);
    await expect(signInWithOidc(ctx, id({ subject: 'impostor', email: 'bound@ouka.fi', emailVerified: true }), 7)).rejects.toMatchObject({
      code: 'auth.oidc_no_account',
    });
    expect(await link(user.id)).toEqual({ oidc_issuer: ENTRA, oidc_subject: 'bound-1' });
    await db.query('UPDATE app_user SET disabled_at = now() WHERE id = $1', [user.id]);
    await expect(signInWithOidc(ctx, id({ subject: 'bound-1' }), 7)).rejects.toMatchObject({ code: 'auth.oidc_no_account' });
    const sessions = await db.query('SELECT 1 FROM user_session WHERE user_id = $1', [user.id]);
    expect(sessions).toHaveLength(1); // only the first, successful sign-in
  });
});
