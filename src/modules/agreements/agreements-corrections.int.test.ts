import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#platform/actor.ts';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import type { UploadedFile } from '#platform/uploads.ts';
import { createTestActor, createTestDb, partyIdByCode, SYSTEM, testCtx } from '../../../tests/support/db.ts';
import {
  annulDecision,
  correctDecision,
  createAgreement,
  exportAgreementVersion,
  getAgreement,
  getApprovalOverview,
  getPartyApproval,
  getPublicRecord,
  getSignatureScan,
  publishVersion,
  recordDecision,
  revokeSignature,
  sendToApproval,
  signAgreement,
  type Agreement,
} from './index.ts';

/**
 * Correcting mistakes in decision records and signatures before the agreement is in force, scanned wet-ink
 * signature pages, and the "party approved" / "all signed" mails on every path that completes approval.
 */
let db: Db;
const ids: Record<string, string> = {};
let countyEditor: Actor;
let countyApprover: Actor;
let kempeleApprover: Actor;
let kempeleViewer: Actor;
let liittoApprover: Actor;
const PUBLIC: Actor = { kind: 'public' };
const clock = fixedClock('2023-09-14T09:00:00Z');
const ctxOf = (actor: Actor) => testCtx(db, actor, clock);

beforeAll(async () => {
  db = await createTestDb();
  for (const code of ['HVA19', '244', 'MK17']) ids[code] = await partyIdByCode(db, code);
  countyEditor = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'editor' }], { displayName: 'HVA valmistelija' });
  countyApprover = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'approver' }], { displayName: 'HVA kirjaaja' });
  kempeleApprover = await createTestActor(db, [{ partyId: ids['244']!, role: 'approver' }], { displayName: 'Kempeleen kirjaaja' });
  kempeleViewer = await createTestActor(db, [{ partyId: ids['244']!, role: 'viewer' }]);
  liittoApprover = await createTestActor(db, [{ partyId: ids.MK17!, role: 'approver' }], { displayName: 'Liiton kirjaaja' });
});
afterAll(async () => db?.close());

/** County + Kempele + the regional council; v1 published and sent to approval. */
async function inApproval(validFrom = '2024-01-01'): Promise<Agreement> {
  clock.set('2023-09-14T09:00:00Z');
  const a = await createAgreement(ctxOf(countyEditor), 'HVA19', {
    titleFi: `Korjattava sopimus ${Math.random().toString(36).slice(2, 8)}`,
    validFrom,
    partyIds: [ids.HVA19, ids['244'], ids.MK17],
    sectionKeys: ['principles'],
  });
  await publishVersion(ctxOf(countyEditor), a.id, { label: 'Kuntajohtajafoorumi 14.9.2023' });
  await sendToApproval(ctxOf(countyEditor), a.id, { versionNumber: 1 });
  clock.set('2023-11-20T09:00:00Z');
  return a;
}

const finalStep = async (agreementId: string, party: string) => {
  const chain = (await getPartyApproval(ctxOf(countyEditor), agreementId, ids[party]!)).approval.chain;
  return chain.filter((s) => s.role === 'approve').at(-1)!.id!;
};
const RECORDER: Record<string, () => Actor> = { HVA19: () => countyApprover, '244': () => kempeleApprover, MK17: () => liittoApprover };
const decide = async (agreementId: string, party: string, meetingDate: string, outcome = 'approved', extra: Record<string, unknown> = {}) =>
  recordDecision(ctxOf(RECORDER[party]!()), agreementId, { partyId: ids[party], stepId: await finalStep(agreementId, party), versionNumber: 1, meetingDate, outcome, ...extra });
