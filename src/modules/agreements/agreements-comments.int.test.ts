import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#platform/actor.ts';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from '../../../tests/support/db.ts';
import {
  addComment,
  addSection,
  answerComment,
  closeCommentRound,
  createAgreement,
  getAgreement,
  getCommentRound,
  openCommentRound,
  publishVersion,
  recordPresentation,
  replaceStatement,
  summariseComments,
  updateSection,
  withdrawComment,
  getAgreementForEdit,
  type Agreement,
} from './index.ts';

let db: Db;
const ids: Record<string, string> = {};
let countyEditor: Actor;
let ouluEditor: Actor;
let ouluViewer: Actor;
let kempeleApprover: Actor;
let liittoAdmin: Actor;
let tampereEditor: Actor;
const PUBLIC: Actor = { kind: 'public' };
// The Pohjois-Pohjanmaa timetable: version presented 14.9.2023, comments by 15.10.2023.
const clock = fixedClock('2023-09-15T09:00:00Z');
const ctxOf = (actor: Actor) => testCtx(db, actor, clock);

beforeAll(async () => {
  db = await createTestDb();
  for (const code of ['HVA19', '564', '244', 'MK17', '837']) ids[code] = await partyIdByCode(db, code);
  countyEditor = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'editor' }], { displayName: 'HVA valmistelija' });
  ouluEditor = await createTestActor(db, [{ partyId: ids['564']!, role: 'editor' }], { displayName: 'Oulun valmistelija' });
  ouluViewer = await createTestActor(db, [{ partyId: ids['564']!, role: 'viewer' }]);
  kempeleApprover = await createTestActor(db, [{ partyId: ids['244']!, role: 'approver' }], { displayName: 'Kempeleen kirjaaja' });
  liittoAdmin = await createTestActor(db, [{ partyId: ids.MK17!, role: 'admin' }]);
  tampereEditor = await createTestActor(db, [{ partyId: ids['837']!, role: 'editor' }]);
});
afterAll(async () => db?.close());

async function agreementInDraft(): Promise<{ a: Agreement; sectionId: string }> {
  clock.set('2023-09-14T09:00:00Z');
  const ctx = ctxOf(countyEditor);
  const a = await createAgreement(ctx, 'HVA19', { titleFi: 'Pohjois-Pohjanmaan strateginen yhteistyösopimus', validFrom: '2024-01-01', sectionKeys: ['principles', 'costs'] });
  await publishVersion(ctx, a.id, { label: 'Kuntajohtajafoorumi 14.9.2023' });
  const sectionId = (await getAgreementForEdit(ctx, a.id)).sections[1]!.id;
  return { a, sectionId };
}

const status = async (id: string) => (await getAgreement(ctxOf(countyEditor), id)).agreement.status;

