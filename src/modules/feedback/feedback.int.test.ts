import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#platform/actor.ts';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from '../../../tests/support/db.ts';
import { listAccessibilityFeedback, markFeedbackHandled, submitAccessibilityFeedback } from './index.ts';

let db: Db;
let platformAdmin: Actor & { kind: 'user' };
const PUBLIC: Actor = { kind: 'public' };
const at = (iso: string) => fixedClock(iso);

beforeAll(async () => {
  db = await createTestDb();
  platformAdmin = await createTestActor(db, [], { isPlatformAdmin: true, displayName: 'Pia Platform' });
});
afterAll(async () => db?.close());

describe('accessibility feedback', () => {
  it('anyone can send it without an account; the audit row keeps no personal data', async () => {
    const { id } = await submitAccessibilityFeedback(testCtx(db, PUBLIC, at('2026-11-01T10:00:00Z')), {
      name: 'Maija Meikäläinen',
      email: 'maija@example.fi',
      pageUrl: '/parties',
      message: 'Taulukon otsikot eivät erotu ruudunlukijalla.',
      lang: 'fi',
    });
    const [row] = await db.query<{ name: string; email: string; message: string; lang: string; handled_at: Date | null }>(
      'SELECT name, email, message, lang, handled_at FROM accessibility_feedback WHERE id = $1',
      [id],
    );
    expect(row).toMatchObject({ name: 'Maija Meikäläinen', email: 'maija@example.fi', lang: 'fi', handled_at: null });
    const [audit] = await db.query<{ action: string; actor_label: string; summary: unknown }>(
      'SELECT action, actor_label, summary FROM audit_event WHERE target_id = $1',
      [id],
    );
    expect(audit).toMatchObject({ action: 'accessibility_feedback.create', actor_label: 'public' });
    expect(JSON.stringify(audit!.summary)).not.toMatch(/Maija|maija@|ruudunlukija/);
  });

  it('names the fields at fault and needs only the message', async () => {
    const ctx = testCtx(db, PUBLIC);
    await expect(submitAccessibilityFeedback(ctx, { message: '   ', email: 'ei-osoite' })).rejects.toMatchObject({
      kind: 'invalid',
      issues: expect.arrayContaining([
        expect.objectContaining({ field: 'email', code: 'invalid_email' }),
        expect.objectContaining({ field: 'message', code: 'required' }),
      ]),
    });
    await expect(submitAccessibilityFeedback(ctx, { message: 'x'.repeat(5001) })).rejects.toMatchObject({ issues: [{ field: 'message', code: 'too_big' }] });
    const { id } = await submitAccessibilityFeedback(testCtx(db, PUBLIC, at('2026-11-20T10:00:00Z')), { message: 'Kontrasti on heikko.', name: '', email: '', lang: 'sv' });
    const [row] = await db.query<{ name: string | null; email: string | null; lang: string }>('SELECT name, email, lang FROM accessibility_feedback WHERE id = $1', [id]);
    expect(row).toEqual({ name: null, email: null, lang: 'sv' });
  });

  it('only platform administrators read it: newest first, with age, deadline and overdue warning', async () => {
    const kempele = await partyIdByCode(db, '244');
    const partyAdmin = await createTestActor(db, [{ partyId: kempele, role: 'admin' }]);
    await expect(listAccessibilityFeedback(testCtx(db, partyAdmin), {})).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(listAccessibilityFeedback(testCtx(db, PUBLIC), {})).rejects.toMatchObject({ kind: 'unauthenticated' });
    const list = await listAccessibilityFeedback(testCtx(db, platformAdmin, at('2026-11-23T10:00:00Z')), {});
    expect(list.items.map((f) => f.message)).toEqual(['Kontrasti on heikko.', 'Taulukon otsikot eivät erotu ruudunlukijalla.']);
    expect(list.items[0]).toMatchObject({ ageDays: 3, answerBy: '2026-12-04', overdue: false });
    expect(list.items[1]).toMatchObject({ ageDays: 22, answerBy: '2026-11-15', overdue: true, email: 'maija@example.fi' });
    expect(list).toMatchObject({ total: 2, open: 2, overdue: 1 });
  });

  it('a platform administrator marks it handled (who and when kept, audited); a second time is a conflict', async () => {
    const ctx = testCtx(db, platformAdmin, at('2026-11-23T12:00:00Z'));
    const old = (await listAccessibilityFeedback(ctx, { status: 'open' })).items.find((f) => f.overdue)!;
    const editor = await createTestActor(db, [{ partyId: await partyIdByCode(db, '244'), role: 'editor' }]);
    await expect(markFeedbackHandled(testCtx(db, editor), old.id)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(markFeedbackHandled(testCtx(db, PUBLIC), old.id)).rejects.toMatchObject({ kind: 'unauthenticated' });
    const handled = await markFeedbackHandled(ctx, old.id);
    expect(handled.handled).toEqual({ at: new Date('2026-11-23T12:00:00Z'), by: { userId: platformAdmin.userId, displayName: 'Pia Platform' } });
    expect(handled.overdue).toBe(false);
    const [audit] = await db.query<{ action: string; actor_label: string }>(
      `SELECT action, actor_label FROM audit_event WHERE target_id = $1 AND action = 'accessibility_feedback.handle'`,
      [old.id],
    );
    expect(audit).toEqual({ action: 'accessibility_feedback.handle', actor_label: 'Pia Platform' });
    const other = await createTestActor(db, [], { isPlatformAdmin: true, displayName: 'Toinen Ylläpitäjä' });
    await expect(markFeedbackHandled(testCtx(db, other), old.id)).rejects.toMatchObject({
      code: 'feedback.already_handled',
      details: { current: { handled: { by: { displayName: 'Pia Platform' } } } },
    });
    await expect(markFeedbackHandled(ctx, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ kind: 'not_found' });
    const open = await listAccessibilityFeedback(ctx, { status: 'open' });
    expect(open.items.map((f) => f.id)).not.toContain(old.id);
    expect(open).toMatchObject({ open: 1, overdue: 0 });
    const done = await listAccessibilityFeedback(ctx, { status: 'handled' });
    expect(done.items.map((f) => f.id)).toEqual([old.id]);
  });
});
