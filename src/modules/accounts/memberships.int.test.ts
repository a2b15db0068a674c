import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#platform/db/db.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from '../../../tests/support/db.ts';
import { addPartyMemberByEmail, createUser, grantMembership, listPartyMembers, revokeMembership } from './index.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

describe('a party administrator manages the party’s people', () => {
  it('lists people with roles and e-mail; other parties and non-admins are refused', async () => {
    const party = await partyIdByCode(db, '244');
    const admin = await createTestActor(db, [{ partyId: party, role: 'admin' }], { displayName: 'Aino Admin' });
    await createTestActor(db, [{ partyId: party, role: 'viewer' }], { displayName: 'Ville Viewer' });
    const list = await listPartyMembers(testCtx(db, admin), party);
    expect(list.party.name.fi).toBe('Kempele');
    expect(list.members.map((m) => [m.displayName, m.role])).toEqual([
      ['Aino Admin', 'admin'],
      ['Ville Viewer', 'viewer'],
    ]);
    expect(list.members[0]!.email).toMatch(/@test\.invalid$/);
    expect(list.permittedActions).toEqual(expect.arrayContaining(['membership.grant', 'membership.revoke']));
    await expect(listPartyMembers(testCtx(db, admin), await partyIdByCode(db, '564'))).rejects.toMatchObject({ kind: 'forbidden' });
    const editor = await createTestActor(db, [{ partyId: party, role: 'editor' }]);
    await expect(listPartyMembers(testCtx(db, editor), party)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(listPartyMembers(testCtx(db, { kind: 'public' }), party)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('adds an existing account by e-mail with a role, audited; unknown and existing members are field errors', async () => {
    const party = await partyIdByCode(db, '425');
    const admin = await createTestActor(db, [{ partyId: party, role: 'admin' }]);
    const ctx = testCtx(db, admin);
    await createUser(testCtx(db), { email: 'Eeva.Editor@Example.fi', displayName: 'Eeva Editor' });
    await expect(addPartyMemberByEmail(ctx, party, { email: 'nobody@example.fi', role: 'editor' })).rejects.toMatchObject({
      kind: 'invalid',
      issues: [{ field: 'email', code: 'user_not_found' }],
    });
    await expect(addPartyMemberByEmail(ctx, party, { email: 'x', role: 'boss' })).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ field: 'email' }), expect.objectContaining({ field: 'role', code: 'invalid_choice' })]),
    });
    const added = await addPartyMemberByEmail(ctx, party, { email: ' eeva.editor@example.FI ', role: 'editor' });
    expect(added.displayName).toBe('Eeva Editor');
    expect((await listPartyMembers(ctx, party)).members.find((m) => m.userId === added.userId)?.role).toBe('editor');
    const [audit] = await db.query<{ action: string; summary: unknown }>(
      `SELECT action, summary FROM audit_event WHERE target_id = $1 AND party_id = $2 ORDER BY id DESC LIMIT 1`,
      [added.userId, party],
    );
    expect(audit).toEqual({ action: 'membership.grant', summary: { before: null, after: { role: 'editor' } } });
    await expect(addPartyMemberByEmail(ctx, party, { email: 'eeva.editor@example.fi', role: 'viewer' })).rejects.toMatchObject({
      issues: [{ field: 'email', code: 'already_member' }],
    });
    const outsider = await createTestActor(db, [{ partyId: await partyIdByCode(db, '564'), role: 'admin' }]);
    await expect(addPartyMemberByEmail(testCtx(db, outsider), party, { email: 'eeva.editor@example.fi', role: 'admin' })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('changes a role only if it is still what the page showed', async () => {
    const party = await partyIdByCode(db, '069');
    const admin = await createTestActor(db, [{ partyId: party, role: 'admin' }]);
    const member = await createTestActor(db, [{ partyId: party, role: 'viewer' }]);
    const ctx = testCtx(db, admin);
    await grantMembership(ctx, party, { userId: member.userId, role: 'editor', expectedRole: 'viewer' });
    await expect(grantMembership(ctx, party, { userId: member.userId, role: 'approver', expectedRole: 'viewer' })).rejects.toMatchObject({
      code: 'accounts.membership_changed',
      details: { current: { role: 'editor' } },
    });
    await expect(revokeMembership(ctx, party, member.userId, 'viewer')).rejects.toMatchObject({ code: 'accounts.membership_changed' });
    await revokeMembership(ctx, party, member.userId, 'editor');
    expect((await listPartyMembers(ctx, party)).members.map((m) => m.userId)).toEqual([admin.userId]);
    await expect(revokeMembership(ctx, party, 'not-a-uuid')).rejects.toMatchObject({ kind: 'invalid', issues: [{ field: 'userId' }] });
  });

  it('never lets a party administrator remove or demote the last administrator; a platform administrator may', async () => {
    const party = await partyIdByCode(db, '071');
    const admin = await createTestActor(db, [{ partyId: party, role: 'admin' }]);
    const ctx = testCtx(db, admin);
    await expect(grantMembership(ctx, party, { userId: admin.userId, role: 'viewer' })).rejects.toMatchObject({ code: 'accounts.last_admin' });
    await expect(revokeMembership(ctx, party, admin.userId)).rejects.toMatchObject({ code: 'accounts.last_admin' });
    const second = await createTestActor(db, [{ partyId: party, role: 'admin' }]);
    await revokeMembership(ctx, party, second.userId);
    const platform = await createTestActor(db, [], { isPlatformAdmin: true });
    await revokeMembership(testCtx(db, platform), party, admin.userId);
    expect((await listPartyMembers(testCtx(db, platform), party)).members).toEqual([]);
  });
});
