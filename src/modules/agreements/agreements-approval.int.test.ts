import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#platform/actor.ts';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestActor, createTestDb, partyIdByCode, SYSTEM, testCtx } from '../../../tests/support/db.ts';
import {
  addComment,
  createAgreement,
  getAgreement,
  getApprovalOverview,
  getPartyApproval,
  getVersion,
  listAgreements,
  openCommentRound,
  publishVersion,
  recordDecision,
  returnToDraft,
  saveApprovalChain,
  sendToApproval,
  signAgreement,
  updateAgreementStatuses,
  updateSection,
  type Agreement,
} from './index.ts';

let db: Db;
const ids: Record<string, string> = {};
let countyEditor: Actor;
let countyApprover: Actor;
let countyAdmin: Actor;
let kempeleApprover: Actor;
let kempeleAdmin: Actor;
let kempeleEditor: Actor;
let kempeleViewer: Actor;
let liittoApprover: Actor;
let ouluApprover: Actor;
let platformAdmin: Actor;
const clock = fixedClock('2023-09-14T09:00:00Z');
const ctxOf = (actor: Actor) => testCtx(db, actor, clock);

beforeAll(async () => {
  db = await createTestDb();
  for (const code of ['HVA19', '244', 'MK17', '564']) ids[code] = await partyIdByCode(db, code);
  countyEditor = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'editor' }], { displayName: 'HVA valmistelija' });
  countyApprover = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'approver' }], { displayName: 'HVA kirjaaja' });
  countyAdmin = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'admin' }], { displayName: 'HVA pääkäyttäjä' });
  kempeleApprover = await createTestActor(db, [{ partyId: ids['244']!, role: 'approver' }], { displayName: 'Kempeleen kirjaaja' });
  kempeleAdmin = await createTestActor(db, [{ partyId: ids['244']!, role: 'admin' }], { displayName: 'Kempeleen pääkäyttäjä' });
  kempeleEditor = await createTestActor(db, [{ partyId: ids['244']!, role: 'editor' }]);
  kempeleViewer = await createTestActor(db, [{ partyId: ids['244']!, role: 'viewer' }]);
  liittoApprover = await createTestActor(db, [{ partyId: ids.MK17!, role: 'approver' }], { displayName: 'Liiton kirjaaja' });
  ouluApprover = await createTestActor(db, [{ partyId: ids['564']!, role: 'approver' }]);
  platformAdmin = await createTestActor(db, [], { isPlatformAdmin: true });
  await db.query(`UPDATE app_user SET title = 'hallintojohtaja' WHERE display_name = 'Kempeleen kirjaaja'`);
});
afterAll(async () => db?.close());

/** County + Kempele + the regional council; v1 published on 14.9.2023. */
async function threeParties(f: { validFrom?: string; validUntil?: string; predecessorId?: string } = {}): Promise<Agreement> {
  clock.set('2023-09-14T09:00:00Z');
  const ctx = ctxOf(countyEditor);
  const a = await createAgreement(ctx, 'HVA19', {
    titleFi: 'Pohjois-Pohjanmaan strateginen yhteistyösopimus',
    titleSv: 'Strategiskt samarbetsavtal i Norra Österbotten',
    validFrom: f.validFrom ?? '2024-01-01',
    validUntil: f.validUntil,
    predecessorId: f.predecessorId,
    partyIds: [ids.HVA19, ids['244'], ids.MK17],
    sectionKeys: ['principles', 'validity'],
  });
  await publishVersion(ctx, a.id, { label: 'Kuntajohtajafoorumi 14.9.2023' });
  return a;
}

const stepId = async (agreementId: string, party: string, position: number) =>
  (await getPartyApproval(ctxOf(countyEditor), agreementId, ids[party]!)).approval.chain.find((s) => s.position === position)!.id!;

/** Records the final approval of each party (the last step of the default chain) on `version`. */
async function approveAll(agreementId: string, version: number, on: string) {
  await recordDecision(ctxOf(countyApprover), agreementId, { partyId: ids.HVA19, stepId: await stepId(agreementId, 'HVA19', 2), versionNumber: version, meetingDate: on, section: '89', outcome: 'approved' });
  await recordDecision(ctxOf(kempeleApprover), agreementId, { partyId: ids['244'], stepId: await stepId(agreementId, '244', 2), versionNumber: version, meetingDate: on, outcome: 'approved' });
  await recordDecision(ctxOf(liittoApprover), agreementId, { partyId: ids.MK17, stepId: await stepId(agreementId, 'MK17', 1), versionNumber: version, meetingDate: on, outcome: 'approved' });
}