const sha = async (agreementId: string) => (await getApprovalOverview(ctxOf(countyEditor), agreementId)).approvalVersion!.sha256;
const sign = async (agreementId: string, party: string, signedOn: string, scan?: UploadedFile, method = 'wet_ink') =>
  signAgreement(
    ctxOf(RECORDER[party]!()),
    agreementId,
    { partyId: ids[party], sha256: await sha(agreementId), method, signerName: `Johtaja ${party}`, signerTitle: 'johtaja', signedOn, place: 'Oulu', reference: method === 'e_signature' ? 'VRK-123' : 'arkisto 1/2023' },
    scan,
  );
const stored = async (id: string) => (await db.query<{ status: string; enters_into_force_on: string | null }>('SELECT status, enters_into_force_on FROM agreement WHERE id = $1', [id]))[0]!;
const mails = async (topic: string, agreementId: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_message WHERE topic = $1 AND body_text LIKE '%' || $2 || '%'`, [topic, agreementId]))[0]!.n;
/** Mails per notification: one per editor/admin of the three parties (here only the county editor). */
const PER_MAIL = 1;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const file = (bytes: Buffer, fileName: string, f: Partial<UploadedFile> = {}): UploadedFile => ({ fileName, bytes, truncated: false, maxBytes: 1024 * 1024, ...f });

describe('correcting a decision record', () => {
  it('the party’s recorder corrects it; a stale form is a conflict with the current record; the audit keeps before and after', async () => {
    const a = await inApproval();
    const d = await decide(a.id, '244', '2023-11-13', 'approved', { section: '41' });
    expect(d.rowVersion).toBe(1);
    const input = { stepId: d.stepId, versionNumber: 1, meetingDate: '2023-11-14', section: '42', outcome: 'approved', diaryNumber: '12/00.01/2023' };
    const fixed = await correctDecision(ctxOf(kempeleApprover), a.id, d.id, { ...input, rowVersion: 1 });
    expect(fixed).toMatchObject({ id: d.id, meetingDate: '2023-11-14', section: '42', diaryNumber: '12/00.01/2023', rowVersion: 2, annulled: null });
    expect(fixed.correctedAt).not.toBeNull();
    // The same form again (row_version 1) is stale.
    const err = await correctDecision(ctxOf(kempeleApprover), a.id, d.id, { ...input, section: '43', rowVersion: 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'agreements.decision_edited_by_someone_else', kind: 'conflict', details: { current: { id: d.id, section: '42', rowVersion: 2 } } });
    const [audit] = await db.query<{ summary: { before: Record<string, unknown>; after: Record<string, unknown> } }>(
      `SELECT summary FROM audit_event WHERE target_id = $1 AND action = 'agreement_decision.correct'`,
      [d.id],
    );
    expect(audit!.summary).toEqual({
      before: { meeting_date: '2023-11-13', section: '41', diary_number: '' },
      after: { meeting_date: '2023-11-14', section: '42', diary_number: '12/00.01/2023' },
    });
  });

  it('checks the input like recording does: date not in the future, § digits, a real re-examination (not itself)', async () => {
    const a = await inApproval();
    const d = await decide(a.id, '244', '2023-11-13');
    const base = { stepId: d.stepId, versionNumber: 1, meetingDate: '2023-11-13', outcome: 'approved', rowVersion: 1 };
    await expect(correctDecision(ctxOf(kempeleApprover), a.id, d.id, { ...base, meetingDate: '2023-12-01' })).rejects.toMatchObject({ issues: [{ field: 'meetingDate', code: 'date_in_future' }] });
    await expect(correctDecision(ctxOf(kempeleApprover), a.id, d.id, { ...base, section: 'kuusi' })).rejects.toMatchObject({ issues: [{ field: 'section', code: 'invalid_section_number' }] });
    await expect(correctDecision(ctxOf(kempeleApprover), a.id, d.id, { ...base, versionNumber: 7 })).rejects.toMatchObject({ issues: [{ field: 'versionNumber', code: 'version_not_sent_to_approval' }] });
    await expect(correctDecision(ctxOf(kempeleApprover), a.id, d.id, { ...base, reExaminesId: d.id })).rejects.toMatchObject({ issues: [{ field: 'reExaminesId', code: 'invalid_re_examination' }] });
    await expect(correctDecision(ctxOf(kempeleApprover), a.id, '00000000-0000-4000-8000-000000000000', base)).rejects.toMatchObject({ code: 'agreements.decision_not_found', kind: 'not_found' });
  });

  it('only for the party itself: other parties’ recorders, its viewers and the public are refused and nothing changes', async () => {
    const a = await inApproval();
    const d = await decide(a.id, '244', '2023-11-13');
    const input = { stepId: d.stepId, versionNumber: 1, meetingDate: '2023-11-13', outcome: 'rejected', rowVersion: 1 };
    await expect(correctDecision(ctxOf(countyApprover), a.id, d.id, input)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(correctDecision(ctxOf(kempeleViewer), a.id, d.id, input)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(correctDecision(ctxOf(PUBLIC), a.id, d.id, input)).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(annulDecision(ctxOf(liittoApprover), a.id, d.id, { rowVersion: 1, reason: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    const after = (await getPartyApproval(ctxOf(kempeleApprover), a.id, ids['244']!)).approval.decisions[0]!;
    expect([after.outcome, after.rowVersion, after.annulled]).toEqual(['approved', 1, null]);
  });
});

describe('annulling a decision record', () => {
  it('stays listed with the reason, no longer counts, and is final; a re-examined record is annulled only after the re-examination', async () => {
    const a = await inApproval();
    const first = await decide(a.id, '244', '2023-11-13');
    const again = await decide(a.id, '244', '2023-11-14', 'rejected', { reExaminesId: first.id });
    await expect(annulDecision(ctxOf(kempeleApprover), a.id, first.id, { rowVersion: 1, reason: 'Väärä pykälä' })).rejects.toMatchObject({ code: 'agreements.decision_re_examined' });
    await expect(annulDecision(ctxOf(kempeleApprover), a.id, again.id, { rowVersion: 1, reason: '' })).rejects.toMatchObject({ issues: [{ field: 'reason' }] });
    const annulled = await annulDecision(ctxOf(kempeleApprover), a.id, again.id, { rowVersion: 1, reason: 'Kirjattu väärään sopimukseen' });
    expect(annulled.annulled).toMatchObject({ reason: 'Kirjattu väärään sopimukseen', by: 'Kempeleen kirjaaja' });
    const mine = (await getPartyApproval(ctxOf(kempeleApprover), a.id, ids['244']!)).approval;
    expect(mine.decisions).toHaveLength(2);
    expect(mine.progress.finalApproval?.id).toBe(first.id);
    expect(mine.progress.changesNeeded).toBe(false);
    await expect(annulDecision(ctxOf(kempeleApprover), a.id, again.id, { rowVersion: 2, reason: 'Uudestaan' })).rejects.toMatchObject({ code: 'agreements.decision_annulled' });
    await expect(correctDecision(ctxOf(kempeleApprover), a.id, again.id, { stepId: again.stepId, versionNumber: 1, meetingDate: '2023-11-14', outcome: 'approved', rowVersion: 2 })).rejects.toMatchObject({
      code: 'agreements.decision_annulled',
    });
    // The public record keeps it, struck through with the reason.
    const record = await getPublicRecord(ctxOf(PUBLIC), a.id);
    const k = record.parties.find((p) => p.party.id === ids['244'])!;
    expect(k.decisions.map((d) => d.annulled?.reason ?? null)).toEqual([null, 'Kirjattu väärään sopimukseen']);
    // In the database: an annulled record does not change, and no record is deleted.
    await expect(db.query('UPDATE agreement_decision SET annul_reason = $2, row_version = row_version + 1 WHERE id = $1', [again.id, 'x'])).rejects.toThrow(/annulled/);
    await expect(db.query('DELETE FROM agreement_decision WHERE id = $1', [again.id])).rejects.toThrow(/never deleted/);
  });
});

describe('revoking a signature', () => {
  it('signed by all goes back to approval (entry date cleared); signing again completes it again; the record keeps the revoked one', async () => {
    const a = await inApproval('2024-01-01');
    for (const p of ['HVA19', '244', 'MK17']) await decide(a.id, p, '2023-11-13');
    await sign(a.id, 'HVA19', '2023-11-15');
    const mistaken = await sign(a.id, '244', '2023-11-16');
    await sign(a.id, 'MK17', '2023-11-17');
    expect(await stored(a.id)).toEqual({ status: 'signed_by_all', enters_into_force_on: '2024-01-01' });
    await expect(revokeSignature(ctxOf(liittoApprover), a.id, mistaken.id, { reason: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(revokeSignature(ctxOf(kempeleApprover), a.id, mistaken.id, { reason: ' ' })).rejects.toMatchObject({ issues: [{ field: 'reason' }] });
    const revoked = await revokeSignature(ctxOf(kempeleApprover), a.id, mistaken.id, { reason: 'Väärä allekirjoittaja' });
    expect(revoked.revoked).toMatchObject({ reason: 'Väärä allekirjoittaja', by: 'Kempeleen kirjaaja' });
    expect(await stored(a.id)).toEqual({ status: 'in_approval', enters_into_force_on: null });
    const statusAudit = await db.query<{ summary: { before: { status: string }; after: { status: string } } }>(
      `SELECT summary FROM audit_event WHERE target_id = $1 AND action = 'agreement.status_change' ORDER BY id DESC LIMIT 1`,
      [a.id],
    );
    expect(statusAudit[0]!.summary).toMatchObject({ before: { status: 'signed_by_all' }, after: { status: 'in_approval', signature_revoked: mistaken.id } });
    await expect(revokeSignature(ctxOf(kempeleApprover), a.id, mistaken.id, { reason: 'Uudestaan' })).rejects.toMatchObject({ code: 'agreements.signature_revoked' });
    expect(await mails('agreement.signed_by_all', a.id)).toBe(1 * PER_MAIL);
    await sign(a.id, '244', '2023-11-18');
    expect(await stored(a.id)).toEqual({ status: 'signed_by_all', enters_into_force_on: '2024-01-01' });
    // A second completion is a second, separate event: one more mail, not two.
    expect(await mails('agreement.signed_by_all', a.id)).toBe(2 * PER_MAIL);
    const k = (await getPartyApproval(ctxOf(kempeleApprover), a.id, ids['244']!)).approval;
    expect(k.signatures).toHaveLength(2);
    expect(k.signatures.filter((x) => x.revoked).map((x) => x.revoked!.reason)).toEqual(['Väärä allekirjoittaja']);
    expect(k.progress.signatures.map((x) => x.signedOn)).toEqual(['2023-11-18']);
    await expect(db.query(`UPDATE agreement_signature SET revoked_at = NULL, revoke_reason = '' WHERE id = $1`, [mistaken.id])).rejects.toThrow(/only a revocation/);
    await expect(db.query(`UPDATE agreement_signature SET place = 'Muu' WHERE id = $1`, [k.signatures.find((s) => !s.revoked)!.id])).rejects.toThrow(/only a revocation/);
  });

  it('annulling the final approval of a party that signed takes the agreement back to approval too', async () => {
    const a = await inApproval('2024-01-01');
    const decisions: Record<string, { id: string }> = {};
    for (const p of ['HVA19', '244', 'MK17']) decisions[p] = await decide(a.id, p, '2023-11-13');
    for (const p of ['HVA19', '244', 'MK17']) await sign(a.id, p, '2023-11-15');
    expect((await stored(a.id)).status).toBe('signed_by_all');
    await annulDecision(ctxOf(liittoApprover), a.id, decisions.MK17!.id, { rowVersion: 1, reason: 'Pöytäkirja oli toisen asian' });
    expect(await stored(a.id)).toEqual({ status: 'in_approval', enters_into_force_on: null });
    expect((await getAgreement(ctxOf(SYSTEM), a.id)).agreement.status).toBe('in_approval');
  });
});

describe('after entry into force', () => {
  it('corrections, annulments and revocations are refused with agreements.records_final (a new version or amendment is the way)', async () => {
    const a = await inApproval('2023-11-01');
    const decisions: Record<string, { id: string; stepId: string }> = {};
    for (const p of ['HVA19', '244', 'MK17']) decisions[p] = await decide(a.id, p, '2023-11-13');
    let last = { id: '' };
    for (const p of ['HVA19', '244', 'MK17']) last = await sign(a.id, p, '2023-11-15');
    expect((await stored(a.id)).status).toBe('in_force');
    const d = decisions['244']!;
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event'))[0]!.n;
    await expect(correctDecision(ctxOf(kempeleApprover), a.id, d.id, { stepId: d.stepId, versionNumber: 1, meetingDate: '2023-11-13', outcome: 'rejected', rowVersion: 1 })).rejects.toMatchObject({
      code: 'agreements.records_final',
      kind: 'conflict',
    });
    await expect(annulDecision(ctxOf(kempeleApprover), a.id, d.id, { rowVersion: 1, reason: 'x' })).rejects.toMatchObject({ code: 'agreements.records_final' });
    await expect(revokeSignature(ctxOf(liittoApprover), a.id, last.id, { reason: 'x' })).rejects.toMatchObject({ code: 'agreements.records_final' });
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event'))[0]!.n).toBe(before);
  });

  it('is decided by the calendar: signed by all with the start date come (stored status lagging) counts as in force', async () => {
    const a = await inApproval('2024-01-01');
    for (const p of ['HVA19', '244', 'MK17']) await decide(a.id, p, '2023-11-13');
    let last = { id: '' };
    for (const p of ['HVA19', '244', 'MK17']) last = await sign(a.id, p, '2023-11-15');
    expect((await stored(a.id)).status).toBe('signed_by_all');
    clock.set('2024-01-02T09:00:00Z');
    await expect(revokeSignature(ctxOf(liittoApprover), a.id, last.id, { reason: 'Myöhässä' })).rejects.toMatchObject({ code: 'agreements.records_final' });
  });
});

describe('"party approved" and "all signed" mails on every path that completes approval, exactly once', () => {
  it('a re-examination that restores an approval after signing completes it: "all signed" mail once', async () => {
    const a = await inApproval('2024-01-01');
    await decide(a.id, 'HVA19', '2023-11-13');
    await decide(a.id, 'MK17', '2023-11-13');
    const first = await decide(a.id, '244', '2023-11-13');
    await sign(a.id, '244', '2023-11-14'); // Kempele signed on its approval…
    const reversed = await decide(a.id, '244', '2023-11-15', 'tabled', { reExaminesId: first.id }); // …then the council re-examined and tabled it.
    await sign(a.id, 'HVA19', '2023-11-16');
    await sign(a.id, 'MK17', '2023-11-16');
    expect((await stored(a.id)).status).toBe('in_approval'); // Kempele's approval is not in force.
    expect(await mails('agreement.signed_by_all', a.id)).toBe(0);
    const partyMailsBefore = await mails('agreement.party_approved', a.id);
    // The re-examination approves again: Kempele's earlier signature counts again and the agreement is complete.
    await decide(a.id, '244', '2023-11-20', 'approved', { reExaminesId: reversed.id });
    expect(await stored(a.id)).toEqual({ status: 'signed_by_all', enters_into_force_on: '2024-01-01' });
    expect(await mails('agreement.signed_by_all', a.id)).toBe(1 * PER_MAIL);
    expect(await mails('agreement.party_approved', a.id)).toBe(partyMailsBefore + PER_MAIL);
  });

  it('annulling a mistaken rejection, or correcting it to an approval, completes it: "all signed" once each time', async () => {
    for (const how of ['annul', 'correct'] as const) {
      const a = await inApproval('2024-01-01');
      await decide(a.id, 'HVA19', '2023-11-13');
      await decide(a.id, 'MK17', '2023-11-13');
      const first = await decide(a.id, '244', '2023-11-13');
      await sign(a.id, '244', '2023-11-14');
      const mistake = await decide(a.id, '244', '2023-11-15', 'rejected', { reExaminesId: first.id });
      await sign(a.id, 'HVA19', '2023-11-16');
      await sign(a.id, 'MK17', '2023-11-16');
      expect((await stored(a.id)).status).toBe('in_approval');
      const before = await mails('agreement.party_approved', a.id);
      if (how === 'annul') await annulDecision(ctxOf(kempeleApprover), a.id, mistake.id, { rowVersion: 1, reason: 'Väärän kokouksen pöytäkirja' });
      else await correctDecision(ctxOf(kempeleApprover), a.id, mistake.id, { stepId: mistake.stepId, versionNumber: 1, meetingDate: '2023-11-15', outcome: 'approved', reExaminesId: first.id, rowVersion: 1 });
      expect((await stored(a.id)).status, how).toBe('signed_by_all');
      expect(await mails('agreement.signed_by_all', a.id), how).toBe(1 * PER_MAIL);
      expect(await mails('agreement.party_approved', a.id), how).toBe(before + PER_MAIL);
      // A further harmless correction (the § number) sends nothing more.
      const [k] = (await getPartyApproval(ctxOf(kempeleApprover), a.id, ids['244']!)).approval.decisions.filter((d) => d.id === first.id);
      await correctDecision(ctxOf(kempeleApprover), a.id, first.id, { stepId: k!.stepId, versionNumber: 1, meetingDate: '2023-11-13', section: '77', outcome: 'approved', rowVersion: k!.rowVersion });
      expect(await mails('agreement.signed_by_all', a.id), how).toBe(1 * PER_MAIL);
      expect(await mails('agreement.party_approved', a.id), how).toBe(before + PER_MAIL);
    }
  });

  it('the last signature sends it once', async () => {
    const a = await inApproval('2024-01-01');
    for (const p of ['HVA19', '244', 'MK17']) await decide(a.id, p, '2023-11-13');
    for (const p of ['HVA19', '244']) await sign(a.id, p, '2023-11-15');
    expect(await mails('agreement.signed_by_all', a.id)).toBe(0);
    await sign(a.id, 'MK17', '2023-11-15');
    expect(await mails('agreement.signed_by_all', a.id)).toBe(1 * PER_MAIL);
  });
});

describe('scanned wet-ink signature pages', () => {
  it('are stored with the signature (SHA-256, size, type by content, cleaned name), public to download, mentioned in exports', async () => {
    const a = await inApproval('2024-01-01');
    for (const p of ['HVA19', '244', 'MK17']) await decide(a.id, p, '2023-11-13');
    const s = await sign(a.id, '244', '2023-11-15', file(PDF, 'C:\\skannit\\allekirjoitus "Kempele".pdf'));
    const hash = createHash('sha256').update(PDF).digest('hex');
    expect(s.scan).toEqual({ sha256: hash, sizeBytes: PDF.length, mediaType: 'application/pdf', fileName: 'allekirjoitus Kempele.pdf' });
    const png = await sign(a.id, 'HVA19', '2023-11-15', file(PNG, 'sivu.jpg')); // named .jpg, but it is a PNG
    expect(png.scan?.mediaType).toBe('image/png');
    const got = await getSignatureScan(ctxOf(PUBLIC), a.id, s.id);
    expect(got).toMatchObject({ fileName: 'allekirjoitus Kempele.pdf', mediaType: 'application/pdf', sha256: hash });
    expect(Buffer.compare(got.body, PDF)).toBe(0);
    const audit = await db.query<{ summary: { after: { scan: unknown } } }>(`SELECT summary FROM audit_event WHERE target_id = $1 AND action = 'agreement_signature.record'`, [s.id]);
    expect(audit[0]!.summary.after.scan).toEqual({ sha256: hash, size: PDF.length, media_type: 'application/pdf', file_name: 'allekirjoitus Kempele.pdf' });
    // The public record lists it; exports say a scan is attached, with its hash.
    const record = await getPublicRecord(ctxOf(PUBLIC), a.id);
    expect(record.parties.find((p) => p.party.id === ids['244'])!.signatures[0]!.scan?.sha256).toBe(hash);
    const docx = await exportAgreementVersion(ctxOf(PUBLIC), a.id, 1, 'docx', 'fi');
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`Skannattu allekirjoitussivu liitteenä (allekirjoitus Kempele.pdf), SHA-256: ${hash}`);
    // The bytes do not change.
    await expect(db.query(`UPDATE agreement_signature_scan SET file_name = 'x.pdf' WHERE signature_id = $1`, [s.id])).rejects.toThrow(/append-only/);
    // A revoked signature's scan is for the parties only.
    await revokeSignature(ctxOf(kempeleApprover), a.id, s.id, { reason: 'Väärä sivu skannattu' });
    await expect(getSignatureScan(ctxOf(PUBLIC), a.id, s.id)).rejects.toMatchObject({ kind: 'not_found' });
    expect((await getSignatureScan(ctxOf(liittoApprover), a.id, s.id)).sha256).toBe(hash);
    expect((await getPublicRecord(ctxOf(PUBLIC), a.id)).parties.find((p) => p.party.id === ids['244'])!.signatures[0]!.scan).toBeNull();
    const docxAfter = await exportAgreementVersion(ctxOf(PUBLIC), a.id, 1, 'docx', 'fi');
    expect(await (await JSZip.loadAsync(docxAfter.body)).file('word/document.xml')!.async('string')).not.toContain(hash);
    await expect(getSignatureScan(ctxOf(PUBLIC), a.id, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'agreements.scan_not_found' });
  });

  it('bad files are refused naming the field, and nothing is written: wrong type, empty, too large, not a wet-ink signature', async () => {
    const a = await inApproval('2024-01-01');
    await decide(a.id, '244', '2023-11-13');
    const count = async () => (await db.query<{ n: number }>('SELECT ((SELECT count(*) FROM agreement_signature) + (SELECT count(*) FROM agreement_signature_scan))::int AS n'))[0]!.n;
    const before = await count();
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    await expect(sign(a.id, '244', '2023-11-15', file(html, 'allekirjoitus.pdf'))).rejects.toMatchObject({ issues: [{ field: 'scan', code: 'scan_type_not_allowed' }] });
    await expect(sign(a.id, '244', '2023-11-15', file(Buffer.alloc(0), 'tyhja.pdf'))).rejects.toMatchObject({ issues: [{ field: 'scan', code: 'file_empty' }] });
    await expect(sign(a.id, '244', '2023-11-15', file(PDF.subarray(0, 16), 'iso.pdf', { truncated: true, maxBytes: 16 }))).rejects.toMatchObject({
      issues: [{ field: 'scan', code: 'file_too_large', params: { max: 1 } }],
    });
    await expect(sign(a.id, '244', '2023-11-15', file(PDF, 'e.pdf'), 'e_signature')).rejects.toMatchObject({ issues: [{ field: 'scan', code: 'scan_wet_ink_only' }] });
    expect(await count()).toBe(before);
    // Without the file the same signature is fine.
    expect((await sign(a.id, '244', '2023-11-15')).scan).toBeNull();
    expect(await count()).toBe(Number(before) + 1);
  });
});