describe('status transitions of the first half', () => {
  it('draft → comment_round → draft, and refuses the illegal ones with agreements.illegal_transition', async () => {
    const { a } = await agreementInDraft();
    const ctx = ctxOf(countyEditor);
    await expect(closeCommentRound(ctx, a.id, { rowVersion: 1 })).rejects.toMatchObject({ code: 'agreements.illegal_transition' }); // draft → draft
    const round = await openCommentRound(ctx, a.id, { versionNumber: 1, deadline: '2023-10-15' });
    expect(await status(a.id)).toBe('comment_round');
    expect(round).toMatchObject({ versionNumber: 1, deadline: '2023-10-15', closedAt: null });
    await expect(openCommentRound(ctx, a.id, { versionNumber: 1, deadline: '2023-10-20' })).rejects.toMatchObject({ code: 'agreements.illegal_transition' });
    await closeCommentRound(ctx, a.id, { rowVersion: round.rowVersion });
    expect(await status(a.id)).toBe('draft');
    const actions = await db.query<{ action: string; summary: { before: { status: string }; after: { status: string } } }>(
      `SELECT action, summary FROM audit_event WHERE target_id = $1 AND action LIKE 'agreement.%_comment_round' ORDER BY id`,
      [a.id],
    );
    expect(actions.map((r) => [r.action, r.summary.before.status, r.summary.after.status])).toEqual([
      ['agreement.open_comment_round', 'draft', 'comment_round'],
      ['agreement.close_comment_round', 'comment_round', 'draft'],
    ]);
  });

  it('refuses to open a round, edit or publish once the agreement has gone to approval', async () => {
    const { a, sectionId } = await agreementInDraft();
    const ctx = ctxOf(countyEditor);
    await db.query(`UPDATE agreement SET status = 'in_approval' WHERE id = $1`, [a.id]); // the second half's transition
    await expect(openCommentRound(ctx, a.id, { versionNumber: 1, deadline: '2023-10-15' })).rejects.toMatchObject({ code: 'agreements.illegal_transition' });
    await expect(updateSection(ctx, sectionId, { rowVersion: 1, headingFi: 'X' })).rejects.toMatchObject({ code: 'agreements.not_editable' });
    await expect(publishVersion(ctx, a.id, { label: 'X' })).rejects.toMatchObject({ code: 'agreements.not_editable' });
    await expect(addSection(ctx, a.id, { headingFi: 'X' })).rejects.toMatchObject({ code: 'agreements.not_editable' });
  });

  it('refuses a deadline in the past and a version that does not exist; only the drafting team opens rounds', async () => {
    const { a } = await agreementInDraft();
    await expect(openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 1, deadline: '2023-09-13' })).rejects.toMatchObject({ issues: [{ field: 'deadline', code: 'date_in_past' }] });
    await expect(openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 7, deadline: '2023-10-15' })).rejects.toMatchObject({ issues: [{ field: 'versionNumber', code: 'no_such_version' }] });
    await expect(openCommentRound(ctxOf(ouluEditor), a.id, { versionNumber: 1, deadline: '2023-10-15' })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('commenting', () => {
  it('lets a party comment only for itself, on a section or the whole, and refuses outsiders and viewers', async () => {
    const { a, sectionId } = await agreementInDraft();
    await openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 1, deadline: '2023-10-15' });
    clock.set('2023-10-01T09:00:00Z');
    const c = await addComment(ctxOf(ouluEditor), a.id, { partyId: ids['564'], sectionId, body: 'Yhteisten hankkeiden kustannusjako on kirjattava tarkemmin.' });
    expect(c).toMatchObject({ partyId: ids['564'], kind: 'comment', sectionId, authorName: 'Oulun valmistelija' });
    await addComment(ctxOf(ouluEditor), a.id, { partyId: ids['564'], body: 'Kokonaisuutena hyvä.' });
    await expect(addComment(ctxOf(ouluEditor), a.id, { partyId: ids['244'], body: 'Kempeleen nimissä' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(addComment(ctxOf(tampereEditor), a.id, { partyId: ids['837'], body: 'Ulkopuolinen' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(addComment(ctxOf(ouluViewer), a.id, { partyId: ids['564'], body: 'Katselija' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(addComment(ctxOf(PUBLIC), a.id, { partyId: ids['564'], body: 'Anonyymi' })).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(addComment(ctxOf(ouluEditor), a.id, { partyId: ids['564'], sectionId: '00000000-0000-4000-8000-000000000000', body: 'x' })).rejects.toMatchObject({
      issues: [{ field: 'sectionId', code: 'section_not_in_version' }],
    });
    // Every party sees the comments (here the regional council); outsiders and the public do not.
    expect((await getCommentRound(ctxOf(liittoAdmin), a.id)).comments).toHaveLength(2);
    await expect(getCommentRound(ctxOf(tampereEditor), a.id)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(getCommentRound(ctxOf(PUBLIC), a.id)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('takes one official statement per party: a second is refused, replacing and withdrawing work before the deadline', async () => {
    const { a } = await agreementInDraft();
    await openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 1, deadline: '2023-10-15' });
    clock.set('2023-10-02T09:00:00Z');
    const kempele = ctxOf(kempeleApprover);
    // Whoever records Kempele's decisions files its statement, but does not write comments.
    await expect(addComment(kempele, a.id, { partyId: ids['244'], body: 'kommentti' })).rejects.toMatchObject({ kind: 'forbidden' });
    const first = await addComment(kempele, a.id, { partyId: ids['244'], kind: 'statement', body: 'Kunnanhallitus puoltaa sopimusta.' });
    await expect(addComment(kempele, a.id, { partyId: ids['244'], kind: 'statement', body: 'Toinen lausunto' })).rejects.toMatchObject({ code: 'agreements.statement_already_filed' });
    const second = await replaceStatement(kempele, first.id, { rowVersion: first.rowVersion, body: 'Kunnanhallitus puoltaa sopimusta muutoksin.' });
    expect(second).toMatchObject({ kind: 'statement', replacesId: first.id });
    const view = await getCommentRound(ctxOf(countyEditor), a.id);
    expect(view.comments.find((c) => c.id === first.id)!.withdrawnAt).not.toBeNull();
    expect(view.statementInForce[ids['244']!]).toBe(second.id);
    await withdrawComment(kempele, second.id, { rowVersion: second.rowVersion });
    const third = await addComment(kempele, a.id, { partyId: ids['244'], kind: 'statement', body: 'Lopullinen lausunto.' });
    // Oulu cannot withdraw Kempele's statement.
    await expect(withdrawComment(ctxOf(ouluEditor), third.id, { rowVersion: third.rowVersion })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('refuses new comments after the deadline day in Helsinki, and replacing or withdrawing too', async () => {
    const { a } = await agreementInDraft();
    await openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 1, deadline: '2023-10-15' });
    clock.set('2023-10-15T20:59:00Z'); // 23:59 in Helsinki on the deadline day
    const s = await addComment(ctxOf(kempeleApprover), a.id, { partyId: ids['244'], kind: 'statement', body: 'Viime hetkellä.' });
    clock.set('2023-10-15T21:00:30Z'); // 00:00:30 on the 16th in Helsinki
    await expect(addComment(ctxOf(ouluEditor), a.id, { partyId: ids['564'], body: 'Myöhässä.' })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'agreements.comment_deadline_passed',
    });
    await expect(replaceStatement(ctxOf(kempeleApprover), s.id, { rowVersion: s.rowVersion, body: 'x' })).rejects.toMatchObject({ code: 'agreements.comment_deadline_passed' });
    await expect(withdrawComment(ctxOf(kempeleApprover), s.id, { rowVersion: s.rowVersion })).rejects.toMatchObject({ code: 'agreements.comment_deadline_passed' });
    const round = (await getCommentRound(ctxOf(countyEditor), a.id)).round!;
    expect(round.window).toBe('deadline_passed');
    // Closing the round ends it even before a deadline.
    await closeCommentRound(ctxOf(countyEditor), a.id, { rowVersion: round.rowVersion });
    await expect(addComment(ctxOf(ouluEditor), a.id, { partyId: ids['564'], body: 'x' })).rejects.toMatchObject({ code: 'agreements.no_open_comment_round' });
  });
});

describe('answers and the summary', () => {
  it('the drafting team answers each comment; the summary counts per section and per party', async () => {
    const { a, sectionId } = await agreementInDraft();
    await openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 1, deadline: '2023-10-15' });
    clock.set('2023-10-05T09:00:00Z');
    const c1 = await addComment(ctxOf(ouluEditor), a.id, { partyId: ids['564'], sectionId, body: 'Lisätään maininta yhteisistä hankkeista.' });
    clock.advance(60_000);
    const c2 = await addComment(ctxOf(liittoAdmin), a.id, { partyId: ids.MK17, sectionId, body: '=Liitto ehdottaa; "tarkennusta"' });
    clock.advance(60_000);
    await addComment(ctxOf(kempeleApprover), a.id, { partyId: ids['244'], kind: 'statement', body: 'Puoltaa.' });
    clock.set('2023-10-20T09:00:00Z'); // answering goes on after the deadline
    await expect(answerComment(ctxOf(ouluEditor), c1.id, { rowVersion: c1.rowVersion, answer: 'accepted', reasoning: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(answerComment(ctxOf(countyEditor), c1.id, { rowVersion: c1.rowVersion, answer: 'maybe', reasoning: 'x' })).rejects.toMatchObject({ issues: [{ field: 'answer', code: 'invalid_choice' }] });
    await answerComment(ctxOf(countyEditor), c1.id, { rowVersion: c1.rowVersion, answer: 'accepted', reasoning: 'Lisätty kohtaan Kustannukset.' });
    await answerComment(ctxOf(countyEditor), c2.id, { rowVersion: c2.rowVersion, answer: 'partly_accepted', reasoning: 'Tarkennettu osittain.' });
    await expect(answerComment(ctxOf(countyEditor), c2.id, { rowVersion: c2.rowVersion, answer: 'not_accepted', reasoning: 'vanha lomake' })).rejects.toMatchObject({
      code: 'agreements.edited_by_someone_else',
    });

    const sum = await summariseComments(ctxOf(liittoAdmin), a.id);
    const costs = sum.bySection.find((s) => s.sectionId === sectionId)!;
    expect(costs.tally).toEqual({ comments: 2, statements: 0, accepted: 1, partlyAccepted: 1, notAccepted: 0, unanswered: 0 });
    expect(sum.bySection.find((s) => s.sectionId === null)!.tally).toMatchObject({ statements: 1, unanswered: 1 });
    expect(sum.byParty).toHaveLength(32); // every party, also those that did not comment
    expect(sum.byParty.find((p) => p.party.id === ids['244'])).toMatchObject({ statementFiled: true });
    expect(sum.byParty.find((p) => p.party.code === '069')!.tally.comments).toBe(0);
    expect(sum.rows.map((r) => r.party?.code)).toEqual(['564', 'MK17', '244']);
    await expect(summariseComments(ctxOf(PUBLIC), a.id)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('records that a version was presented in a forum on a date', async () => {
    const { a } = await agreementInDraft();
    await recordPresentation(ctxOf(countyEditor), a.id, { versionNumber: 1, forumName: 'Kuntajohtajafoorumi', presentedOn: '2023-09-14' });
    await expect(recordPresentation(ctxOf(ouluEditor), a.id, { versionNumber: 1, forumName: 'X', presentedOn: '2023-09-14' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(recordPresentation(ctxOf(countyEditor), a.id, { versionNumber: 1, presentedOn: '2023-09-14' })).rejects.toMatchObject({ issues: [{ field: 'forumName', code: 'forum_required' }] });
    await expect(recordPresentation(ctxOf(countyEditor), a.id, { versionNumber: 1, forumName: 'X', presentedOn: '14.9.2023' })).rejects.toMatchObject({ issues: [{ field: 'presentedOn', code: 'invalid_date' }] });
    expect((await getAgreement(ctxOf(countyEditor), a.id)).presentations).toMatchObject([{ versionNumber: 1, forumName: 'Kuntajohtajafoorumi', presentedOn: '2023-09-14' }]);
  });
});