const sha = async (agreementId: string) => (await getApprovalOverview(ctxOf(countyEditor), agreementId)).approvalVersion!.sha256;
const wetInk = (party: string, hash: string, signedOn: string, name = 'Johtaja') => ({
  partyId: ids[party],
  sha256: hash,
  method: 'wet_ink',
  signerName: name,
  signerTitle: 'johtaja',
  signedOn,
  place: 'Oulu',
  reference: 'arkisto 12/2023',
});

async function signAll(agreementId: string, dates: [string, string, string]) {
  const hash = await sha(agreementId);
  await signAgreement(ctxOf(countyApprover), agreementId, wetInk('HVA19', hash, dates[0]));
  await signAgreement(ctxOf(kempeleApprover), agreementId, wetInk('244', hash, dates[1]));
  await signAgreement(ctxOf(liittoApprover), agreementId, wetInk('MK17', hash, dates[2]));
}

const status = async (id: string) => (await getAgreement(ctxOf(SYSTEM), id)).agreement.status;
const storedStatus = async (id: string) => (await db.query<{ status: string }>('SELECT status FROM agreement WHERE id = $1', [id]))[0]!.status;

describe('lifecycle: into approval and back', () => {
  it('draft → in_approval with the newest version; default chains saved; the version is public from then on', async () => {
    const a = await threeParties();
    await publishVersion(ctxOf(countyEditor), a.id, { label: 'Yhteistyöfoorumi 6.11.2023' });
    await expect(sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 })).rejects.toMatchObject({ issues: [{ field: 'versionNumber', code: 'not_latest_version' }] });
    await expect(sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 9 })).rejects.toMatchObject({ issues: [{ field: 'versionNumber', code: 'no_such_version' }] });
    await expect(getVersion(testCtx(db, { kind: 'public' }, clock), a.id, 2)).rejects.toMatchObject({ kind: 'not_found' });
    const sent = await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 2 });
    expect(sent.status).toBe('in_approval');
    expect(sent.approvalVersionId).not.toBeNull();
    expect((await getVersion(testCtx(db, { kind: 'public' }, clock), a.id, 2)).version.isPublic).toBe(true);
    const saved = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM agreement_approval_step WHERE agreement_id = $1 AND removed_at IS NULL', [a.id]);
    expect(saved[0]!.n).toBe(5); // county 2 + Kempele 2 + regional council 1
    // Illegal from here: a second send, a comment round, editing the draft.
    await expect(sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 2 })).rejects.toMatchObject({ code: 'agreements.illegal_transition' });
    await expect(openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 2, deadline: '2023-12-31' })).rejects.toMatchObject({ code: 'agreements.illegal_transition' });
    await expect(publishVersion(ctxOf(countyEditor), a.id, { label: 'x' })).rejects.toMatchObject({ code: 'agreements.not_editable' });
    const audit = await db.query<{ summary: { before: { status: string }; after: { status: string; version: number } } }>(
      `SELECT summary FROM audit_event WHERE target_id = $1 AND action = 'agreement.send_to_approval'`,
      [a.id],
    );
    expect(audit.map((r) => [r.summary.before.status, r.summary.after.status, r.summary.after.version])).toEqual([['draft', 'in_approval', 2]]);
  });

  it('comment_round → in_approval closes the open round', async () => {
    const a = await threeParties();
    await openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 1, deadline: '2023-10-15' });
    clock.set('2023-10-20T09:00:00Z');
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    const open = await db.query('SELECT id FROM agreement_comment_round WHERE agreement_id = $1 AND closed_at IS NULL', [a.id]);
    expect(open).toHaveLength(0);
    expect(await status(a.id)).toBe('in_approval');
  });

  it('in_approval → draft while nothing is finally approved; then refused after a final approval, until a body asks for changes', async () => {
    const a = await threeParties();
    await expect(returnToDraft(ctxOf(countyEditor), a.id, { reason: 'x' })).rejects.toMatchObject({ code: 'agreements.illegal_transition' }); // draft → draft
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    await expect(returnToDraft(ctxOf(countyEditor), a.id, {})).rejects.toMatchObject({ issues: [{ field: 'reason', code: 'required' }] });
    // A proposal (not the final approval) does not block.
    clock.set('2023-11-20T09:00:00Z');
    await recordDecision(ctxOf(countyApprover), a.id, { partyId: ids.HVA19, stepId: await stepId(a.id, 'HVA19', 1), versionNumber: 1, meetingDate: '2023-11-14', outcome: 'approved' });
    await returnToDraft(ctxOf(countyEditor), a.id, { reason: 'Kuntajohtajat pyysivät lisäyksen kuljetuksiin.' });
    expect(await status(a.id)).toBe('draft');
    // Editing the draft works again; the new version goes to approval.
    await publishVersion(ctxOf(countyEditor), a.id, { label: 'Korjattu 21.11.2023' });
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 2 });
    clock.set('2023-12-20T09:00:00Z');
    await recordDecision(ctxOf(kempeleApprover), a.id, { partyId: ids['244'], stepId: await stepId(a.id, '244', 2), versionNumber: 2, meetingDate: '2023-12-18', outcome: 'approved' });
    await expect(returnToDraft(ctxOf(countyEditor), a.id, { reason: 'x' })).rejects.toMatchObject({ code: 'agreements.approvals_exist' });
    expect((await getApprovalOverview(ctxOf(countyEditor), a.id)).returnBlocked).toBe('agreements.approvals_exist');
    await recordDecision(ctxOf(liittoApprover), a.id, { partyId: ids.MK17, stepId: await stepId(a.id, 'MK17', 1), versionNumber: 2, meetingDate: '2023-12-19', outcome: 'returned_for_preparation' });
    await returnToDraft(ctxOf(countyEditor), a.id, { reason: 'Maakuntahallitus palautti valmisteluun.' });
    const rounds = (await getApprovalOverview(ctxOf(countyEditor), a.id)).rounds;
    expect(rounds.map((r) => [r.versionNumber, r.returnedAt !== null, r.returnReason])).toEqual([
      [1, true, 'Kuntajohtajat pyysivät lisäyksen kuljetuksiin.'],
      [2, true, 'Maakuntahallitus palautti valmisteluun.'],
    ]);
  });

  it('only the drafting team moves the agreement into approval and back', async () => {
    const a = await threeParties();
    for (const actor of [kempeleAdmin, countyApprover, platformAdmin]) {
      await expect(sendToApproval(ctxOf(actor), a.id, { versionNumber: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
    }
    await expect(sendToApproval(ctxOf({ kind: 'public' }), a.id, { versionNumber: 1 })).rejects.toMatchObject({ kind: 'unauthenticated' });
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    await expect(returnToDraft(ctxOf(kempeleAdmin), a.id, { reason: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('approvals are pinned to versions', () => {
  it('after a new version, earlier approvals show as approvals of the older version and no longer count', async () => {
    const a = await threeParties();
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    clock.set('2023-11-20T09:00:00Z');
    await recordDecision(ctxOf(countyApprover), a.id, {
      partyId: ids.HVA19,
      stepId: await stepId(a.id, 'HVA19', 1),
      versionNumber: 1,
      meetingDate: '2023-11-14',
      section: '§ 143',
      diaryNumber: '485/05.02.00/2023',
      preparer: 'strategiapäällikkö',
      presenter: 'hyvinvointialuejohtaja',
      proposal: 'Aluehallitus esittää aluevaltuustolle, että se hyväksyy sopimuksen.',
      decision: 'Hyväksyttiin yksimielisesti.',
      outcome: 'approved',
      minutesUrl: 'https://pohde.fi/poytakirjat/2023-11-14',
    });
    await recordDecision(ctxOf(liittoApprover), a.id, { partyId: ids.MK17, stepId: await stepId(a.id, 'MK17', 1), versionNumber: 1, meetingDate: '2023-11-15', outcome: 'approved_with_changes' });
    await returnToDraft(ctxOf(countyEditor), a.id, { reason: 'Liiton muutokset' });
    await publishVersion(ctxOf(countyEditor), a.id, { label: 'Liiton muutokset 21.11.2023' });
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 2 });
    // A late record of a handling of version 1 is still accepted (it was sent to approval).
    await recordDecision(ctxOf(kempeleApprover), a.id, { partyId: ids['244'], stepId: await stepId(a.id, '244', 1), versionNumber: 1, meetingDate: '2023-11-13', outcome: 'approved' });
    const o = await getApprovalOverview(ctxOf(countyEditor), a.id);
    const county = o.parties.find((p) => p.party.code === 'HVA19')!;
    expect(county.progress.steps[0]).toMatchObject({ current: null, done: false, older: { versionNumber: 1, section: '143', diaryNumber: '485/05.02.00/2023', outcome: 'approved' } });
    expect(county.decisions).toHaveLength(1);
    expect(o.counts).toEqual({ parties: 3, approved: 0, signed: 0, complete: 0 });
    expect(o.parties.find((p) => p.party.code === 'MK17')!.progress.steps[0]!.older?.outcome).toBe('approved_with_changes');
    // A version that never went to approval cannot be decided on.
    await publishVersion(ctxOf(countyEditor), a.id, { label: 'x' }).catch(() => undefined); // refused: not editable
    await expect(
      recordDecision(ctxOf(kempeleApprover), a.id, { partyId: ids['244'], stepId: await stepId(a.id, '244', 2), versionNumber: 3, meetingDate: '2023-11-13', outcome: 'approved' }),
    ).rejects.toMatchObject({ issues: [{ field: 'versionNumber', code: 'version_not_sent_to_approval' }] });
  });

  it('checks the record: date not in the future, https minutes, § digits, the party’s own current step, a real re-examination', async () => {
    const a = await threeParties();
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    clock.set('2023-11-20T09:00:00Z');
    const kh = await stepId(a.id, '244', 1);
    const base = { partyId: ids['244'], stepId: kh, versionNumber: 1, meetingDate: '2023-11-13', outcome: 'approved' };
    await expect(recordDecision(ctxOf(kempeleApprover), a.id, { ...base, meetingDate: '2023-11-21' })).rejects.toMatchObject({ issues: [{ field: 'meetingDate', code: 'date_in_future' }] });
    await expect(recordDecision(ctxOf(kempeleApprover), a.id, { ...base, minutesUrl: 'http://kempele.fi/pk' })).rejects.toMatchObject({ issues: [{ field: 'minutesUrl', code: 'https_url_required' }] });
    await expect(recordDecision(ctxOf(kempeleApprover), a.id, { ...base, section: 'kolme' })).rejects.toMatchObject({ issues: [{ field: 'section', code: 'invalid_section_number' }] });
    await expect(recordDecision(ctxOf(kempeleApprover), a.id, { ...base, stepId: await stepId(a.id, 'HVA19', 1) })).rejects.toMatchObject({ issues: [{ field: 'stepId', code: 'invalid_choice' }] });
    await expect(recordDecision(ctxOf(kempeleApprover), a.id, { ...base, outcome: 'hyväksytty' })).rejects.toMatchObject({ issues: [{ field: 'outcome', code: 'invalid_choice' }] });
    const first = await recordDecision(ctxOf(kempeleApprover), a.id, base);
    expect(first).toMatchObject({ body: { fi: 'Kunnanhallitus' }, outcome: 'approved', recordedBy: 'Kempeleen kirjaaja' });
    await expect(recordDecision(ctxOf(kempeleApprover), a.id, { ...base, meetingDate: '2023-11-01', reExaminesId: first.id })).rejects.toMatchObject({
      issues: [{ field: 'reExaminesId', code: 'invalid_re_examination' }],
    });
    // Re-examination reverses (cf. Pirkanmaa aluehallitus 20.2.2023 § 43, re-examined 13.3.2023 § 58).
    const again = await recordDecision(ctxOf(kempeleApprover), a.id, { ...base, meetingDate: '2023-11-20', section: '58', outcome: 'rejected', reExaminesId: first.id });
    const mine = (await getPartyApproval(ctxOf(kempeleApprover), a.id, ids['244']!)).approval;
    expect(mine.progress.steps[0]!.current?.id).toBe(again.id);
    expect(mine.progress.changesNeeded).toBe(true);
    // Decisions are never deleted, and only corrected through correctDecision (row_version), in the database too.
    await expect(db.query(`UPDATE agreement_decision SET outcome = 'approved' WHERE id = $1`, [again.id])).rejects.toThrow(/only the record's contents may be corrected/);
    await expect(db.query('DELETE FROM agreement_decision WHERE id = $1', [again.id])).rejects.toThrow(/never deleted/);
  });
});

describe('a party decides and signs only for itself', () => {
  it('recorders of a party record its decisions; not other parties’ recorders, editors, viewers or platform administrators', async () => {
    const a = await threeParties();
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    clock.set('2023-11-20T09:00:00Z');
    const input = { partyId: ids['244'], stepId: await stepId(a.id, '244', 2), versionNumber: 1, meetingDate: '2023-11-13', outcome: 'approved' };
    for (const actor of [countyApprover, kempeleEditor, kempeleViewer, platformAdmin, ouluApprover]) {
      await expect(recordDecision(ctxOf(actor), a.id, input)).rejects.toMatchObject({ kind: 'forbidden' });
    }
    await recordDecision(ctxOf(kempeleAdmin), a.id, input); // an administrator holds the recorder's role too
    const hash = await sha(a.id);
    for (const actor of [countyApprover, kempeleEditor, kempeleViewer, platformAdmin]) {
      await expect(signAgreement(ctxOf(actor), a.id, wetInk('244', hash, '2023-11-20'))).rejects.toMatchObject({ kind: 'forbidden' });
    }
    // Oulu is not a party of this agreement: it cannot act for itself on it either.
    await expect(recordDecision(ctxOf(ouluApprover), a.id, { ...input, partyId: ids['564'] })).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await getPartyApproval(ctxOf(kempeleViewer), a.id, ids['244']!)).actions).toEqual([]);
    expect((await getPartyApproval(ctxOf(kempeleApprover), a.id, ids['244']!)).actions).toEqual(['approval.record_decision', 'approval.sign']);
    expect((await getPartyApproval(ctxOf(kempeleAdmin), a.id, ids.HVA19!)).actions).toEqual([]);
  });

  it('the party’s administrators set its chain and required signatures; stale forms and chains with decisions are refused', async () => {
    const a = await threeParties();
    const view = await getPartyApproval(ctxOf(kempeleAdmin), a.id, ids['244']!);
    expect(view.approval.chainIsDefault).toBe(true);
    const input = {
      rowVersion: '0',
      requiredSignatures: '2',
      'steps.0.body': 'other',
      'steps.0.nameFi': 'Kunnanhallitus',
      'steps.0.role': 'approve',
      'steps.1.body': 'other',
      'steps.1.nameFi': 'Hyvinvointilautakunta',
      'steps.1.role': 'take_note',
      'steps.2.body': '',
    };
    await expect(saveApprovalChain(ctxOf(kempeleApprover), a.id, ids['244']!, input)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(saveApprovalChain(ctxOf(countyAdmin), a.id, ids['244']!, input)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(saveApprovalChain(ctxOf(kempeleAdmin), a.id, ids['244']!, { ...input, 'steps.0.role': 'take_note' })).rejects.toMatchObject({
      issues: [{ field: 'steps', code: 'chain_needs_approver' }],
    });
    await expect(saveApprovalChain(ctxOf(kempeleAdmin), a.id, ids['244']!, { ...input, 'steps.1.nameFi': '' })).rejects.toMatchObject({
      issues: [{ field: 'steps.1.nameFi', code: 'required' }],
    });
    const saved = await saveApprovalChain(ctxOf(kempeleAdmin), a.id, ids['244']!, input);
    expect(saved.chain.map((s) => [s.position, s.body.fi, s.role])).toEqual([
      [1, 'Kunnanhallitus', 'approve'],
      [2, 'Hyvinvointilautakunta', 'take_note'],
    ]);
    expect(saved.requiredSignatures).toBe(2);
    await expect(saveApprovalChain(ctxOf(kempeleAdmin), a.id, ids['244']!, input)).rejects.toMatchObject({ code: 'agreements.edited_by_someone_else' });
    // Sent to approval: Kempele keeps its own chain, the others get their defaults.
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    clock.set('2023-11-20T09:00:00Z');
    const kh = (await getPartyApproval(ctxOf(kempeleAdmin), a.id, ids['244']!)).approval.chain[0]!;
    await recordDecision(ctxOf(kempeleApprover), a.id, { partyId: ids['244'], stepId: kh.id, versionNumber: 1, meetingDate: '2023-11-13', outcome: 'tabled' });
    await expect(saveApprovalChain(ctxOf(kempeleAdmin), a.id, ids['244']!, { ...input, rowVersion: '1' })).rejects.toMatchObject({ code: 'agreements.chain_has_decisions' });
  });
});

describe('signatures', () => {
  it('bind the approval version’s hash, come after the final approval, and stop at the number required', async () => {
    const a = await threeParties({ validFrom: '2024-01-01' });
    await saveApprovalChain(ctxOf(kempeleAdmin), a.id, ids['244']!, {
      rowVersion: 0,
      requiredSignatures: 2,
      steps: [
        { body: 'other', nameFi: 'Kunnanhallitus', nameSv: 'Kommunstyrelsen', role: 'propose' },
        { body: 'other', nameFi: 'Kunnanvaltuusto', nameSv: 'Kommunfullmäktige', role: 'approve' },
      ],
    });
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    clock.set('2023-11-20T09:00:00Z');
    const hash = await sha(a.id);
    await expect(signAgreement(ctxOf(kempeleApprover), a.id, wetInk('244', hash, '2023-11-20'))).rejects.toMatchObject({ code: 'agreements.not_approved_yet' });
    // A proposal is not the final approval.
    await recordDecision(ctxOf(kempeleApprover), a.id, { partyId: ids['244'], stepId: await stepId(a.id, '244', 1), versionNumber: 1, meetingDate: '2023-11-06', outcome: 'approved' });
    await expect(signAgreement(ctxOf(kempeleApprover), a.id, wetInk('244', hash, '2023-11-20'))).rejects.toMatchObject({ code: 'agreements.not_approved_yet' });
    await recordDecision(ctxOf(kempeleApprover), a.id, { partyId: ids['244'], stepId: await stepId(a.id, '244', 2), versionNumber: 1, meetingDate: '2023-11-13', outcome: 'approved' });
    await expect(signAgreement(ctxOf(kempeleApprover), a.id, wetInk('244', 'a'.repeat(64), '2023-11-20'))).rejects.toMatchObject({ code: 'agreements.not_approval_version' });
    await expect(signAgreement(ctxOf(kempeleApprover), a.id, wetInk('244', hash, '2023-11-10'))).rejects.toMatchObject({ issues: [{ field: 'signedOn', code: 'signed_before_approval' }] });
    await expect(signAgreement(ctxOf(kempeleApprover), a.id, wetInk('244', hash, '2023-11-21'))).rejects.toMatchObject({ issues: [{ field: 'signedOn', code: 'date_in_future' }] });
    await expect(signAgreement(ctxOf(kempeleApprover), a.id, { ...wetInk('244', hash, '2023-11-20'), method: 'e_signature', reference: '' })).rejects.toMatchObject({
      issues: [{ field: 'reference', code: 'required' }],
    });
    // In the product: the signer is the signed-in person, today; a token cannot sign in person.
    const mine = await signAgreement(ctxOf(kempeleApprover), a.id, { partyId: ids['244'], sha256: hash, method: 'in_product', place: 'Kempele' });
    expect(mine).toMatchObject({ signerName: 'Kempeleen kirjaaja', signerTitle: 'hallintojohtaja', signedOn: '2023-11-20', sha256: hash, versionNumber: 1 });
    const token: Actor = { kind: 'token', tokenId: '00000000-0000-4000-8000-000000000001', name: 'kempele', partyId: ids['244']!, role: 'approver' };
    await expect(signAgreement(ctxOf(token), a.id, { partyId: ids['244'], sha256: hash, method: 'in_product', place: 'Kempele' })).rejects.toMatchObject({ code: 'agreements.sign_in_person_required' });
    let p = (await getPartyApproval(ctxOf(kempeleApprover), a.id, ids['244']!)).approval.progress;
    expect([p.signatures.length, p.signaturesComplete]).toEqual([1, false]);
    await signAgreement(ctxOf(kempeleApprover), a.id, { ...wetInk('244', hash, '2023-11-17', 'Valtuuston puheenjohtaja'), signerTitle: 'kunnanvaltuuston puheenjohtaja' });
    p = (await getPartyApproval(ctxOf(kempeleApprover), a.id, ids['244']!)).approval.progress;
    expect([p.signatures.length, p.signaturesComplete, p.signedOn, p.complete]).toEqual([2, true, '2023-11-20', true]);
    await expect(signAgreement(ctxOf(kempeleApprover), a.id, wetInk('244', hash, '2023-11-20'))).rejects.toMatchObject({ code: 'agreements.signatures_complete' });
    // The database itself refuses a signature whose hash is not its version's.
    const [version] = await db.query<{ id: string }>('SELECT approval_version_id AS id FROM agreement WHERE id = $1', [a.id]);
    await expect(
      db.query(
        `INSERT INTO agreement_signature (agreement_id, party_id, version_id, sha256, method, signer_name, signer_title, signed_on, place)
         VALUES ($1, $2, $3, $4, 'wet_ink', 'X', 'X', '2023-11-20', 'X')`,
        [a.id, ids['244'], version!.id, 'b'.repeat(64)],
      ),
    ).rejects.toThrow(/foreign key/i);
  });

  it('are refused outside approval', async () => {
    const a = await threeParties();
    const hash = (await getAgreement(ctxOf(countyEditor), a.id)).versions[0]!.sha256;
    await expect(signAgreement(ctxOf(kempeleApprover), a.id, wetInk('244', hash, '2023-09-14'))).rejects.toMatchObject({ code: 'agreements.not_in_approval' });
  });
});

describe('signed by all and in force', () => {
  it('future start date: signed by all, "enters into force on D"; in force from D without any job; the job then stores it', async () => {
    const a = await threeParties({ validFrom: '2024-01-01', validUntil: '2025-12-31' });
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    clock.set('2023-11-20T09:00:00Z');
    await approveAll(a.id, 1, '2023-11-13');
    await signAll(a.id, ['2023-11-15', '2023-11-20', '2023-11-16']);
    expect(await status(a.id)).toBe('signed_by_all');
    const view = await getAgreement(ctxOf(SYSTEM), a.id);
    expect(view.agreement.entersIntoForceOn).toBe('2024-01-01');
    expect(view.approval).toMatchObject({ approved: 3, signed: 3, version: { number: 1 } });
    // Decisions and signatures are closed once all have signed; so is the way back.
    await expect(recordDecision(ctxOf(kempeleApprover), a.id, { partyId: ids['244'], stepId: await stepId(a.id, '244', 1), versionNumber: 1, meetingDate: '2023-11-01', outcome: 'approved' })).rejects.toMatchObject({
      code: 'agreements.approval_closed',
    });
    await expect(returnToDraft(ctxOf(countyEditor), a.id, { reason: 'x' })).rejects.toMatchObject({ code: 'agreements.illegal_transition' });
    clock.set('2023-12-31T21:59:00Z'); // 23.59 in Helsinki on 31.12.
    expect(await status(a.id)).toBe('signed_by_all');
    clock.set('2023-12-31T22:00:00Z'); // midnight in Helsinki: 1.1.2024
    expect(await status(a.id)).toBe('in_force');
    expect((await listAgreements(ctxOf({ kind: 'public' }), 'HVA19')).items.find((i) => i.agreement.id === a.id)!.agreement.status).toBe('in_force');
    expect(await storedStatus(a.id)).toBe('signed_by_all');
    await expect(updateAgreementStatuses(ctxOf(countyEditor))).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await updateAgreementStatuses(ctxOf(SYSTEM))).toContainEqual({ id: a.id, from: 'signed_by_all', to: 'in_force' });
    expect(await storedStatus(a.id)).toBe('in_force');
    clock.set('2026-01-01T10:00:00Z');
    expect(await status(a.id)).toBe('expired');
    expect(await updateAgreementStatuses(ctxOf(SYSTEM))).toContainEqual({ id: a.id, from: 'in_force', to: 'expired' });
    const moves = await db.query<{ summary: { before: { status: string }; after: { status: string } } }>(
      `SELECT summary FROM audit_event WHERE target_id = $1 AND action = 'agreement.status_change' ORDER BY id`,
      [a.id],
    );
    expect(moves.map((m) => `${m.summary.before.status}→${m.summary.after.status}`)).toEqual(['in_approval→signed_by_all', 'signed_by_all→in_force', 'in_force→expired']);
  });

  it('last signature after the start date: in force at once, from the day of the last signature', async () => {
    const a = await threeParties({ validFrom: '2024-01-01' });
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    clock.set('2024-01-20T09:00:00Z');
    await approveAll(a.id, 1, '2024-01-15');
    await signAll(a.id, ['2024-01-16', '2024-01-18', '2024-01-20']);
    expect(await storedStatus(a.id)).toBe('in_force');
    expect((await getAgreement(ctxOf(SYSTEM), a.id)).agreement.entersIntoForceOn).toBe('2024-01-20');
  });

  it('a successor that enters into force supersedes its predecessor', async () => {
    const old = await threeParties({ validFrom: '2023-01-01', validUntil: '2025-12-31' });
    await sendToApproval(ctxOf(countyEditor), old.id, { versionNumber: 1 });
    clock.set('2023-11-20T09:00:00Z');
    await approveAll(old.id, 1, '2023-11-13');
    await signAll(old.id, ['2023-11-14', '2023-11-15', '2023-11-16']);
    expect(await storedStatus(old.id)).toBe('in_force');
    const next = await threeParties({ validFrom: '2026-01-01', predecessorId: old.id });
    await sendToApproval(ctxOf(countyEditor), next.id, { versionNumber: 1 });
    clock.set('2025-11-20T09:00:00Z');
    await approveAll(next.id, 1, '2025-11-10');
    await signAll(next.id, ['2025-11-12', '2025-11-13', '2025-11-14']);
    expect([await status(next.id), await status(old.id)]).toEqual(['signed_by_all', 'in_force']);
    clock.set('2026-01-01T10:00:00Z');
    expect([await status(next.id), await status(old.id)]).toEqual(['in_force', 'superseded']);
    await updateAgreementStatuses(ctxOf(SYSTEM));
    expect([await storedStatus(next.id), await storedStatus(old.id)]).toEqual(['in_force', 'superseded']);
  });
});

describe('the coordinator’s overview', () => {
  it('shows every party × commented / statement / steps / signed, for the parties only', async () => {
    const a = await threeParties();
    await openCommentRound(ctxOf(countyEditor), a.id, { versionNumber: 1, deadline: '2023-10-15' });
    clock.set('2023-10-01T09:00:00Z');
    await addComment(ctxOf(kempeleApprover), a.id, { partyId: ids['244'], kind: 'statement', body: 'Kempele puoltaa.' });
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    clock.set('2023-11-20T09:00:00Z');
    await approveAll(a.id, 1, '2023-11-13');
    await signAgreement(ctxOf(kempeleApprover), a.id, wetInk('244', await sha(a.id), '2023-11-20'));
    const o = await getApprovalOverview(ctxOf(countyEditor), a.id);
    expect(o.stepColumns).toBe(2);
    expect(o.counts).toEqual({ parties: 3, approved: 3, signed: 1, complete: 1 });
    expect(o.parties.map((p) => [p.party.code, p.statement?.versionNumber ?? null, p.chain.length, p.progress.finalApproval?.meetingDate, p.progress.signedOn])).toEqual([
      ['HVA19', null, 2, '2023-11-13', null],
      ['MK17', null, 1, '2023-11-13', null],
      ['244', 1, 2, '2023-11-13', '2023-11-20'],
    ]);
    expect(o.parties.find((p) => p.party.code === '244')!.actions).toEqual([]);
    await expect(getApprovalOverview(ctxOf({ kind: 'public' }), a.id)).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(getApprovalOverview(ctxOf(ouluApprover), a.id)).rejects.toMatchObject({ kind: 'forbidden' });
    // The public sees where approval stands on the agreement page (decisions are public records).
    const pub = await getAgreement(ctxOf({ kind: 'public' }), a.id);
    expect(pub.approval.parties.find((p) => p.partyId === ids['244'])).toEqual({ partyId: ids['244'], finalApprovalOn: '2023-11-13', signedOn: '2023-11-20', complete: true });
  });

  it('reads 32 parties with as many statements as 3 (no query per party)', async () => {
    clock.set('2023-09-14T09:00:00Z');
    const all = await createAgreement(ctxOf(countyEditor), 'HVA19', { titleFi: 'Koko alue', validFrom: '2024-01-01', sectionKeys: ['principles'] });
    await publishVersion(ctxOf(countyEditor), all.id, { label: 'v1' });
    await sendToApproval(ctxOf(countyEditor), all.id, { versionNumber: 1 });
    const small = await threeParties();
    await sendToApproval(ctxOf(countyEditor), small.id, { versionNumber: 1 });
    const counting = (n: { count: number }) => {
      const ctx = ctxOf(countyEditor);
      const query = ctx.db.query.bind(ctx.db);
      return { ...ctx, db: Object.assign(Object.create(ctx.db) as Db, { query: (t: string, p?: readonly unknown[]) => (n.count++, query(t, p)) }) };
    };
    const big = { count: 0 };
    const o = await getApprovalOverview(counting(big), all.id);
    expect(o.parties).toHaveLength(32);
    expect(o.stepColumns).toBe(2);
    const three = { count: 0 };
    await getApprovalOverview(counting(three), small.id);
    expect(big.count).toBe(three.count);
    expect(big.count).toBeLessThanOrEqual(8);
  });
});

// Only the section's own test: the draft stays frozen while in approval.
describe('draft frozen in approval', () => {
  it('refuses section edits while in approval and allows them after the return', async () => {
    const a = await threeParties();
    const sectionId = (await db.query<{ id: string }>('SELECT id FROM agreement_section WHERE agreement_id = $1 ORDER BY position LIMIT 1', [a.id]))[0]!.id;
    await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
    await expect(updateSection(ctxOf(countyEditor), sectionId, { rowVersion: 1, headingFi: 'X' })).rejects.toMatchObject({ code: 'agreements.not_editable' });
    await returnToDraft(ctxOf(countyEditor), a.id, { reason: 'Muutos' });
    await expect(updateSection(ctxOf(countyEditor), sectionId, { rowVersion: 1, headingFi: 'X' })).resolves.toBeDefined();
  });
});
